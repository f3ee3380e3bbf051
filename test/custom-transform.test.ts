// Custom transforms end to end: the documented example (examples/custom-transform/mock-patch-targets.js) and
// deliberately broken modules, loaded by the built CLI with --transform, on real files in temporary
// directories. The example's sample project is a real unittest suite: it passes before, fails after the code
// transforms alone (its mocks no longer intercept), and passes again with the example transform. The built-in
// mock-targets now does what the example does, so the example runs after the code transforms only (CODE_ONLY),
// as it did before mock-targets existed; the default pipeline keeps the suite passing on its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { pythonUnavailable, runPython } from './helpers/python.js';
import { runCli } from './helpers/run-cli.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { tempDirs } from './helpers/temp.js';

const ROOT = path.join(import.meta.dirname, '..');
const EXAMPLE = path.join(ROOT, 'examples', 'custom-transform', 'mock-patch-targets.js');
const SAMPLE = path.join(ROOT, 'examples', 'custom-transform', 'sample');
const pythonMissing = pythonUnavailable();
/** The built-ins that change the code, not the tests: the pipeline the example was written to follow. */
const CODE_ONLY = ['-t', 'ftp-to-ftp-tls', '-t', 'prot-p'];

const tempDir = tempDirs('custom');
let dir: string;
beforeEach(() => {
  dir = tempDir();
});

