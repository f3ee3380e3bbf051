// The mock-targets transform: where it runs, how it reads what the project pass knows of other modules (a
// hand-made ProjectView: `renamed` says which of a module's names ftptls took away), how it tells a test file,
// and Python's own verdict on a sample project: its unittest suite passes before the migration, fails after the
// code transforms alone (the doubles no longer stand in for anything), and passes again with mock-targets.
// Byte-exact rewrites of every form are pinned by the fixture pairs in __testfixtures__/mock-targets/.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParser } from '../src/parser.js';
import type { ModuleSummary, ProjectView } from '../src/project/types.js';
import { transformSourceSync } from '../src/transform-source.js';
import type { Finding, Transform } from '../src/types.js';
import { BUILTIN_TRANSFORMS, findTransform } from '../transforms/index.js';
import { FIXTURES_ROOT } from './helpers/fixtures.js';
import { pythonUnavailable, runPython } from './helpers/python.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { tempDirs } from './helpers/temp.js';

beforeAll(async () => {
  await initParser();
});

const DEFAULT = BUILTIN_TRANSFORMS.filter((t) => !t.optIn);
/** The default pipeline as it was before mock-targets: the code is migrated, the tests are not. */
const CODE_ONLY = DEFAULT.filter((t) => t.name !== 'mock-targets');

function summary(module: string, renamed: Record<string, string>): ModuleSummary {
  return { module, path: `${module.replace(/\./g, '/')}.py`, exports: {}, renamed };
}

/** A project whose myapp.upload did `from ftplib import FTP` (now FTP_TLS), and whose myapp.mirror kept it. */
function project(module = 'tests.test_upload', isPackage = false): ProjectView {
  return {
    module,
    isPackage,
    summaries: {
      'myapp.upload': summary('myapp.upload', { FTP: 'FTP_TLS' }),
      'myapp.mirror': summary('myapp.mirror', {}),
    },
  };
}

function run(text: string, options: { path?: string; project?: ProjectView; transforms?: Transform[] } = {}) {
  const result = transformSourceSync(text, { path: 'tests/test_upload.py', ...options });
  expect(result.error).toBeUndefined();
  return { ...result, ours: result.findings.filter((f) => f.rule === 'mock-targets') };
}

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0];
}

describe('mock-targets: registration', () => {
  it('is a built-in transform, on by default, after prot-p, with its metadata', () => {
    const names = BUILTIN_TRANSFORMS.map((t) => t.name);
    expect(names).toContain('mock-targets');
    expect(names.indexOf('mock-targets')).toBeGreaterThan(names.indexOf('prot-p'));
    const t = findTransform('mock-targets')!;
    expect(t.optIn).toBeFalsy();
    expect(t.description).toContain('ftplib.FTP_TLS');
    expect(t.helpUri).toBe('https://docs.python.org/3/library/unittest.mock.html#where-to-patch');
    const byDefault = run('from unittest import mock\n\n@mock.patch("ftplib.FTP")\ndef test(m): pass\n');
    expect(byDefault.after).toContain('@mock.patch("ftplib.FTP_TLS")');
  });
});

