// When ftp-to-ftp-tls only renames FTP to FTP_TLS, hardcoded-credentials and prot-p run on its input's tree
// and analysis (src/rename-stages.ts) instead of a re-parse and a second analysis of the renamed text. That
// must change nothing: every fixture input, every example and a sample of generated files (bench and fuzz
// generators) give the same result, byte for byte and finding for finding, with the stages run early and with
// the switch that runs each on its own text, as before.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Bindings } from '../src/analysis/bindings.js';
import { initParser, parse } from '../src/parser.js';
import { mapForward, NoPlace, renameStagesCheck, totalRename } from '../src/rename-stages.js';
import { transformSourceSync } from '../src/transform-source.js';
import type { FileResult } from '../src/types.js';
import { fixtureCases, fixtureOptions, FIXTURES_ROOT, runFixture } from './helpers/fixtures.js';
import { benchTexts, exampleTexts, fuzzTexts, outcome } from './helpers/same-result.js';

beforeAll(async () => {
  await initParser();
});

afterEach(() => {
  renameStagesCheck.off = false;
});

/** The result with every stage on its own text (as before), and with the stages run early where they can. */
function bothPaths(run: () => FileResult): { ordinary: unknown; early: unknown; ranEarly: boolean } {
  renameStagesCheck.off = true;
  const ran = renameStagesCheck.ran;
  const ordinary = outcome(run);
  // the switch holds: nothing ran early on the ordinary path
  expect(renameStagesCheck.ran).toBe(ran);
  renameStagesCheck.off = false;
  const before = renameStagesCheck.ran;
  const early = outcome(run);
  return { ordinary, early, ranEarly: renameStagesCheck.ran > before };
}

describe('fixture inputs', () => {
  const cases = fixtureCases();
  let ranEarly = 0;
  it('are there to compare', () => expect(cases.length).toBeGreaterThan(100));
  it.each(cases)('$dir/$name', ({ dir, name }) => {
    const file = path.join(FIXTURES_ROOT, dir, `${name}.input.py`);
    const bytes = fs.readFileSync(file);
    const options = fixtureOptions(dir, name);
    const both = bothPaths(() => runFixture(dir, file, bytes, options).result);
    expect(both.early).toEqual(both.ordinary);
    if (both.ranEarly) ranEarly++;
  });
  it('ran early for many of them', () => expect(ranEarly).toBeGreaterThan(50));
});

describe('examples and generated files', () => {
  it.each(exampleTexts())('examples/$name', ({ name, text }) => {
    const both = bothPaths(() => transformSourceSync(text, { path: name }));
    expect(both.early).toEqual(both.ordinary);
  });

  it('200 bench files (bench/generate.js), most of them early', () => {
    let ranEarly = 0;
    for (const { name, text } of benchTexts()) {
      const both = bothPaths(() => transformSourceSync(text, { path: name }));
      expect(both.early, name).toEqual(both.ordinary);
      if (both.ranEarly) ranEarly++;
    }
    expect(ranEarly).toBeGreaterThan(150);
  });

  it('150 fuzz programs (test/fuzz/generate.js)', () => {
    for (const { name, text } of fuzzTexts()) {
      const both = bothPaths(() => transformSourceSync(text, { path: name }));
      expect(both.early, name).toEqual(both.ordinary);
    }
  });
});

describe('texts the stages write', () => {
  const cases: [string, string[], boolean][] = [
    [
      'a constructor login with a password: the message names the renamed class',
      [
        'from ftplib import FTP',
        '',
        'def push():',
        '    conn = FTP("ftp.example.com", "deploy", "s3cret")',
        '    conn.storbinary("STOR a", open("a", "rb"))',
      ],
      true,
    ],
    [
      'a class handed on: the message names it renamed',
      [
        'import ftplib',
        'from concurrent.futures import ThreadPoolExecutor',
        '',
        'def run(hosts):',
        '    with ThreadPoolExecutor() as pool:',
        '        return list(pool.map(ftplib.FTP, hosts))',
      ],
      true,
    ],
    [
      'a TLS check that names the renamed class: prot-p reads it renamed, the prot_p() under it counts',
      [
        'from ftplib import FTP',
        '',
        'def go(host, user, pw):',
        '    ftp = FTP(host)',
        '    ftp.login(user, pw)',
        '    if isinstance(ftp, (FTP, int)[0]):',
        '        ftp.prot_p()',
        '    ftp.retrlines("LIST")',
      ],
      true,
    ],
    [
      'a receiver spelled with the renamed class: the stages run on the renamed text',
      ['from ftplib import FTP', '', 'def push(host, user, pw):', '    (FTP(host)).login(user, pw)'],
      false,
    ],
  ];
  it.each(cases)('%s', (_name, lines, early) => {
    const both = bothPaths(() => transformSourceSync(lines.join('\n') + '\n', { path: 'x.py' }));
    expect(both.early).toEqual(both.ordinary);
    expect(both.ranEarly).toBe(early);
  });
});