function write(rel: string, text: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const read = (rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

function copySample(): void {
  fs.cpSync(SAMPLE, dir, { recursive: true });
}

/** The sample's unit tests, with the system Python (no network: the mocks stand in for the server). */
function unittest(cwd: string) {
  return runPython(['-m', 'unittest', '-v'], { cwd });
}

/** Writes a transform module into the temp dir and returns the path to pass to --transform. */
function module(name: string, body: string): string {
  write(name, body);
  return `./${name}`;
}

describe('the documented example transform (mock-patch-targets)', () => {
  it('shows the diff for the tests and the code together, and writes nothing', () => {
    copySample();
    const before = read('test_uploader.py');
    const r = runCli(['.', ...CODE_ONLY, '--transform', EXAMPLE], { cwd: dir });
    expect(r.stderr).toContain('2 files changed');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--- a/test_uploader.py\n+++ b/test_uploader.py\n');
    expect(r.stdout).toContain('-    @mock.patch("ftplib.FTP")\n+    @mock.patch("ftplib.FTP_TLS")\n');
    expect(r.stdout).toContain(
      '-        with mock.patch.object(ftplib, "FTP") as ftp_class:\n' +
        '+        with mock.patch.object(ftplib, "FTP_TLS") as ftp_class:\n',
    );
    // the built-ins still run first, on every file
    expect(r.stdout).toContain('+    ftp = ftplib.FTP_TLS(host)\n');
    expect(r.stdout).toContain('+    ftp.prot_p()\n');
    expect(read('test_uploader.py')).toBe(before);

    // after the default built-ins (mock-targets among them) the example finds nothing left to move
    const all = runCli(['.', '--transform', EXAMPLE, '--format', 'json'], { cwd: dir });
    expect(all.status).toBe(0);
    const rules = (
      JSON.parse(all.stdout) as { files: { path: string; findings: { rule: string }[] }[] }
    ).files
      .filter((f) => f.path.endsWith('test_uploader.py'))
      .flatMap((f) => f.findings.map((x) => x.rule));
    expect(rules).toEqual(['mock-targets', 'mock-targets']);
  });

  it.skipIf(shouldSkip('custom-transform: the sample unittest run', pythonMissing))(
    '--write keeps the sample test suite passing, where the code transforms alone break it',
    () => {
      requireAvailable('custom-transform', pythonMissing);
      copySample();
      const passing = unittest(dir);
      expect(passing.status, passing.output).toBe(0);

      const codeOnly = tempDir();
      fs.cpSync(SAMPLE, codeOnly, { recursive: true });
      expect(runCli(['--write', '.', ...CODE_ONLY], { cwd: codeOnly }).status).toBe(0);
      const broken = unittest(codeOnly);
      // unittest's exit when tests fail: the mocks patch FTP, the code now makes a real FTP_TLS
      expect(broken.status, broken.output).toBe(1);

      // the default built-ins include mock-targets, which moves the targets itself
      const builtins = tempDir();
      fs.cpSync(SAMPLE, builtins, { recursive: true });
      expect(runCli(['--write', '.'], { cwd: builtins }).status).toBe(0);
      expect(fs.readFileSync(path.join(builtins, 'test_uploader.py'), 'utf8')).toContain(
        '@mock.patch("ftplib.FTP_TLS")',
      );
      const builtinsRun = unittest(builtins);
      expect(builtinsRun.status, builtinsRun.output).toBe(0);

      const w = runCli(['--write', '.', ...CODE_ONLY, '-t', EXAMPLE], { cwd: dir });
      expect(w.status).toBe(0);
      expect(w.stderr).toContain('fixed test_uploader.py');
      expect(read('test_uploader.py')).toContain('@mock.patch("ftplib.FTP_TLS")');
      const fixed = unittest(dir);
      expect(fixed.output).toContain('OK');
      expect(fixed.status).toBe(0);
    },
  );

  it('is idempotent: a second run changes nothing and --check passes', () => {
    copySample();
    expect(runCli(['--write', '.', ...CODE_ONLY, '-t', EXAMPLE], { cwd: dir }).status).toBe(0);
    const once = read('test_uploader.py');
    const again = runCli(['--check', '.', ...CODE_ONLY, '-t', EXAMPLE], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(read('test_uploader.py')).toBe(once);
  });

  it('reports its findings under its own name, with fixed, manual and suppressed sites', () => {
    write(
      'test_forms.py',
      [
        'import ftplib',
        'import ftplib as fl',
        'from unittest import mock',
        'from unittest.mock import patch',
        '',
        '@patch("ftplib.FTP")',
        'def a(m): pass',
        '',
        "@mock.patch(target='ftplib.FTP', autospec=True)",
        'def b(m): pass',
        '',
        'def c(mocker, monkeypatch):',
        '    mocker.patch("ftplib.FTP", return_value=None)',
        '    monkeypatch.setattr("ftplib.FTP", object)',
        '    monkeypatch.setattr(fl, "FTP", object)',
        '    mock.patch.multiple(ftplib, FTP=mock.DEFAULT)',
        '    mock.patch.object(other, "FTP")',
        '    mock.patch(f"ftplib.{name}")',
        '    mock.patch("myapp.upload.FTP")',
        '    mock.patch("ftplib.FTP")  # nosec',
        '',
      ].join('\n'),
    );
    const r = runCli(['test_forms.py', ...CODE_ONLY, '-t', EXAMPLE, '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      files: { findings: { rule: string; line: number; status: string; reason?: string }[] }[];
    };
    const ours = report.files[0].findings.filter((f) => f.rule === 'mock-patch-targets');
    expect(ours.map((f) => `${f.line}:${f.status}`)).toEqual([
      '6:fixed',
      '9:fixed',
      '13:fixed',
      '14:fixed',
      '15:fixed',
      '16:fixed',
      '19:manual',
      '20:suppressed',
    ]);
    expect(ours.find((f) => f.status === 'manual')?.reason).toContain('myapp.upload.FTP_TLS');

    const w = runCli(['--write', 'test_forms.py', ...CODE_ONLY, '-t', EXAMPLE], { cwd: dir });
    expect(w.status).toBe(0);
    const text = read('test_forms.py');
    expect(text).toContain('@patch("ftplib.FTP_TLS")\n');
    expect(text).toContain("@mock.patch(target='ftplib.FTP_TLS', autospec=True)\n");
    expect(text).toContain('    mocker.patch("ftplib.FTP_TLS", return_value=None)\n');
    expect(text).toContain('    monkeypatch.setattr("ftplib.FTP_TLS", object)\n');
    expect(text).toContain('    monkeypatch.setattr(fl, "FTP_TLS", object)\n');
    expect(text).toContain('    mock.patch.multiple(ftplib, FTP_TLS=mock.DEFAULT)\n');
    expect(text).toContain('    mock.patch.object(other, "FTP")\n'); // not ftplib
    expect(text).toContain('    mock.patch(f"ftplib.{name}")\n'); // not a plain string
    expect(text).toContain('    mock.patch("myapp.upload.FTP")\n'); // manual
    expect(text).toContain('    mock.patch("ftplib.FTP")  # nosec\n'); // suppressed
  });

  it('leaves the targets to a person when the file already patches FTP_TLS too', () => {
    write(
      'test_both.py',
      'from unittest import mock\n\n@mock.patch("ftplib.FTP")\n@mock.patch("ftplib.FTP_TLS")\ndef t(a, b): pass\n',
    );
    const r = runCli(['--check', 'test_both.py', ...CODE_ONLY, '-t', EXAMPLE], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /test_both\.py:3:13: manual: patch target ftplib\.FTP not changed \(this file also patches ftplib\.FTP_TLS/,
    );
  });

  it('is a rule of its own in SARIF', () => {
    copySample();
    const r = runCli(['.', ...CODE_ONLY, '-t', EXAMPLE, '--format', 'sarif'], { cwd: dir });
    expect(r.status).toBe(0);
    const sarif = JSON.parse(r.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } };
        results: { ruleId: string }[];
      }[];
    };
    const rule = sarif.runs[0].tool.driver.rules.find((x) => x.id === 'mock-patch-targets');
    expect(rule?.shortDescription.text).toContain('ftplib.FTP_TLS');
    expect(sarif.runs[0].results.filter((x) => x.ruleId === 'mock-patch-targets')).toHaveLength(2);
  });

  it('loads in worker threads too (many files)', () => {
    const sample = fs.readFileSync(path.join(SAMPLE, 'test_uploader.py'), 'utf8');
    for (let i = 0; i < 150; i++) write(`tests/test_${String(i).padStart(3, '0')}.py`, sample);
    const r = runCli(['--write', 'tests', ...CODE_ONLY, '-t', EXAMPLE, '--jobs', '3'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('150 files changed');
    for (const f of fs.readdirSync(path.join(dir, 'tests')))
      expect(fs.readFileSync(path.join(dir, 'tests', f), 'utf8')).toContain('"ftplib.FTP_TLS"');
  });

  it('type-checks against the built declarations (tsc --checkJs)', () => {
    const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
    const r = spawnSync(
      tsc,
      [
        '--ignoreConfig',
        '--noEmit',
        '--allowJs',
        '--checkJs',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        '--skipLibCheck',
        EXAMPLE,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('a broken transform module', () => {
  const INSECURE = 'from ftplib import FTP\n\nftp = FTP("h")\nftp.login("u", "p")\n';

  it('a syntax error: exit 2, one clear line with the line number, nothing changed', () => {
    const file = write('app.py', INSECURE);
    const mod = module(
      'broken.js',
      'export default {\n  name: "broken",\n  run(ctx) { return { findings: [ }\n};\n',
    );
    const r = runCli(['--write', '.', '-t', mod], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "ftptls: cannot load transform ./broken.js: SyntaxError: Unexpected token '}' (line 3)\n",
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(INSECURE);
  });

  it('no transform exported, a missing file, a missing import, a taken name: exit 2 each', () => {
    write('app.py', INSECURE);
    const cases: [string, string, RegExp][] = [
      [
        'empty.js',
        'export const x = 1;\n',
        /\.\/empty\.js does not export a transform: expected a default export \{ name, description, run\(ctx\) \}/,
      ],
      [
        'dep.js',
        'import "no-such-package-ftptls";\nexport default {};\n',
        /cannot load transform \.\/dep\.js: Cannot find package 'no-such-package-ftptls'/,
      ],
      [
        'taken.js',
        'export default { name: "prot-p", description: "x", run() { return { findings: [] }; } };\n',
        /\.\/taken\.js: the transform name 'prot-p' is already taken/,
      ],
      [
        'throws.js',
        'throw new Error("cannot start");\n',
        /cannot load transform \.\/throws\.js: cannot start/,
      ],
    ];
    for (const [name, body, message] of cases) {
      const r = runCli(['.', '-t', module(name, body)], { cwd: dir });
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
      expect(r.stdout, name).toBe('');
    }
    const missing = runCli(['.', '-t', './nowhere.js'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(
      /^ftptls: transform module \.\/nowhere\.js not found \(.*nowhere\.js\)\n$/,
    );
  });

  it('overlapping edits: that file is an error and is not written; the other files are', () => {
    const bad = write('bad.py', INSECURE);
    const good = write('good.py', 'import ftplib\n\nftp = ftplib.FTP("h")\n');
    const mod = module(
      'overlap.js',
      [
        'export default {',
        '  name: "overlap",',
        '  description: "two findings that rewrite the same text",',
        '  run(ctx) {',
        '    const at = ctx.source.indexOf("FTP_TLS(\\"h\\")");',
        '    if (!ctx.source.includes("login")) return { findings: [] };',
        '    const f = (text) => ({ rule: "overlap", start: at, end: at + 7, status: "fixed", message: text,',
        '      edits: [{ start: at, end: at + 7, text }] });',
        '    return { findings: [f("A"), f("B")] };',
        '  },',
        '};',
        '',
      ].join('\n'),
    );
    const r = runCli(['--write', '.', '-t', mod], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.py: error: transform overlap produced overlapping edits; not changed\n');
    expect(fs.readFileSync(bad, 'utf8')).toBe(INSECURE);
    expect(fs.readFileSync(good, 'utf8')).toBe('import ftplib\n\nftp = ftplib.FTP_TLS("h")\n');
    expect(r.stderr).toContain('fixed good.py\n');
  });

  it('a run() that throws or returns a bad edit: that file is an error, with the reason', () => {
    const file = write('app.py', INSECURE);
    const throws = module(
      'boom.js',
      'export default { name: "boom", run() { throw new Error("kaboom"); } };\n',
    );
    const r1 = runCli(['--write', '.', '-t', throws], { cwd: dir });
    expect(r1.status).toBe(2);
    expect(r1.stderr).toContain('app.py: error: transform boom failed: kaboom\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(INSECURE);

    const outside = module(
      'outside.js',
      'export default { name: "outside", run(ctx) { return { findings: [], edits: [{ start: 0, end: ctx.source.length + 5, text: "" }] }; } };\n',
    );
    const r2 = runCli(['--write', '.', '-t', outside], { cwd: dir });
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(
      /app\.py: error: transform outside failed: invalid edit \{"start":0,"end":\d+,"text":""\}/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(INSECURE);

    const notParsing = module(
      'garbage.js',
      'export default { name: "garbage", run(ctx) { return { findings: [{ start: 0, end: 0, status: "fixed", message: "m", edits: [{ start: 0, end: 0, text: "def (:\\n" }] }] }; } };\n',
    );
    const r3 = runCli(['--write', '.', '-t', notParsing], { cwd: dir });
    expect(r3.status).toBe(2);
    expect(r3.stderr).toContain('app.py: error: the result of garbage would not parse; not changed');
    expect(fs.readFileSync(file, 'utf8')).toBe(INSECURE);
  });
});