describe('mock-targets: FTP patched where a project module uses it', () => {
  const IMPORTS = 'from unittest import mock\n\nfrom myapp import upload\n\n';

  it.each([
    ['patch("myapp.upload.FTP")', 'patch("myapp.upload.FTP_TLS")'],
    ['mock.patch("myapp.upload.FTP")', 'mock.patch("myapp.upload.FTP_TLS")'],
    [
      "mock.patch(target='myapp.upload.FTP', autospec=True)",
      "mock.patch(target='myapp.upload.FTP_TLS', autospec=True)",
    ],
    ['mock.patch("myapp.upload.FTP.login")', 'mock.patch("myapp.upload.FTP_TLS.login")'],
    ['mock.patch.object(upload, "FTP")', 'mock.patch.object(upload, "FTP_TLS")'],
    [
      'mock.patch.multiple("myapp.upload", FTP=mock.DEFAULT)',
      'mock.patch.multiple("myapp.upload", FTP_TLS=mock.DEFAULT)',
    ],
    ['mock.patch.multiple(upload, FTP=mock.DEFAULT)', 'mock.patch.multiple(upload, FTP_TLS=mock.DEFAULT)'],
    [
      'monkeypatch.setattr("myapp.upload.FTP", mock.Mock())',
      'monkeypatch.setattr("myapp.upload.FTP_TLS", mock.Mock())',
    ],
    [
      'monkeypatch.setattr(upload, "FTP", mock.Mock())',
      'monkeypatch.setattr(upload, "FTP_TLS", mock.Mock())',
    ],
    ['upload.FTP = mock.Mock()', 'upload.FTP_TLS = mock.Mock()'],
    ['saved = upload.FTP', 'saved = upload.FTP_TLS'],
  ])('%s -> %s (a file that never names ftplib, analysed for its project import)', (before, after) => {
    const r = run(`${IMPORTS}def test(monkeypatch):\n    ${before}\n`, { project: project() });
    expect(r.after).toBe(`${IMPORTS}def test(monkeypatch):\n    ${after}\n`);
    const f = only(r.ours);
    expect(f.status).toBe('fixed');
    expect(f.line).toBe(6);
    expect(f.message).toContain('myapp.upload now has FTP_TLS where it had FTP (ftptls rewrote its import)');
    expect(f.message).toMatch(/moved to myapp\.upload\.FTP_TLS/);
  });

  it('finds the module through each form of import, relative ones from where the file is', () => {
    const cases: [string, string, ProjectView][] = [
      ['import myapp.upload as upload', 'upload', project()],
      ['import myapp.upload', 'myapp.upload', project()],
      ['from myapp import upload', 'upload', project()],
      ['from .. import upload', 'upload', project('myapp.tests.test_upload')],
      ['from . import upload', 'upload', project('myapp.test_upload')],
      // a package's __init__: its relative imports start from the package itself
      ['from .. import upload', 'upload', project('myapp.tests', true)],
      ['from . import upload', 'upload', project('myapp', true)],
    ];
    for (const [imp, object, view] of cases) {
      const text = `${imp}\nfrom unittest import mock\n\nmock.patch.object(${object}, "FTP")\n`;
      const r = run(text, { project: view });
      expect(r.after, `${imp} in ${view.module}`).toBe(text.replace('"FTP"', '"FTP_TLS"'));
      expect(only(r.ours).status).toBe('fixed');
    }
  });

  it('leaves a module alone when its summary renames nothing, and a name the summary does not rename', () => {
    const text =
      'from unittest import mock\nfrom myapp import mirror, upload\n\n' +
      'mock.patch("myapp.mirror.FTP")\nmock.patch.object(mirror, "FTP")\nmock.patch("myapp.upload.error_perm")\n' +
      'mirror.FTP = mock.Mock()\n';
    const r = run(text, { project: project() });
    expect(r.after).toBe(text);
    expect(r.ours).toEqual([]);
  });

  it('is a manual finding that says it depends on another file, with a project and without one', () => {
    const text =
      'import ftplib\nfrom unittest import mock\nfrom other import ftpmod\n\nmock.patch("other.ftpmod.FTP")\nmock.patch.object(ftpmod, "FTP")\n';
    const withProject = run(text, { project: project() });
    expect(withProject.after).toBe(text);
    expect(withProject.ours.map((f) => `${f.line}:${f.status}`)).toEqual(['5:manual', '6:manual']);
    for (const f of withProject.ours) {
      expect(f.message).toBe('patch target other.ftpmod.FTP not changed');
      expect(f.reason).toContain(
        'depends on another file: other.ftpmod is not among the modules this run analysed',
      );
      expect(f.reason).toContain('patch other.ftpmod.FTP_TLS instead');
    }
    const alone = run(text.replace(/other/g, 'myapp').replace(/ftpmod/g, 'upload'));
    expect(alone.ours.map((f) => `${f.line}:${f.status}`)).toEqual(['5:manual', '6:manual']);
    expect(alone.ours[0].reason).toContain(
      'depends on another file: this run analyses no other file (no project pass: a single file or stdin)',
    );
    // a relative import that no project places: named as written
    const relative = run(
      'import ftplib\nfrom unittest import mock\nfrom . import upload\n\nmock.patch.object(upload, "FTP")\n',
    );
    expect(only(relative.ours).message).toBe('patch target .upload.FTP not changed');
  });

  it('moves a target onto one the file patches already only by hand', () => {
    const text =
      'from unittest import mock\n\nmock.patch("myapp.upload.FTP")\nmock.patch("myapp.upload.FTP_TLS")\n';
    const r = run(text, { project: project() });
    expect(r.after).toBe(text);
    expect(only(r.ours)).toMatchObject({ line: 3, status: 'manual' });
    expect(r.ours[0].reason).toContain('this patch of FTP no longer intercepts its connections');
    expect(r.ours[0].reason).toContain('give the FTP_TLS patch what this one sets up and asserts');
  });

  it('keeps a suppressed target', () => {
    const text = 'from unittest import mock\n\nmock.patch("myapp.upload.FTP")  # ftptls: ignore\n';
    const r = run(text, { project: project() });
    expect(r.after).toBe(text);
    expect(only(r.ours)).toMatchObject({ status: 'suppressed', marker: '# ftptls: ignore' });
  });
});

