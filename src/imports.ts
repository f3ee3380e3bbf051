// Edits to `from ftplib import ...` statements that keep their formatting (parentheses, commas, comments).
import type { Node } from 'web-tree-sitter';
import { endsLine, indentAt, lineEnd, lineStart, startsLine } from './syntax.js';
import type { Edit } from './types.js';

/** Replaces the imported name of an import item, keeping any alias: `FTP as X` -> `FTP_TLS as X`. */
export function renameImportedName(item: Node, newName: string): Edit {
  const name = item.type === 'aliased_import' ? item.childForFieldName('name')! : item;
  return { start: name.startIndex, end: name.endIndex, text: newName };
}

/** Adds `, NAME` right after an import item. */
export function addNameAfter(item: Node, name: string): Edit {
  return { start: item.endIndex, end: item.endIndex, text: `, ${name}` };
}

/** Adds a new statement on the line after `stmt`, with its indentation. */
export function addStatementAfter(text: string, stmt: Node, statement: string, eol: string): Edit {
  const at = lineEnd(text, stmt.endIndex);
  return { start: at, end: at, text: `${eol}${indentAt(text, stmt.startIndex)}${statement}` };
}

/** Removes one item from an import statement; the whole statement when it is the only item. */
export function removeImportItem(text: string, stmt: Node, item: Node): Edit {
  const items = stmt.childrenForFieldName('name').filter((n): n is Node => !!n);
  if (items.length <= 1) return removeStatement(text, stmt);
  const next = item.nextSibling;
  if (next?.type === ',') {
    // `FTP,` alone on its line in a parenthesised import: drop the whole line, with the comment about it
    const after = text.slice(next.endIndex, lineEnd(text, next.endIndex)).trim();
    if (startsLine(text, item) && (after === '' || after.startsWith('#'))) {
      const start = lineStart(text, item.startIndex);
      const end = lineEnd(text, next.endIndex);
      return { start, end: end + eolLength(text, end), text: '' };
    }
    let end = next.endIndex;
    while (text[end] === ' ' || text[end] === '\t') end++;
    return { start: item.startIndex, end, text: '' };
  }
  // last item without a trailing comma: drop the comma before it
  const prev = item.previousSibling;
  const start = prev?.type === ',' ? prev.startIndex : item.startIndex;
  return { start, end: item.endIndex, text: '' };
}

/** Removes a statement and its line when it is alone there; otherwise leaves `pass` so blocks stay valid. */
export function removeStatement(text: string, stmt: Node): Edit {
  if (startsLine(text, stmt) && endsLine(text, stmt)) {
    const start = lineStart(text, stmt.startIndex);
    const end = lineEnd(text, stmt.endIndex);
    const onlyInBlock =
      stmt.parent?.type === 'block' &&
      stmt.parent.namedChildren.filter((c) => c?.type !== 'comment').length === 1;
    if (onlyInBlock) return { start: stmt.startIndex, end: stmt.endIndex, text: 'pass' };
    return { start, end: end + eolLength(text, end), text: '' };
  }
  return { start: stmt.startIndex, end: stmt.endIndex, text: 'pass' };
}

function eolLength(text: string, at: number): number {
  if (text.startsWith('\r\n', at)) return 2;
  return text[at] === '\n' || text[at] === '\r' ? 1 : 0;
}
