// `importlib.import_module("app.net")` and `__import__("app.net")` on the tree, for a file's analysis: the
// project module the call gives, as an import statement of it would (the rule is dynamic-rule.ts's, which
// the import graph reads on the text too).
import type { Node } from 'web-tree-sitter';
import type { Value } from '../analysis/value.js';
import { callArguments } from '../syntax.js';
import { dynamicTarget, type DynamicHow } from './dynamic-rule.js';
import { specModule } from './modules.js';
import type { ProjectView } from './types.js';
import { projectModule } from './values.js';

const OTHER: Value = { kind: 'other' };

/** What the call gives: the module (or package) of the project it names, when the project has it. */
export function dynamicImport(view: ProjectView, call: Node, how: DynamicHow): Value {
  const args = callArguments(call);
  const target = dynamicTarget(how, {
    positional: args.positional.map((a) => a.text),
    keywords: new Map([...args.keywords].map(([k, v]) => [k, v.text])),
  });
  const module = target && specModule({ module: view.module ?? '', isPackage: view.isPackage }, target.gives);
  return module ? projectModule(view, module) : OTHER;
}
