// Runs every fixture pair under __testfixtures__/<dir>/<case>.input.py against .output.py, byte for byte.
// <dir> named after a transform runs the built-in pipeline up to and including it; any other <dir> runs the
// default pipeline. <case>.options.json may set `transforms` (names) and any transform option.
// <case>.findings.txt, where present, lists every finding of the input, one a line as the CLI prints them
// (`line:column status rule: message (reason)`): fixtures about what is reported, not only what changes.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countSyntaxErrors, initParser, parse } from '../src/parser.js';
import { decodeSource } from '../src/source-text.js';
import { BUILTIN_TRANSFORMS } from '../transforms/index.js';
import type { Finding } from '../src/types.js';
import { fixtureCases, fixtureOptions, FIXTURES_ROOT as root, runFixture } from './helpers/fixtures.js';

/** A finding as .findings.txt lists it: `line:column status rule: message (reason)`. */
function findingLine(f: Finding): string {
  return `${f.line}:${f.column} ${f.status} ${f.rule}: ${f.message}${f.reason ? ` (${f.reason})` : ''}`;
}

const cases = fixtureCases();
/** Rules that never edit (hardcoded-credentials): other rules may still change the lines of their sites. */
const REPORT_ONLY = new Set(BUILTIN_TRANSFORMS.filter((t) => t.reportOnly).map((t) => t.name));

beforeAll(async () => {
  await initParser();
});

describe('fixtures', () => {
  it('runs every fixture pair on disk: each input has its output, each output and options file its input', () => {
    // every file under __testfixtures__, at any depth: a fixture one level too deep or too shallow is not run
    const onDisk = (fs.readdirSync(root, { recursive: true }) as string[]).map((f) =>
      f.split(path.sep).join('/'),
    );
    const named = (suffix: string) =>
      onDisk
        .filter((f) => f.endsWith(suffix))
        .map((f) => f.slice(0, -suffix.length))
        .sort();
    const run = cases.map(({ dir, name }) => `${dir}/${name}`).sort();
    expect(named('.input.py')).toEqual(run);
    expect(named('.output.py')).toEqual(run);
    expect(named('.options.json').filter((o) => !run.includes(o))).toEqual([]);
    expect(named('.findings.txt').filter((o) => !run.includes(o))).toEqual([]);
  });

  it('has fixture cases for every built-in transform', () => {
    const dirs = new Set(cases.map((c) => c.dir));
    expect(BUILTIN_TRANSFORMS.map((t) => t.name).filter((n) => !dirs.has(n))).toEqual([]);
  });

  for (const { dir, name } of cases) {
    describe(`${dir}/${name}`, () => {
      const base = path.join(root, dir, name);
      const input = fs.readFileSync(`${base}.input.py`);
      const expected = fs.readFileSync(`${base}.output.py`);
      const options = fixtureOptions(dir, name);

      it('output matches byte for byte', () => {
        const { result, bytes } = runFixture(dir, `${name}.input.py`, input, options);
        expect(result.error).toBeUndefined();
        expect(bytes.toString('latin1')).toBe(expected.toString('latin1'));
      });

      if (fs.existsSync(`${base}.findings.txt`))
        it('reports exactly the findings listed in .findings.txt', () => {
          const { result } = runFixture(dir, `${name}.input.py`, input, options);
          const listed = fs.readFileSync(`${base}.findings.txt`, 'utf8').split('\n').filter(Boolean);
          expect(result.findings.map(findingLine)).toEqual(listed);
        });

      it('output parses and a second run changes nothing', () => {
        const { text: expectedText } = decodeSource(expected);
        const inputParsed = countSyntaxErrors(parse(decodeSource(input).text)) === 0;
        if (inputParsed) expect(countSyntaxErrors(parse(expectedText))).toBe(0);
        const again = runFixture(dir, `${name}.output.py`, expected, options);
        expect(again.bytes.toString('latin1')).toBe(expected.toString('latin1'));
      });

      it('suppressed sites are byte-identical in the output', () => {
        const { result } = runFixture(dir, `${name}.input.py`, input, options);
        const inputLines = result.before.split(/(?<=\n)/);
        for (const f of result.findings.filter((x) => x.status === 'suppressed')) {
          const lines = inputLines.slice(f.line - 1, f.endLine);
          // a report-only rule's site is the finding's own text (a `# nosec B105` on `FTP(host, "u", "pw")`
          // does not stop the FTP rewrite of the line); any other rule's is its whole lines
          const original = REPORT_ONLY.has(f.rule)
            ? lines.join('').slice(f.column - 1, lines.slice(0, -1).join('').length + f.endColumn - 1)
            : lines.join('');
          expect(original).not.toBe('');
          expect(result.after).toContain(original);
        }
      });
    });
  }
});