describe('mock-targets: ftplib.FTP = X is a double only in a test file', () => {
  const BODY = 'import ftplib\n\nftplib.FTP = Fake\n';
  const MOVED = 'import ftplib\n\nftplib.FTP_TLS = Fake\n';

  it.each([
    ['test_upload.py', undefined],
    ['upload_test.py', undefined],
    ['conftest.py', undefined],
    ['tests.py', undefined],
    ['pkg/tests/helpers.py', undefined],
    ['test/fakes.py', undefined],
    // an absolute path names the module's folders through the project pass
    ['/srv/checkout/pkg/helpers.py', { module: 'pkg.tests.helpers', summaries: {} }],
  ])('by its path: %s', (file, view) => {
    const r = run(BODY, { path: file, project: view as ProjectView | undefined });
    expect(r.after).toBe(MOVED);
    expect(only(r.ours)).toMatchObject({ status: 'fixed', line: 3 });
  });

  it.each([
    'import unittest',
    'from unittest import mock',
    'from unittest.mock import MagicMock',
    'import mock',
    'import pytest',
    'import pytest_mock',
  ])('by importing a test framework: %s', (imp) => {
    const r = run(`${imp}\n${BODY}`, { path: 'fakes.py' });
    expect(r.after).toBe(`${imp}\n${MOVED}`);
    expect(only(r.ours).status).toBe('fixed');
  });

  it.each([
    ['app/upload.py', undefined],
    ['<stdin>', undefined],
    // an absolute path's folders say where the checkout is, not what the file is
    ['/home/ci/tests/app/patches.py', undefined],
    ['/home/ci/tests/app/patches.py', { module: 'app.patches', summaries: {} }],
  ])("elsewhere it is the program's own monkeypatch, left to ftp-to-ftp-tls's finding: %s", (file, view) => {
    const r = run(BODY, { path: file, project: view as ProjectView | undefined });
    expect(r.after).toBe(BODY);
    expect(r.ours).toEqual([]);
    expect(only(r.findings)).toMatchObject({ rule: 'ftp-to-ftp-tls', status: 'manual', line: 3 });
  });
});

