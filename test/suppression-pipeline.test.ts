// Suppression through the whole pipeline (issue #3): for every fixture under __testfixtures__/suppression/, the
// suppressed sites are findings with status `suppressed` and the marker that matched, their statements are
// byte-identical in the output, negatives are rewritten, file-level markers skip the file; unused markers are
// reported on request; and the output of every mixed file (a suppressed site beside a fixed one) imports and runs
// under a real Python.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParser } from '../src/parser.js';
import { decodeSource, encodeSource } from '../src/source-text.js';
import { transformSourceSync, type TransformSourceOptions } from '../src/transform-source.js';
import type { FileResult } from '../src/types.js';
import { fixturePairs } from './helpers/fixtures.js';
import { notCompiling, python, pythonUnavailable, SYSTEM_PYTHON } from './helpers/python.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { tempDirs } from './helpers/temp.js';

const dir = path.join(import.meta.dirname, '..', '__testfixtures__', 'suppression');
/** Why the outputs cannot be run under Python here: those tests skip outside CI, and fail under CI=true. */
const pythonMissing = pythonUnavailable();
const skipPython = shouldSkip('suppression-pipeline: running the outputs under Python', pythonMissing);

/** A site that must be suppressed: the finding's line, the marker, and the input lines of its statement. */
interface Suppressed {
  line: number;
  marker: string;
  /** First and last input line (1-based) of the suppressed statement; default [line, line]. */
  lines?: [number, number];
  /**
   * The report-only rule: a hard-coded password the marker covers too. It changes nothing, so its statement
   * is byte-identical only when a fixing rule's site on it is suppressed as well.
   */
  credentials?: true;
}

interface Expectation {
  /** Every suppressed finding of the file, in line order. */
  suppressed: Suppressed[];
  /** The file's status; default 'changed' when `fixed` is given, else 'unchanged'. */
  status?: FileResult['status'];
  /** Exactly the lines holding a `fixed` finding: rewritten constructors and logins given prot_p(). */
  fixed?: number[];
  /** Mixed files: Python expressions that must hold in the output module's namespace (`_ftplib` = ftplib). */
  run?: string[];
}

const PLAIN = 'FTP is _ftplib.FTP';
const TLS = 'FTP_TLS is _ftplib.FTP_TLS';

