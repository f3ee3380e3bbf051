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

/**
 * Which binds a module-level name once the module has run, when the module binds it itself (`sites`) and a
 * `*` import (`star`, its statement) gives it too: 'star' when the import runs for certain after every one of
 * the module's own bindings, 'own' when one of those runs for certain after the import, else 'both' (the
 * path decides: `try: from .net import *` / `except ImportError: def open_link(...)`).
 */
export function starOrder(
  star: Node,
  sites: { node: Node; kind: string; def?: Node; value?: Node; statement?: Node }[],
): 'star' | 'own' | 'both' {
  const atTop = star.parent?.type === 'module';
  if (atTop && sites.every((s) => s.node.startIndex < star.startIndex && !inDefinition(s.def ?? s.node)))
    return 'star';
  if (sites.some((s) => s.node.startIndex > star.startIndex && bindsAtTop(s))) return 'own';
  return 'both';
}

/** Inside a function, lambda or class body (a binding there runs when it is called, if ever). */
function inDefinition(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent)
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') return true;
  return false;
}

/** A binding by a statement of the module's top level that binds the name every time it runs. */
function bindsAtTop(site: { node: Node; kind: string; def?: Node; value?: Node; statement?: Node }): boolean {
  const top = (n: Node | null | undefined) =>
    n?.parent?.type === 'module' ||
    (n?.parent?.type === 'decorated_definition' && n.parent.parent?.type === 'module');
  switch (site.kind) {
    case 'def':
      return top(site.def);
    case 'class':
      return top(site.value);
    case 'import':
    case 'from-import':
      return top(site.statement);
    case 'assign': {
      const assignment = site.node.parent;
      return assignment?.type === 'assignment' && assignment.parent?.type === 'expression_statement'
        ? top(assignment.parent)
        : false;
    }
    default:
      return false;
  }
}
