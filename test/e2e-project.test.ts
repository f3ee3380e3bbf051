// End to end: a repository, not a file (issue 14). test/data/project/ is a small package whose connection is
// made in transfer/connection.py and logged in in transfer/jobs/copy.py, three imports away (relative imports,
// a package __init__ that re-exports). As written it is refused by the TLS-only server; after
// `ftptls --write .` main.py uploads and downloads; analysed file by file (--no-project) the login gets no
// prot_p() and the data channel is refused: the project-wide pass is what makes it work.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eUnavailable, shouldSkip, transfer, useFtpsServer } from './helpers/e2e.js';
import { notCompiling, pythonUnavailable, runPython } from './helpers/python.js';
import { runCli } from './helpers/run-cli.js';
import { tempDirs } from './helpers/temp.js';

const unavailable = e2eUnavailable();
const DATA = path.join(import.meta.dirname, 'data', 'project');

describe.skipIf(shouldSkip('e2e-project', unavailable))(
  'a small project against a TLS-only FTPS server',
  () => {
    const ftps = useFtpsServer('e2e-project', unavailable);

    /** A copy of the project, rewritten with these flags; its main.py. */
    function rewritten(name: string, flags: string[]): string {
      const dir = path.join(ftps.work, name);
      fs.cpSync(DATA, dir, { recursive: true });
      const cli = runCli(['--write', ...flags, '.'], { cwd: dir });
      expect(cli.status, cli.stderr).toBe(0);
      const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.py'));
      expect(notCompiling(files.map((f) => path.join(dir, f)))).toEqual({});
      return path.join(dir, 'main.py');
    }

    it('is refused as written', () => {
      const t = transfer(ftps.server, ftps.work, path.join(DATA, 'main.py'));
      expect(t.status, t.output).toBe(1);
      expect(t.output).toMatch(/error_perm: 550 .*(SSL|TLS)/);
    });

    it('analysed file by file (--no-project), the login three imports away is left without prot_p()', () => {
      const t = transfer(ftps.server, ftps.work, rewritten('single', ['--no-project']));
      expect(t.status, t.output).toBe(1);
      expect(t.output).toMatch(/550 SSL\/TLS required on the data channel/);
    });

    it('rewritten as a project, uploads and downloads byte for byte', () => {
      const main = rewritten('project', []);
      expect(fs.readFileSync(path.join(path.dirname(main), 'transfer', 'jobs', 'copy.py'), 'utf8')).toContain(
        '    conn.prot_p()\n',
      );
      const t = transfer(ftps.server, ftps.work, main);
      expect(t.status, t.output).toBe(0);
      expect(t.uploaded(), 'the server holds the uploaded bytes').toBe(true);
      expect(t.downloaded(), "the server's file arrived, byte for byte").toBe(true);
      const check = runCli(['--check', '.'], { cwd: path.dirname(main) });
      expect(check.status, check.stdout + check.stderr).toBe(0);
    });
  },
);

describe.skipIf(shouldSkip('e2e-project: unittest', pythonUnavailable()))(
  'a project whose tests patch the module it rewrites',
  () => {
    const temp = tempDirs('e2e-project-tests');
    const SUITE = path.join(import.meta.dirname, 'data', 'project-tests');
    const unittest = (dir: string) => runPython(['-m', 'unittest', '-v', 'tests.test_upload'], { cwd: dir });

    it('its unittest suite passes before and after ftptls --write (the patch target follows the rename)', () => {
      const dir = path.join(temp(), 'suite');
      fs.cpSync(SUITE, dir, { recursive: true });
      const before = unittest(dir);
      expect(before.status, before.output).toBe(0);

      const cli = runCli(['--write', '.'], { cwd: dir });
      expect(cli.status, cli.stderr).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'myapp', 'upload.py'), 'utf8')).toContain('conn = FTP_TLS(host)');
      expect(fs.readFileSync(path.join(dir, 'tests', 'test_upload.py'), 'utf8')).toContain(
        '@mock.patch("myapp.upload.FTP_TLS")',
      );
      const after = unittest(dir);
      expect(after.status, after.output).toBe(0);

      // the code rewritten without moving its test double: the suite breaks (the test can fail)
      const broken = path.join(temp(), 'code-only');
      fs.cpSync(dir, broken, { recursive: true });
      fs.copyFileSync(
        path.join(SUITE, 'tests', 'test_upload.py'),
        path.join(broken, 'tests', 'test_upload.py'),
      );
      const stale = unittest(broken);
      expect(stale.status, stale.output).not.toBe(0);
      expect(stale.output).toMatch(/does not have the attribute 'FTP'|has no attribute 'FTP'/);
    });
  },
);