describe('mock-targets: Python runs the tests of a sample project', () => {
  const pythonMissing = pythonUnavailable();
  const tempDir = tempDirs('mock-targets');
  const HOST = 'ftp.example.invalid';

  /** The code under test: one module imports FTP by name, the other uses ftplib.FTP. */
  const CODE: Record<string, string> = {
    'myapp/__init__.py': '',
    'myapp/upload.py': [
      'from ftplib import FTP',
      '',
      '',
      'def upload(host, user, passwd, name, data):',
      '    ftp = FTP(host)',
      '    ftp.login(user, passwd)',
      '    ftp.storbinary("STOR " + name, data)',
      '    ftp.quit()',
      '',
    ].join('\n'),
    'myapp/mirror.py': [
      'import ftplib',
      '',
      '',
      'def listing(host):',
      '    conn = ftplib.FTP(host)',
      '    conn.login()',
      '    names = conn.nlst()',
      '    conn.quit()',
      '    return names',
      '',
    ].join('\n'),
  };

  /** Its tests: every test mocks the connection, in one of the forms mock-targets moves. */
  const TESTS: Record<string, string> = {
    'tests/__init__.py': '',
    // patches myapp.upload.FTP: only the project pass can say it is FTP_TLS now
    'tests/test_upload.py': [
      'import io',
      'import unittest',
      'from unittest import mock',
      '',
      'from myapp import upload',
      '',
      '',
      'class UploadTest(unittest.TestCase):',
      '    @mock.patch("myapp.upload.FTP")',
      '    def test_decorator(self, ftp_class):',
      `        upload.upload("${HOST}", "u", "p", "a.txt", io.BytesIO(b"x"))`,
      '        ftp_class.return_value.login.assert_called_once_with("u", "p")',
      '',
      '    def test_object(self):',
      '        with mock.patch.object(upload, "FTP") as ftp_class:',
      `            upload.upload("${HOST}", "u", "p", "a.txt", io.BytesIO(b"x"))`,
      '        ftp_class.return_value.storbinary.assert_called_once()',
      '',
      '    def test_double(self):',
      '        saved = upload.FTP',
      '        upload.FTP = mock.MagicMock()',
      '        try:',
      `            upload.upload("${HOST}", "u", "p", "a.txt", io.BytesIO(b"x"))`,
      '            upload.FTP.return_value.quit.assert_called_once_with()',
      '        finally:',
      '            upload.FTP = saved',
      '',
    ].join('\n'),
    'tests/test_mirror.py': [
      'import ftplib',
      'import unittest',
      'from unittest import mock',
      '',
      'from myapp import mirror',
      '',
      '',
      'class MirrorTest(unittest.TestCase):',
      '    @mock.patch("myapp.mirror.ftplib")',
      '    def test_module_mock(self, ftplib_mock):',
      '        ftplib_mock.FTP.return_value.nlst.return_value = ["a"]',
      `        self.assertEqual(mirror.listing("${HOST}"), ["a"])`,
      '',
      '    @mock.patch("ftplib.FTP", autospec=True)',
      '    def test_class(self, ftp_class):',
      '        ftp_class.return_value.nlst.return_value = ["b"]',
      `        self.assertEqual(mirror.listing("${HOST}"), ["b"])`,
      '',
      '    @mock.patch.multiple(ftplib, FTP=mock.DEFAULT)',
      '    def test_multiple_decorator(self, FTP):',
      '        FTP.return_value.nlst.return_value = ["c"]',
      `        self.assertEqual(mirror.listing("${HOST}"), ["c"])`,
      '        FTP.assert_called_once_with("' + HOST + '")',
      '',
      '    def test_multiple_dict(self):',
      '        with mock.patch.multiple("ftplib", FTP=mock.DEFAULT) as mocks:',
      '            mocks["FTP"].return_value.nlst.return_value = ["d"]',
      `            self.assertEqual(mirror.listing("${HOST}"), ["d"])`,
      '',
      '    def test_double(self):',
      '        saved = ftplib.FTP',
      '        ftplib.FTP = mock.MagicMock()',
      '        try:',
      '            ftplib.FTP.return_value.nlst.return_value = ["e"]',
      `            self.assertEqual(mirror.listing("${HOST}"), ["e"])`,
      `            ftplib.FTP.assert_called_once_with("${HOST}")`,
      '        finally:',
      '            ftplib.FTP = saved',
      '',
      '    def test_setattr(self):',
      '        fake = mock.MagicMock()',
      '        fake.return_value.nlst.return_value = ["f"]',
      '        saved = ftplib.FTP',
      '        setattr(ftplib, "FTP", fake)',
      '        try:',
      `            self.assertEqual(mirror.listing("${HOST}"), ["f"])`,
      '        finally:',
      '            setattr(ftplib, "FTP", saved)',
      '',
    ].join('\n'),
  };
  const TEST_COUNT = 9;

  /** Writes the sample, each file through `transforms` (none: as it is), with the project view for tests. */
  function sample(transforms?: Transform[]): string {
    const dir = tempDir();
    for (const [rel, text] of Object.entries({ ...CODE, ...TESTS })) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      let out = text;
      if (transforms) {
        const module = rel
          .replace(/\.py$/, '')
          .replace(/\/__init__$/, '')
          .replace(/\//g, '.');
        const view = rel.startsWith('tests/') ? project(module, rel.endsWith('__init__.py')) : undefined;
        const r = transformSourceSync(text, { path: rel, transforms, project: view });
        expect(r.error, rel).toBeUndefined();
        const manual = r.findings.filter((f) => f.rule === 'mock-targets' && f.status === 'manual');
        expect(manual, rel).toEqual([]);
        out = r.after;
      }
      fs.writeFileSync(file, out);
    }
    return dir;
  }

  function unittest(dir: string) {
    return runPython(['-m', 'unittest', '-v'], { cwd: dir });
  }

  it.skipIf(shouldSkip('mock-targets: the sample unittest run', pythonMissing))(
    'passes before, fails with the code migrated alone, passes with mock-targets',
    () => {
      requireAvailable('mock-targets', pythonMissing);
      const before = unittest(sample());
      expect(before.output).toContain(`Ran ${TEST_COUNT} tests`);
      expect(before.status, before.output).toBe(0);

      // the code transforms alone: FTP_TLS in the code, every double still on FTP: each test fails
      const codeOnly = sample(CODE_ONLY);
      expect(fs.readFileSync(path.join(codeOnly, 'myapp/upload.py'), 'utf8')).toContain(
        'ftp = FTP_TLS(host)',
      );
      const broken = unittest(codeOnly);
      expect(broken.status, broken.output).toBe(1);
      expect(broken.output).toContain(`Ran ${TEST_COUNT} tests`);
      expect(broken.output).not.toMatch(/\.\.\. ok$/m);

      const migrated = sample(DEFAULT);
      const tests = fs.readFileSync(path.join(migrated, 'tests/test_mirror.py'), 'utf8');
      expect(tests).toContain('def test_multiple_decorator(self, FTP_TLS):');
      const fixed = unittest(migrated);
      expect(fixed.output).toContain(`Ran ${TEST_COUNT} tests`);
      expect(fixed.output).toMatch(/\nOK\n/);
      expect(fixed.status, fixed.output).toBe(0);
    },
  );
});