describe('totalRename', () => {
  const renames = (lines: string[], edits: { start: number; end: number; text: string }[]) => {
    const tree = parse(lines.join('\n'));
    const out = totalRename(tree, edits);
    tree.delete();
    return out;
  };
  const text = ['from ftplib import FTP', 'c = FTP("h")', 'd = "FTP"'];
  const at = (word: string, from = 0) => text.join('\n').indexOf(word, from);
  const rename = (start: number) => ({ start, end: start + 3, text: 'FTP_TLS' });

  it('is every identifier FTP renamed, nothing else', () => {
    const all = [rename(at('FTP')), rename(at('FTP(h'.slice(0, 3), at('c = ')))];
    expect(renames(text, all)).toEqual(all);
  });
  it('is not when an identifier FTP stays, or another edit is made', () => {
    expect(renames(text, [rename(at('FTP'))])).toBeUndefined();
    const extra = { start: at('"h"'), end: at('"h"'), text: 'x' };
    expect(renames(text, [rename(at('FTP')), rename(at('FTP', at('c = '))), extra])).toBeUndefined();
  });
  it('is not when the file names FTP_TLS already', () => {
    const lines = ['from ftplib import FTP, FTP_TLS', 'c = FTP("h")'];
    const joined = lines.join('\n');
    const edits = [rename(joined.indexOf('FTP')), rename(joined.indexOf('FTP(', 10))];
    expect(renames(lines, edits)).toBeUndefined();
  });
});

describe('mapForward', () => {
  const renames = [{ start: 10, end: 13, text: 'FTP_TLS' }];
  it('puts a name start before the new name and its end after it', () => {
    expect(mapForward(5, renames)).toBe(5);
    expect(mapForward(10, renames)).toBe(10);
    expect(mapForward(13, renames)).toBe(17);
    expect(mapForward(20, renames)).toBe(24);
  });
  it('has no place inside a renamed name', () => {
    expect(() => mapForward(11, renames)).toThrow(NoPlace);
  });
});

describe('questions the early stages skip (Bindings.mayBeClassAttribute)', () => {
  const program = (...tail: string[]) =>
    ['from ftplib import FTP', '', 'ftp = FTP("host")', 'ftp.login("user", "s3cret")', ...tail, ''].join(
      '\n',
    );

  /** The result on both paths, and the analyses the early one made (with `skipping`, or not). */
  function early(text: string) {
    const spy = vi.spyOn(Bindings.prototype, 'renamedToTls');
    try {
      const both = bothPaths(() => transformSourceSync(text, { path: 'skip.py' }));
      const made = spy.mock.calls.map((call, i) => ({
        skipping: call[1] ?? false,
        bindings: spy.mock.results[i].value as Bindings,
      }));
      return { ...both, made };
    } finally {
      spy.mockRestore();
    }
  }

  it('are skipped when no cycle is cut', () => {
    const { ordinary, early: result, ranEarly, made } = early(program('names = []', 'names.append(ftp)'));
    expect(ranEarly).toBe(true);
    expect(result).toEqual(ordinary);
    expect(made.map((m) => m.skipping)).toEqual([true]);
    expect(made[0].bindings.skipped).toBeGreaterThan(0);
    expect(made[0].bindings.cycleCuts).toBe(0);
  });

  it('are asked after all when a cycle was cut: the stages run again asking every question', () => {
    // a() evaluates a, then b, then a again (cut); b.append is skipped
    const {
      ordinary,
      early: result,
      ranEarly,
      made,
    } = early(program('a = b', 'b = a', 'a()', 'b.append(1)'));
    expect(ranEarly).toBe(true);
    expect(result).toEqual(ordinary);
    expect(made.map((m) => m.skipping)).toEqual([true, false]);
    expect(made[0].bindings.skipped).toBeGreaterThan(0);
    expect(made[0].bindings.cycleCuts).toBeGreaterThan(0);
    expect(made[1].bindings.skipped).toBe(0);
  });
});
