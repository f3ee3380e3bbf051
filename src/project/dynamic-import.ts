// `importlib.import_module("app.net")` and `__import__("app.net")` with a literal name: the project module
// they give, as an import statement of it would (src/project/modules.ts reads the same calls for the import
// graph). A name that is not a literal says nothing: which module it is cannot be known.
import type { Node } from 'web-tree-sitter';
import type { Value } from '../analysis/value.js';
import { callArguments, stringValue } from '../syntax.js';
import { absoluteModule } from './modules.js';
import type { ProjectView } from './types.js';
import { projectModule } from './values.js';

const OTHER: Value = { kind: 'other' };

/**
 * What the call gives: `import_module(name, package)` the module named (relative to `package`, a literal or
 * `__package__`); `__import__(name)` its top package, or the module itself with a non-empty `fromlist`.
 */
export function dynamicImport(view: ProjectView, call: Node, how: 'import_module' | '__import__'): Value {
  const args = callArguments(call);
  const [first, second] = args.positional;
  const name = first?.type === 'string' ? stringValue(first) : undefined;
  if (name === undefined || !/^\.*[\w.]*$/.test(name)) return OTHER;
  const level = /^\.*/.exec(name)![0].length;
  let module: string | undefined = name;
  if (level > 0) {
    if (how !== 'import_module') return OTHER;
    const pkg = args.keywords.get('package') ?? second;
    if (pkg?.type === 'identifier' && pkg.text === '__package__')
      module = absoluteModule(
        { module: view.module ?? '', isPackage: view.isPackage },
        level,
        name.slice(level),
      );
    else {
      const literal = pkg?.type === 'string' ? stringValue(pkg) : undefined;
      module = literal
        ? absoluteModule({ module: literal, isPackage: true }, level, name.slice(level))
        : undefined;
    }
  }
  if (!module || !/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(module)) return OTHER;
  if (how === '__import__' && !nonEmptyFromlist(args.keywords.get('fromlist') ?? args.positional[3]))
    module = module.split('.')[0];
  return projectModule(view, module);
}

/** A `fromlist` that makes `__import__` give the module itself: any but none, `None`, `[]` or `()`. */
function nonEmptyFromlist(fromlist: Node | undefined): boolean {
  if (!fromlist || fromlist.type === 'none') return false;
  if (fromlist.type === 'list' || fromlist.type === 'tuple') return fromlist.namedChildren.length > 0;
  return true;
}
