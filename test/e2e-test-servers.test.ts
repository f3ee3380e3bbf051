// End to end: a test suite that runs its own cleartext FTP server (issue 14). test/data/test-servers/ holds a
// unittest file that starts pyftpdlib's FTPHandler on 127.0.0.1 (a free port, in a thread) and logs in to it
// with ftplib.FTP. It passes as written; `ftptls --write` leaves it byte for byte as it was, with a manual
// finding at each client, and it still passes; the naive rewrite to FTP_TLS (what ftptls must not do) fails,
// since the server does not understand AUTH TLS: the proof that this suite can fail.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv, pythonUnavailable, runPython, SYSTEM_PYTHON } from './helpers/python.js';
import { runCli } from './helpers/run-cli.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { tempDirs } from './helpers/temp.js';

const DATA = path.join(import.meta.dirname, 'data', 'test-servers');
const SUITE = 'test_plain_server.py';

/** Why the suite cannot run here: no Python with pyftpdlib, or no built CLI. */
function unavailable(): string | undefined {
  const python = pythonUnavailable();
  if (python) return python;
  const r = spawnSync(SYSTEM_PYTHON, ['-c', 'import pyftpdlib'], { encoding: 'utf8', env: pythonEnv() });
  if (r.status !== 0)
    return `${SYSTEM_PYTHON} cannot import pyftpdlib (apt-get install python3-pyftpdlib): ${r.stderr.trim()}`;
  if (!fs.existsSync(path.join(import.meta.dirname, '..', 'dist', 'src', 'cli.js')))
    return 'the CLI is not built (run `npm run build`)';
  return undefined;
}

const reason = unavailable();

it('test/data/test-servers holds exactly the suite this test runs', () => {
  expect(fs.readdirSync(DATA).sort()).toEqual([SUITE]);
});

describe.skipIf(shouldSkip('e2e-test-servers', reason))('a suite with its own cleartext FTP server', () => {
  const tempDir = tempDirs('e2e-test-servers');
  const original = fs.readFileSync(path.join(DATA, SUITE));
  let dir: string;

  beforeAll(() => {
    requireAvailable('e2e-test-servers', reason);
    dir = tempDir();
  });

  /** Runs the suite in `file` with unittest: its exit status and output. */
  const runSuite = (file: string) => runPython([path.basename(file)], { cwd: path.dirname(file) });

  it('passes as written, is left byte for byte by ftptls --write with a finding at each client, and passes again', () => {
    const file = path.join(dir, SUITE);
    fs.writeFileSync(file, original);
    const before = runSuite(file);
    expect(before.status, before.output).toBe(0);
    expect(before.output).toMatch(/Ran 2 tests[\s\S]*\nOK/);

    const cli = runCli(['--write', file]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(fs.readFileSync(file).equals(original), 'the suite is unchanged').toBe(true);
    const why =
      'cleartext ftplib.FTP not rewritten (this file runs a cleartext FTP test server (pyftpdlib FTPHandler, ' +
      'line 29): its clients stay FTP so the suite keeps passing; switch the server to TLS_FTPHandler, then ' +
      'run ftptls again)';
    expect(cli.stderr).toContain(`${SUITE}:49:16: manual: ${why}`);
    expect(cli.stderr).toContain(`${SUITE}:65:14: manual: ${why}`);
    expect(cli.stderr).toMatch(/0 files changed, 1 unchanged/);

    const after = runSuite(file);
    expect(after.status, after.output).toBe(0);
    expect(after.output).toMatch(/Ran 2 tests[\s\S]*\nOK/);
  });

  it('fails once its clients are FTP_TLS, the rewrite ftptls does not make: the server refuses AUTH TLS', () => {
    const naive = path.join(fs.mkdtempSync(path.join(dir, 'naive-')), SUITE);
    const text = original.toString('utf8');
    const rewritten = text.replaceAll('ftplib.FTP(', 'ftplib.FTP_TLS(');
    expect(rewritten).not.toBe(text);
    fs.writeFileSync(naive, rewritten);
    const broken = runSuite(naive);
    expect(broken.status, broken.output).toBe(1);
    expect(broken.output).toContain('error_perm: 500 Command "AUTH" not understood');
    expect(broken.output).toMatch(/FAILED \(errors=2\)/);
  });
});
