// End to end: every script in examples/ against a real TLS-only FTPS server (test/helpers/ftps-server.ts).
// (a) The original script, cleartext ftplib.FTP, is refused by the server (550 on USER) and exits non-zero.
// (b) The same script rewritten by the CLI (`ftptls --write <copy of examples/>`) uploads a file and downloads it
//     back, and the bytes that arrive on the server and back on disk are the bytes sent.
// Skipped, with the reason printed, where no FTPS server can be started; with CI=true that fails instead.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleScripts, e2eUnavailable, EXAMPLES, shouldSkip } from './helpers/e2e.js';
import { startFtpsServer, SYSTEM_PYTHON, type FtpsServer } from './helpers/ftps-server.js';
import { runCli, type CliRun } from './helpers/run-cli.js';

const EXPECTED = [
  'aliased_import.py',
  'constructor_login.py',
  'ftp_client_class.py',
  'plain_upload.py',
  'with_block.py',
];

const examples = exampleScripts();
const unavailable = e2eUnavailable();
const skip = shouldSkip('e2e', unavailable);

describe('examples/ end to end against a TLS-only FTPS server', () => {
  let server: FtpsServer | undefined;
  let work: string;
  let transformedDir: string;
  let cli: CliRun;

  beforeAll(async () => {
    if (skip) return;
    if (unavailable) throw new Error(`CI=true, so the end-to-end test may not be skipped: ${unavailable}`);
    server = await startFtpsServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-e2e-'));
    transformedDir = path.join(work, 'transformed');
    fs.cpSync(EXAMPLES, transformedDir, { recursive: true });
    cli = runCli(['--write', transformedDir]);
  });

  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it.skipIf(skip)('has the example scripts', () => {
    expect(examples).toEqual(expect.arrayContaining(EXPECTED));
  });

  for (const name of examples) {
    it.skipIf(skip)(`${name}: the original (cleartext FTP) is refused and exits non-zero`, () => {
      const t = transfer(server!, path.join(EXAMPLES, name), `orig-${name}`);
      expect(t.status, t.output).not.toBe(0);
      expect(t.output).toMatch(/error_perm: 5[35]0 .*(SSL|TLS)/);
      expect(t.uploaded(), 'nothing may reach the server').toBe(false);
      expect(t.downloaded(), 'nothing may be downloaded').toBe(false);
    });

    it.skipIf(skip)(`${name}: rewritten by the CLI, uploads and downloads the same bytes over TLS`, () => {
      expect(cli.status, `ftptls --write failed:\n${cli.stderr}`).toBe(0);
      const script = path.join(transformedDir, name);
      const text = fs.readFileSync(script, 'utf8');
      expect(text).toContain('FTP_TLS');
      expect(text).toContain('.prot_p()');
      const compiled = spawnSync(
        SYSTEM_PYTHON,
        ['-c', 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', script],
        {
          encoding: 'utf8',
        },
      );
      expect(compiled.status, compiled.stderr).toBe(0);

      const t = transfer(server!, script, `tls-${name}`);
      expect(t.status, t.output).toBe(0);
      expect(t.uploaded(), 'the server holds the uploaded bytes').toBe(true);
      expect(t.downloaded(), 'the downloaded copy equals the uploaded bytes').toBe(true);
    });
  }

  it.skipIf(skip)('a second run finds nothing left to change (--check)', () => {
    expect(cli.status, cli.stderr).toBe(0);
    const check = runCli(['--check', transformedDir]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
});

/**
 * Runs `script` with /usr/bin/python3 in a fresh dir. UPLOAD_FILE is a new file of random bytes in up/;
 * DOWNLOAD_FILE has the same base name in down/: the scripts store the upload under its base name and fetch the
 * remote file named like DOWNLOAD_FILE, so a working script brings the uploaded bytes back to DOWNLOAD_FILE.
 */
function transfer(server: FtpsServer, script: string, label: string) {
  const dir = fs.mkdtempSync(path.join(runsDir(server), `${label.replace(/\W/g, '_')}-`));
  const remoteName = `${label.replace(/\W/g, '_')}-${crypto.randomBytes(6).toString('hex')}.bin`;
  const bytes = crypto.randomBytes(64 * 1024 + 123);
  const uploadFile = path.join(dir, 'up', remoteName);
  const downloadFile = path.join(dir, 'down', remoteName);
  fs.mkdirSync(path.dirname(uploadFile));
  fs.mkdirSync(path.dirname(downloadFile));
  fs.writeFileSync(uploadFile, bytes);

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['PYTHONHOME', 'PYTHONPATH', 'PYTHONSTARTUP']) delete env[key];
  Object.assign(env, {
    FTP_HOST: server.host,
    FTP_PORT: String(server.port),
    FTP_USER: server.user,
    FTP_PASS: server.password,
    UPLOAD_FILE: uploadFile,
    DOWNLOAD_FILE: downloadFile,
    PYTHONDONTWRITEBYTECODE: '1',
  });
  const r = spawnSync(SYSTEM_PYTHON, [script], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  const same = (file: string) => fs.existsSync(file) && fs.readFileSync(file).equals(bytes);
  return {
    status: r.status,
    output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
    uploaded: () => same(path.join(server.home, remoteName)),
    downloaded: () => same(downloadFile),
  };
}

/** A scratch dir for script runs, beside (not inside) the server's home. */
function runsDir(server: FtpsServer): string {
  const dir = path.join(path.dirname(server.home), 'runs');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
