// Incremental re-parsing (parser.ts reparse) gives the tree a fresh parse gives: every node's type, offsets
// and row/column, on every fixture input and on generated files, with edits like the transforms' own
// (renames, inserted lines, non-ASCII text), through the real pipeline's edits as well.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../bench/random.js';
import type { Tree } from 'web-tree-sitter';
import { generateFile } from '../bench/generate.js';
import { fixturePairs } from './helpers/fixtures.js';
import { applyEdits } from '../src/edits.js';
import { initParser, parse, reparse } from '../src/parser.js';
import type { Edit } from '../src/types.js';
import { BUILTIN_TRANSFORMS } from '../transforms/index.js';
import { transformSourceSync } from '../src/transform-source.js';

beforeAll(async () => {
  await initParser();
});

const FIXTURES = path.resolve(__dirname, '..', '__testfixtures__');

function fixtureInputs(): { name: string; text: string }[] {
  return fs.readdirSync(FIXTURES).flatMap((dir) =>
    fixturePairs(path.join(FIXTURES, dir), '.input.py', '.output.py').inputs.map((name) => ({
      name: `${dir}/${name}`,
      text: fs.readFileSync(path.join(FIXTURES, dir, `${name}.input.py`), 'utf8'),
    })),
  );
}

/** Every node, in order: type, offsets and positions. */
function dump(tree: Tree): string[] {
  const out: string[] = [];
  const cursor = tree.walk(); // deleted by hand: see countSyntaxErrors in src/parser.ts
  try {
    for (;;) {
      const n = cursor.currentNode;
      out.push(
        `${n.type} ${n.startIndex}-${n.endIndex} ${n.startPosition.row}:${n.startPosition.column}-` +
          `${n.endPosition.row}:${n.endPosition.column}`,
      );
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return out;
    }
  } finally {
    cursor.delete();
  }
}

/** Edits like a transform's: rename some identifiers (to non-ASCII ones too), insert lines after some. */
function transformLikeEdits(text: string, tree: Tree, seed: number): Edit[] {
  const edits: Edit[] = [];
  const next = mulberry32(seed);
  let lastEnd = -1;
  for (const id of tree.rootNode.descendantsOfType('identifier')) {
    if (!id || id.startIndex < lastEnd) continue;
    const k = Math.floor(next() * 2 ** 32);
    if (k % 5 === 0) {
      edits.push({
        start: id.startIndex,
        end: id.endIndex,
        text: k % 2 ? `${id.text}_TLS` : `é${id.text}😀`,
      });
      lastEnd = id.endIndex;
    } else if (k % 7 === 0) {
      const stmt = id.parent?.type === 'expression_statement' ? id.parent : undefined;
      const lineEnd = text.indexOf('\n', id.endIndex);
      if (stmt && lineEnd === stmt.endIndex) {
        const indent = ' '.repeat(stmt.startPosition.column);
        edits.push({ start: lineEnd, end: lineEnd, text: `\n${indent}conn.prot_p()  # ü` });
        lastEnd = lineEnd + 1;
      }
    }
  }
  return edits;
}

function expectSameAsFresh(text: string, edits: Edit[]): void {
  const old = parse(text);
  const next = applyEdits(text, edits);
  const incremental = reparse(old, text, next, edits);
  old.delete();
  const fresh = parse(next);
  try {
    expect(dump(incremental)).toEqual(dump(fresh));
  } finally {
    incremental.delete();
    fresh.delete();
  }
}

describe('reparse', () => {
  it('matches a fresh parse after transform-like edits on every fixture input', () => {
    const inputs = fixtureInputs();
    expect(inputs.length).toBeGreaterThan(100);
    let edited = 0;
    inputs.forEach(({ text }, i) => {
      const tree = parse(text);
      const edits = transformLikeEdits(text, tree, i + 1);
      tree.delete();
      if (edits.length) edited++;
      expectSameAsFresh(text, edits);
    });
    // a file without edits compares a tree with itself: most must have some
    expect(edited).toBeGreaterThan(inputs.length * 0.9);
  });

  it('matches a fresh parse on generated files, with edits that add and remove lines', () => {
    for (let i = 0; i < 40; i++) {
      const text = generateFile(i);
      const tree = parse(text);
      const edits = transformLikeEdits(text, tree, i + 7);
      tree.delete();
      expect(edits.length).toBeGreaterThan(0);
      expectSameAsFresh(text, edits);
      // a line broken inside a call's parentheses: what follows on that line moves to a new row and column
      const calls = parse(text);
      const breaks = calls.rootNode
        .descendantsOfType('argument_list')
        .filter((a) => !!a && a.namedChildCount > 0)
        .map((a) => ({ start: a!.startIndex + 1, end: a!.startIndex + 1, text: '\n        ' }));
      calls.delete();
      expect(breaks.length).toBeGreaterThan(0);
      expectSameAsFresh(text, breaks);
      // and removing lines: every `import time` line goes
      const at = text.indexOf('import time\n');
      expectSameAsFresh(text, [{ start: at, end: at + 'import time\n'.length, text: '' }]);
    }
  });

  it('matches a fresh parse on CRLF text with non-ASCII before the edits', () => {
    const text =
      'from ftplib import FTP\r\n# café ☕ 日本\r\ndef f(h):\r\n    c = FTP(h)  # é\r\n    c.login()\r\n';
    const at = text.indexOf('FTP(h)');
    const login = text.indexOf('\r\n', text.indexOf('c.login()'));
    expectSameAsFresh(text, [
      { start: 19, end: 22, text: 'FTP_TLS' },
      { start: at, end: at + 3, text: 'FTP_TLS' },
      { start: login, end: login, text: '\r\n    c.prot_p()' },
    ]);
  });

  it('gives the pipeline the same results as fresh parses would', () => {
    // Each stage's output, parsed fresh and transformed by the next stage alone, gives the same text
    let changed = 0;
    for (let i = 0; i < 20; i++) {
      const text = generateFile(i, 3);
      const all = transformSourceSync(text, { path: `gen${i}.py` });
      if (all.after !== text) changed++;
      let staged = text;
      for (const t of BUILTIN_TRANSFORMS.filter((t) => !t.optIn))
        staged = transformSourceSync(staged, { path: `gen${i}.py`, transforms: [t] }).after;
      expect(all.after).toBe(staged);
    }
    // generated files all use ftplib; one in 20 has nothing the transforms fix
    expect(changed).toBe(19);
  });
});
