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
 * not read here whole (`__all__ = names()`, `__all__.append(...)`, `[*other.__all__]`, any other use): every
 * public name is then taken for exported, which is generous.
 */
export function allNames(root: Node): string[] | undefined {
  const uses = root.descendantsOfType('identifier').filter((n) => n?.text === '__all__');
  if (!uses.every((n) => n && isLiteralAll(n))) return undefined;
  const names = exportedNames(root).flatMap((s) => stringValue(s) ?? []);
  return names.length ? names : undefined;
}

/** `__all__ = [...]` or `__all__ += (...)` whose items are all string literals, at `name` (the target). */
function isLiteralAll(name: Node): boolean {
  const statement = name.parent;
  if (statement?.type !== 'assignment' && statement?.type !== 'augmented_assignment') return false;
  if (statement.childForFieldName('left')?.id !== name.id) return false;
  const value = statement.childForFieldName('right');
  if (!value || !['list', 'tuple'].includes(value.type)) return false;
  return value.namedChildren.every((item) => item?.type === 'string' || item?.type === 'comment');
}