const CASES: Record<string, Expectation> = {
  // precli
  'precli-suppress-id': {
    suppressed: [{ line: 10, marker: '# suppress: PY003' }],
    fixed: [18, 19],
    run: [PLAIN, TLS],
  },
  'precli-rule-name-preceding': { suppressed: [{ line: 6, marker: '# suppress: cleartext_transmission' }] },
  'precli-lists': {
    suppressed: [
      { line: 5, marker: '# suppress: PY003, PY004', lines: [5, 8] },
      { line: 12, marker: '# suppress: PY003 PY004' },
      { line: 16, marker: '# suppress: PY003' },
    ],
  },
  'precli-negative': { suppressed: [], fixed: [5, 6] },
  // CytoScnPy
  'cytoscnpy-bare-ignore': { suppressed: [{ line: 5, marker: '# ignore' }] },
  'cytoscnpy-bare-noqa-import': {
    suppressed: [{ line: 1, marker: '# noqa' }],
    fixed: [5, 6],
    run: [PLAIN, TLS],
  },
  'cytoscnpy-pragma-preceding': {
    suppressed: [
      { line: 12, marker: '# pragma: no cytoscnpy' },
      { line: 12, marker: '# pragma: no cytoscnpy', credentials: true },
    ],
  },
  'cytoscnpy-codes': {
    suppressed: [
      { line: 6, marker: '# noqa: CSP' },
      { line: 10, marker: '# ignore: CSP-D406' },
      { line: 14, marker: '# noqa: CSP-D406, CSP-Q202' },
    ],
  },
  'cytoscnpy-negative': { suppressed: [], fixed: [5, 6] },
  // Bandit
  'bandit-bare-nosec': {
    suppressed: [
      { line: 5, marker: '# nosec' },
      { line: 5, marker: '# nosec', credentials: true },
      { line: 13, marker: '# nosec - reviewed, isolated IoT VLAN' },
      { line: 13, marker: '# nosec - reviewed, isolated IoT VLAN', credentials: true },
    ],
  },
  'bandit-nosec-ids': {
    suppressed: [
      { line: 1, marker: '# nosec B402' },
      { line: 5, marker: '# nosec B321' },
      { line: 13, marker: '# nosec: B321,B402' },
    ],
  },
  // B105 is bandit's hard-coded password rule: it suppresses that report, never the FTP rewrite
  'bandit-negative': { suppressed: [{ line: 5, marker: '# nosec B105', credentials: true }], fixed: [5] },
  // Ruff
  'ruff-noqa-s321-s402': {
    suppressed: [
      { line: 1, marker: '# noqa: S402' },
      { line: 6, marker: '# noqa: S321' },
    ],
    fixed: [14, 15],
    run: [PLAIN, TLS],
  },
  'ruff-negative': { suppressed: [], fixed: [5, 10] },
  'ruff-file-noqa': { suppressed: [], status: 'skipped' },
  'ruff-file-noqa-negative': { suppressed: [], fixed: [6, 7] },
  // Semgrep
  'semgrep-bare': { suppressed: [{ line: 6, marker: '# nosemgrep' }] },
  'semgrep-rule-id': {
    suppressed: [
      {
        line: 6,
        marker: '# nosemgrep: python.lang.security.audit.insecure-transport.ftplib.use-ftp-tls.use-ftp-tls',
      },
      { line: 10, marker: '# nosemgrep: use-ftp-tls' },
    ],
  },
  'semgrep-negative': { suppressed: [], fixed: [5, 6] },
  // the rule use-ftp-tls replaced in October 2024
  'semgrep-old-rule-id': {
    suppressed: [
      { line: 6, marker: '# nosemgrep: python.lang.security.audit.ftplib.ftplib' },
      { line: 12, marker: '# nosemgrep: python.lang.security.audit.ftplib' },
    ],
    fixed: [18, 19],
    run: ['ftplib is _ftplib'],
  },
  'semgrep-both-rule-ids': {
    suppressed: [
      {
        line: 7,
        marker:
          '# nosemgrep: python.lang.security.audit.ftplib.ftplib, ' +
          'python.lang.security.audit.insecure-transport.ftplib.use-ftp-tls.use-ftp-tls',
      },
      { line: 12, marker: '# nosemgrep: use-ftp-tls' },
    ],
    fixed: [11],
    run: [PLAIN, TLS],
  },
  'semgrep-negative-other-ids': { suppressed: [], fixed: [7, 8, 13, 14] },
  // ftptls
  'ftptls-ignore-login': { suppressed: [{ line: 7, marker: '# ftptls: ignore' }], fixed: [6], run: [TLS] },
  'ftptls-ignore-preceding': {
    suppressed: [
      { line: 7, marker: '# ftptls: ignore' },
      { line: 7, marker: '# ftptls: ignore', credentials: true },
    ],
  },
  'ftptls-skip-file': { suppressed: [], status: 'skipped' },
  'ftptls-negative': { suppressed: [], fixed: [8, 9] },
  // --suppress-comment (options.json)
  'user-marker': {
    suppressed: [{ line: 8, marker: '# lab-only (the lab box has no certificate)' }],
    fixed: [14, 15],
    run: [PLAIN, TLS],
  },
  'user-marker-negative': { suppressed: [], fixed: [7, 8] },
  // placement
  'placement-multiline-call': {
    suppressed: [
      { line: 5, marker: '# nosec B321', lines: [5, 10] },
      { line: 27, marker: '# nosec B321', lines: [27, 31] },
    ],
    fixed: [16],
    run: [PLAIN, TLS],
  },
  'placement-parenthesised-import': {
    suppressed: [{ line: 2, marker: '# noqa: S402', lines: [1, 4] }],
    fixed: [9, 10],
    run: [PLAIN, TLS, 'all_errors is _ftplib.all_errors'],
  },
  'placement-crlf-import': {
    suppressed: [
      { line: 1, marker: '# noqa: S402' },
      { line: 5, marker: '# noqa: S321' },
    ],
    fixed: [11, 12],
    run: [PLAIN, TLS],
  },
  'placement-not-adjacent': { suppressed: [], fixed: [5, 11, 12] },
  // the annotations of a suppressed connection stay as they are, reported with its marker
  'suppressed-connection-annotations': {
    suppressed: [
      { line: 10, marker: '# nosec B321' },
      { line: 13, marker: '# nosec B321' },
      { line: 15, marker: '# nosec B321' },
      { line: 19, marker: '# nosec B321' },
      { line: 20, marker: '# nosec B321' },
      { line: 20, marker: '# nosec B321' },
    ],
    fixed: [24, 25],
    run: [PLAIN, TLS, 'Legacy.__annotations__ == {"conn": "ftplib.FTP | None"}'],
  },
  // mixed files
  'mixed-module-attribute': {
    suppressed: [{ line: 7, marker: '# nosec B321' }],
    fixed: [14, 15],
    run: ['ftplib is _ftplib'],
  },
  'mixed-alias': {
    suppressed: [{ line: 5, marker: '# nosec B321' }],
    fixed: [9],
    run: ['PlainFTP is _ftplib.FTP', TLS],
  },
  'mixed-attributes': {
    suppressed: [{ line: 10, marker: '# nosec B321' }],
    fixed: [9, 13],
    run: [PLAIN, TLS],
  },
  'mixed-subclass': {
    suppressed: [{ line: 4, marker: '# nosec B321 - test server on 127.0.0.1 only' }],
    fixed: [14],
    run: [
      PLAIN,
      TLS,
      'issubclass(LoopbackFTP, _ftplib.FTP) and not issubclass(LoopbackFTP, _ftplib.FTP_TLS)',
    ],
  },
  'mixed-with': {
    suppressed: [
      { line: 6, marker: '# ftptls: ignore' },
      { line: 6, marker: '# ftptls: ignore', credentials: true },
    ],
    fixed: [11],
    run: [PLAIN, TLS],
  },
};

