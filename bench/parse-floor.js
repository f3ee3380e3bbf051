#!/usr/bin/env node
// The parse-only floor of issue 15: every .py file under DIR read (UTF-8) and parsed once by web-tree-sitter
// with the grammar ftptls uses (tree-sitter-python.wasm), in this one thread, each tree deleted at once. No
// analysis, no edits, no output: what any tool on this parser must spend at least. bench.js times it beside
// ftptls --jobs 1 in the same rounds.
//
//   node bench/parse-floor.js DIR
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import { pyFiles } from './py-files.js';

const require = createRequire(import.meta.url);
const [dir] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: node bench/parse-floor.js DIR\n');
  process.exit(2);
}
await Parser.init();
const parser = new Parser();
parser.setLanguage(await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
let nodes = 0;
for (const file of pyFiles(dir)) {
  const tree = parser.parse(fs.readFileSync(file, 'utf8'));
  if (!tree) throw new Error(`tree-sitter returned no tree for ${file}`);
  // one read through the boundary, so the parse cannot be skipped or left lazy
  nodes += tree.rootNode.descendantCount;
  tree.delete();
}
process.stdout.write(`${nodes} nodes\n`);
