// ftp-to-ftp-tls's inheritedCallEdits evaluates the callee only of a call with more than four arguments, the
// only ones that can get keyword edits, unless the file has suppression markers (asking the suppressor about a
// call records its marker as used). Skipping the other callees must change nothing: every fixture input, every
// example and a sample of generated files (bench and fuzz generators) give the same result, byte for byte and
// finding for finding, with the shortcut and with the switch that evaluates every callee as before.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initParser, parse } from '../src/parser.js';
import { createSuppressor } from '../src/suppression.js';
import { transformSourceSync } from '../src/transform-source.js';
import type { FileResult } from '../src/types.js';
import { inheritedCallCheck } from '../transforms/ftp-to-ftp-tls.js';
import { fixtureCases, fixtureOptions, FIXTURES_ROOT, runFixture } from './helpers/fixtures.js';
import { benchTexts, exampleTexts, fuzzTexts, outcome } from './helpers/same-result.js';

beforeAll(async () => {
  await initParser();
});

afterEach(() => {
  inheritedCallCheck.everyCall = false;
});

/** The result with every callee evaluated (as before the shortcut), and with the shortcut. */
function bothPaths(run: () => FileResult): { every: unknown; shortcut: unknown } {
  inheritedCallCheck.everyCall = true;
  const every = outcome(run);
  inheritedCallCheck.everyCall = false;
  return { every, shortcut: outcome(run) };
}

describe('fixture inputs', () => {
  const cases = fixtureCases();
  it('are there to compare', () => expect(cases.length).toBeGreaterThan(100));
  it.each(cases)('$dir/$name', ({ dir, name }) => {
    const file = path.join(FIXTURES_ROOT, dir, `${name}.input.py`);
    const bytes = fs.readFileSync(file);
    const options = fixtureOptions(dir, name);
    const { every, shortcut } = bothPaths(() => runFixture(dir, file, bytes, options).result);
    expect(shortcut).toEqual(every);
  });
});

describe.each([{}, { reportUnusedSuppressions: true }])('with options %j', (options) => {
  it.each(exampleTexts())('examples/$name', ({ name, text }) => {
    const { every, shortcut } = bothPaths(() => transformSourceSync(text, { path: name, ...options }));
    expect(shortcut).toEqual(every);
  });

  it.each([
    ['200 bench files (bench/generate.js)', benchTexts],
    ['150 fuzz programs (test/fuzz/generate.js)', fuzzTexts],
  ])('%s', (_, texts) => {
    for (const { name, text } of texts()) {
      const { every, shortcut } = bothPaths(() => transformSourceSync(text, { path: name, ...options }));
      expect(shortcut, name).toEqual(every);
    }
  });
});

describe('a marker on a call the shortcut would skip', () => {
  // FTP.__init__ is reached through the subclass: asking the suppressor about the call uses the marker, so
  // with a marker in the file every callee is evaluated, and the marker is not reported as unused
  const source = [
    'from ftplib import FTP',
    '',
    '',
    'class Client(FTP):',
    '    pass',
    '',
    '',
    'conn = Client("ftp.example.com")  # ftptls: ignore',
    '',
  ].join('\n');

  it('is used: the file has a marker, so every callee is evaluated and the marker is not reported unused', () => {
    const run = () => transformSourceSync(source, { reportUnusedSuppressions: true });
    expect(run().findings.map((f) => f.rule)).not.toContain('unused-suppression');
  });

  it('is what the suppressor says it has', () => {
    const hasMarkers = (text: string) => {
      const tree = parse(text);
      const answer = createSuppressor(text, tree).hasMarkers;
      tree.delete();
      return answer;
    };
    expect(hasMarkers(source)).toBe(true);
    expect(hasMarkers('import ftplib\n# a comment\n')).toBe(false);
  });
});