/** Imports the module without running `__main__` code, then checks each expression in its namespace. */
const HARNESS = `
import ftplib, json, runpy, sys
ns = runpy.run_path(sys.argv[1], run_name="ftptls_fixture")
assert ns["__name__"] != "__main__"
env = dict(ns, _ftplib=ftplib)
for check in json.loads(sys.argv[2]):
    assert eval(check, env), "does not hold: " + check
print("ok")
`;

interface Run {
  input: Buffer;
  result: FileResult;
  /** The output as bytes, encoded as the input was. */
  output: Buffer;
}

function runCase(name: string, extra: TransformSourceOptions = {}): Run {
  const input = fs.readFileSync(path.join(dir, `${name}.input.py`));
  const optionsFile = path.join(dir, `${name}.options.json`);
  const options = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {};
  const { text, meta } = decodeSource(input);
  const result = transformSourceSync(text, { ...options, ...extra, path: `${name}.input.py` });
  return { input, result, output: encodeSource(result.after, meta) };
}

/** Input lines [from, to] (1-based, inclusive) with their own line endings. */
function inputLines(text: string, [from, to]: [number, number]): string {
  return text
    .split(/(?<=\r\n|\n|\r(?!\n))/)
    .slice(from - 1, to)
    .join('');
}

const tempDir = tempDirs('suppression');
let tmp: string;

beforeAll(async () => {
  await initParser();
  tmp = tempDir();
});

describe('suppression fixtures through the pipeline', () => {
  it('every fixture case has an expectation here, and every expectation a fixture', () => {
    expect(fixturePairs(dir, '.input.py', '.output.py').inputs).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, want] of Object.entries(CASES)) {
    describe(name, () => {
      it('reports each suppressed site with the marker that matched', () => {
        const { result } = runCase(name);
        expect(result.error).toBeUndefined();
        const got = result.findings
          .filter((f) => f.status === 'suppressed')
          .map((f) => ({ line: f.line, marker: f.marker, credentials: f.rule === 'hardcoded-credentials' }));
        expect(got).toEqual(
          want.suppressed.map(({ line, marker, credentials }) => ({
            line,
            marker,
            credentials: !!credentials,
          })),
        );
      });

      it('keeps each suppressed statement byte-identical', () => {
        const { result } = runCase(name);
        for (const site of want.suppressed.filter((s) => !s.credentials)) {
          const original = inputLines(result.before, site.lines ?? [site.line, site.line]);
          expect(result.after).toContain(original);
        }
      });

      it(`ends ${want.status ?? (want.fixed ? 'changed' : 'unchanged')}, rewriting exactly the expected sites`, () => {
        const { result, input, output } = runCase(name);
        const status = want.status ?? (want.fixed ? 'changed' : 'unchanged');
        expect(result.status).toBe(status);
        if (status !== 'changed') expect(output.equals(input)).toBe(true);
        if (status === 'skipped') {
          expect(result.findings).toEqual([]);
          expect(result.skipReason).toMatch(/suppressed for the whole file/);
        }
        const fixedLines = [
          ...new Set(result.findings.filter((f) => f.status === 'fixed').map((f) => f.line)),
        ];
        expect(fixedLines.sort((a, b) => a - b)).toEqual(want.fixed ?? []);
      });

      if (want.run) {
        const checks = want.run;
        it.skipIf(skipPython)(`output imports and runs under ${SYSTEM_PYTHON}`, () => {
          requireAvailable('suppression-pipeline', pythonMissing);
          const { output } = runCase(name);
          const file = path.join(tmp, `${name.replace(/-/g, '_')}.py`);
          fs.writeFileSync(file, output);
          expect(python(['-c', HARNESS, file, JSON.stringify(checks)]).trim()).toBe('ok');
        });
      }
    });
  }

  it.skipIf(skipPython)(`every output compiles under ${SYSTEM_PYTHON}`, () => {
    requireAvailable('suppression-pipeline', pythonMissing);
    const files = Object.keys(CASES).map((name) => {
      const file = path.join(tmp, `compile_${name.replace(/-/g, '_')}.py`);
      fs.writeFileSync(file, runCase(name).output);
      return file;
    });
    expect(notCompiling(files)).toEqual({});
  });
});

