// One tree-sitter-python parser per thread, loaded once from the wasm that tree-sitter-python ships.
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

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

/** Number of ERROR and MISSING nodes: an edit must never raise it. */
export function countSyntaxErrors(tree: Tree): number {
  if (!tree.rootNode.hasError) return 0;
  let count = 0;
  const cursor = tree.walk();
  let done = false;
  while (!done) {
    const node = cursor.currentNode;
    if (node.isError || node.isMissing) count++;
    if (node.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  return count;
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