describe('mock-targets: a double of ftplib.FTP for a connection kept cleartext stays', () => {
  const pythonMissing = pythonUnavailable();
  const CASE = path.join(FIXTURES_ROOT, 'project', 'patch-object-for-kept-cleartext');
  const tempDir = tempDirs('mock-targets-kept');

  /** The case's tree (`input` or `output`) copied, with `edit` applied to its test file. */
  function copy(side: 'input' | 'output', edit = (text: string) => text): string {
    const dir = path.join(tempDir(), side);
    fs.cpSync(path.join(CASE, side), dir, { recursive: true });
    const test = path.join(dir, 'tests', 'test_feed.py');
    fs.writeFileSync(test, edit(fs.readFileSync(test, 'utf8')));
    return dir;
  }

  it.skipIf(shouldSkip('mock-targets: the kept-cleartext unittest run', pythonMissing))(
    'its tests pass before and after ftptls, and fail with the doubles moved onto FTP_TLS',
    () => {
      requireAvailable('mock-targets', pythonMissing);
      for (const side of ['input', 'output'] as const) {
        const r = runPython(['-m', 'unittest', '-v'], { cwd: copy(side) });
        expect(r.output, side).toContain('Ran 2 tests');
        expect(r.status, r.output).toBe(0);
      }
      // what moving them would do: push_legacy's real FTP then connects to a host that does not exist
      const moved = copy('output', (text) =>
        text
          .replace('(ftplib, "FTP")', '(ftplib, "FTP_TLS")')
          .replace(/ftplib\.FTP\b(?!_)/g, 'ftplib.FTP_TLS'),
      );
      const r = runPython(['-m', 'unittest', '-v'], { cwd: moved });
      expect(r.output).toContain('Ran 2 tests');
      expect(r.output).toMatch(/FAILED \(errors=2\)/);
    },
  );
});