describe('reportUnusedSuppressions', () => {
  const unusedOf = (result: FileResult) =>
    result.findings
      .filter((f) => f.rule === 'unused-suppression')
      .map((f) => ({ line: f.line, column: f.column, status: f.status, message: f.message }));
  const unused = (line: number, column: number, marker: string) => ({
    line,
    column,
    status: 'manual',
    message: `suppression marker ${marker} suppresses nothing`,
  });
  const run = (source: string, report = true) =>
    transformSourceSync(source, { path: 'unused.py', reportUnusedSuppressions: report });

  // Lines 3 and 5 hold markers with no FTP site on or below them; line 6 a bare `# noqa` (not ours to judge);
  // lines 10 and 17 suppress constructors; line 28 a login (used only in the prot-p stage, after line 22 has
  // gained a prot_p() line below it in that stage's text).
  const source = [
    'from ftplib import FTP',
    '',
    '# ftptls: ignore',
    'TIMEOUT = 30',
    'RETRIES = 3  # nosec B321',
    'DEBUG = False  # noqa',
    '',
    '',
    'def connect_lab(host):',
    '    # ftptls: ignore',
    '    ftp = FTP(host, timeout=TIMEOUT)',
    '    ftp.login()',
    '    return ftp',
    '',
    '',
    'def connect_legacy(host):',
    '    return FTP(host)  # nosec B321',
    '',
    '',
    'def connect_prod(host, user, password):',
    '    ftp = FTP(host, timeout=TIMEOUT)',
    '    ftp.login(user, password)',
    '    return ftp',
    '',
    '',
    'def health_check(host, user, password):',
    '    ftp = FTP(host, timeout=TIMEOUT)',
    '    ftp.login(user, password)  # ftptls: ignore',
    '    return ftp.voidcmd("NOOP")',
    '',
  ].join('\n');

  it('reports a # ftptls: ignore and a # nosec B321 on lines with no FTP site, nothing else', () => {
    const result = run(source);
    expect(result.status).toBe('changed');
    expect(unusedOf(result)).toEqual([unused(3, 1, '# ftptls: ignore'), unused(5, 14, '# nosec B321')]);
    // the used markers did their job
    expect(
      result.findings.filter((f) => f.status === 'suppressed').map((f) => [f.line, f.rule, f.marker]),
    ).toEqual([
      [11, 'ftp-to-ftp-tls', '# ftptls: ignore'],
      [17, 'ftp-to-ftp-tls', '# nosec B321'],
      [28, 'prot-p', '# ftptls: ignore'],
    ]);
  });

  it('reports nothing unless asked', () => {
    expect(unusedOf(run(source, false))).toEqual([]);
  });

  it('reports no bare # noqa, even alone in a file', () => {
    const result = run('from ftplib import FTP\n\nDEBUG = False  # noqa\n# noqa\nRETRIES = 3\n');
    expect(unusedOf(result)).toEqual([]);
  });

  it('reports a marker on a line whose only calls are not FTP sites', () => {
    const result = run(
      [
        'import logging',
        'from ftplib import FTP',
        '',
        'log = logging.getLogger(__name__)',
        '',
        '',
        'def noop(ftp):',
        '    return ftp.voidcmd("NOOP")  # nosec B321',
        '',
        '',
        'def report(ftp):',
        '    log.info("connected to %s", ftp.host)  # ftptls: ignore',
        '',
        '',
        'def connect(host):',
        '    return FTP(host)  # nosec B321',
        '',
      ].join('\n'),
    );
    expect(unusedOf(result)).toEqual([unused(8, 33, '# nosec B321'), unused(12, 44, '# ftptls: ignore')]);
  });

  it('does not report the marker of a suppressed import whose uses are all suppressed', () => {
    const { result } = runCase('bandit-nosec-ids', { reportUnusedSuppressions: true });
    expect(unusedOf(result)).toEqual([]);
  });

  it('reports a skip-file after the first statement (it skips nothing)', () => {
    const { result } = runCase('ftptls-negative', { reportUnusedSuppressions: true });
    expect(unusedOf(result)).toEqual([unused(4, 1, '# ftptls: skip-file')]);
  });
});
