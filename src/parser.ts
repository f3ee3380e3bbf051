// One tree-sitter-python parser per thread, loaded once from the wasm that tree-sitter-python ships.
import { createRequire } from 'node:module';
import { Edit as TreeEdit, Language, Parser, type Node, type Point, type Tree } from 'web-tree-sitter';
import { lowerBound } from './sorted.js';
import type { Edit } from './types.js';

const require = createRequire(import.meta.url);
let ready: Promise<Parser> | undefined;
let parser: Parser | undefined;

/** Loads the grammar; every other function here needs this to have resolved once. */
export function initParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
    return p;
  })();
  return ready;
}

export function parse(text: string): Tree {
  if (!parser) throw new Error('initParser() must resolve before parse()');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/**
 * Parses `newText`, which is `oldText` with `edits` applied (sorted, not overlapping, in `oldText`'s offsets),
 * reusing the unchanged parts of `old`: a stage's few edits cost a fraction of a full parse. `old` is edited
 * to match and must not be used for anything else afterwards (the caller deletes it).
 */
export function reparse(old: Tree, oldText: string, newText: string, edits: Edit[]): Tree {
  editTree(old, oldText, edits);
  return parseEdited(old, newText);
}

/**
 * Edits `tree` (of `text`) to match `text` with `edits` applied, as reparse does, for a parseEdited later:
 * the edits of several stages may be given one after another, each in the offsets of the text before it.
 */
export function editTree(tree: Tree, text: string, edits: Edit[]): void {
  const newlines = newlineOffsets(text);
  // Last edit first: the text before each edit is still the old text, so its positions hold
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i];
    const startPosition = pointAt(newlines, e.start);
    tree.edit(
      new TreeEdit({
        startIndex: e.start,
        oldEndIndex: e.end,
        newEndIndex: e.start + e.text.length,
        startPosition,
        oldEndPosition: pointAt(newlines, e.end),
        newEndPosition: advance(startPosition, e.text),
      }),
    );
  }
}

/** Parses `newText`, reusing `old` edited to match it by editTree (the caller deletes `old`). */
export function parseEdited(old: Tree, newText: string): Tree {
  if (!parser) throw new Error('initParser() must resolve before reparse()');
  const tree = parser.parse(newText, old);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** Offsets of every \n: tree-sitter counts rows by \n alone. */
function newlineOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i);
  return out;
}

/** Row and column (UTF-16 units, as every index here) of an offset. */
function pointAt(newlines: number[], offset: number): Point {
  const lo = lowerBound(newlines.length, (i) => newlines[i] < offset);
  return { row: lo, column: offset - (lo > 0 ? newlines[lo - 1] + 1 : 0) };
}

/** Where a point ends up after `text` is inserted at it. */
function advance(at: Point, text: string): Point {
  const last = text.lastIndexOf('\n');
  if (last < 0) return { row: at.row, column: at.column + text.length };
  let rows = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) rows++;
  return { row: at.row + rows, column: text.length - last - 1 };
}

/** Number of ERROR and MISSING nodes: an edit must never raise it. */
export function countSyntaxErrors(tree: Tree): number {
  if (!tree.rootNode.hasError) return 0;
  let count = 0;
  // Deleted by hand, always: web-tree-sitter 0.27's finalizer for a cursor left to the garbage collector
  // frees whatever cursor is in its transfer buffer at the time, which corrupts the parser's memory
  const cursor = tree.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) count++;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return count;
    }
  } finally {
    cursor.delete();
  }
}

/** 1-based line and column (UTF-16 units) of the first syntax error, for messages. */
export function firstSyntaxError(tree: Tree): { line: number; column: number } | undefined {
  const find = (node: Node): Node | undefined => {
    if (node.isError || node.isMissing) return node;
    for (const child of node.children) {
      if (child?.hasError || child?.isMissing) {
        const hit = find(child);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  const hit = tree.rootNode.hasError ? find(tree.rootNode) : undefined;
  return hit && { line: hit.startPosition.row + 1, column: hit.startPosition.column + 1 };
}
