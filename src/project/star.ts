// `from module import *` of a project module: the names it gives are those its `__all__` lists, or without
// one its names that do not start with `_` (Python's rule); its summary says which of them matter.
import type { Node } from 'web-tree-sitter';
import { exportedNames, stringValue } from '../syntax.js';
import type { ModuleSummary } from './types.js';

/** The summarised names a `*` import of the module gives. */
export function starNames(summary: ModuleSummary): string[] {
  const { all } = summary;
  return Object.keys(summary.exports).filter((n) => (all ? all.includes(n) : !n.startsWith('_')));
}

/**
 * The names a module's literal `__all__` lists (for its summary); undefined when it has none, or one that is
 * not read here (`__all__ = names()`): every public name is then taken for exported, which is generous.
 */
export function allNames(root: Node): string[] | undefined {
  const names = exportedNames(root).flatMap((s) => stringValue(s) ?? []);
  return names.length ? names : undefined;
}

/** The `from X import *` statements at a module's top, with X as written (`.net` keeps its dots). */
export function starImports(root: Node): { module: string; line: number }[] {
  const out: { module: string; line: number }[] = [];
  for (const star of root.descendantsOfType('wildcard_import')) {
    const statement = star?.parent;
    const module = statement?.childForFieldName('module_name');
    if (statement && module)
      out.push({ module: module.text.replace(/\s+/g, ''), line: statement.startPosition.row + 1 });
  }
  return out;
}
