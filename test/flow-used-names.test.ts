// The one-scan collection of the names a function body uses as a connection could be used
// (src/analysis/flow.ts) agrees with the per-name pattern it replaces, for every word of every Python text
// under __testfixtures__/ and examples/ and for texts written to strain the patterns' edges.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesUsedAsConnection, usesAsConnection } from '../src/analysis/flow.js';

const ROOT = path.resolve(__dirname, '..');

function pythonTexts(dir: string): string[] {
  const files = fs.readdirSync(dir, { recursive: true }) as string[];
  return files.filter((f) => f.endsWith('.py')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Every word of the text (and a few it does not contain), each checked both ways. */
function disagreements(text: string): string[] {
  const found = namesUsedAsConnection(text);
  const words = new Set([...(text.match(/\w+/g) ?? []), 'conn', 'ftp', 'absent_name']);
  return [...words].filter((w) => found.has(w) !== usesAsConnection(text, w));
}

const EDGES = [
  'return return conn',
  'x = a.b = conn\n',
  'x =\n  conn\n',
  'y == conn   \r\nz = other',
  'f(a, b,c)\nfoo .login()\nbar. close()',
  'ftp.login ftp.loginx . login( ftp2 . dirs()',
  'café(x) éconn(y) conn_é.quit()',
  'return conn2x\nreturn\tc3; (d,e)\n[f, g]',
  '"= s" + t(u)(v)\n= w\n',
  'a.b(c).d(e, f)(g)',
];

describe('names used as a connection (one scan)', () => {
  it('agrees with the per-name pattern on every word of the fixtures and examples', () => {
    const texts = [
      ...pythonTexts(path.join(ROOT, '__testfixtures__')),
      ...pythonTexts(path.join(ROOT, 'examples')),
    ];
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(disagreements(text)).toEqual([]);
  });

  it('agrees on texts at the patterns edges', () => {
    for (const text of EDGES) expect(disagreements(text)).toEqual([]);
  });
});
