// End to end for --ssl-context: every script in examples/, rewritten by the built CLI with --write --ssl-context,
// runs against a local TLS-only FTPS server (self-signed certificate for localhost and 127.0.0.1). With
// SSL_CERT_FILE pointing at that certificate it uploads and downloads; without it, Python refuses the server
// with a certificate verification error, which is the point: the context now verifies. Then --check is clean.
// Skipped (with the reason printed) where no FTPS server can be started, except in CI, where that fails.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleScripts, e2eUnavailable, EXAMPLES, shouldSkip } from './helpers/e2e.js';
import { startFtpsServer, SYSTEM_PYTHON, type FtpsServer } from './helpers/ftps-server.js';
import { runCli } from './helpers/run-cli.js';

/** Compiles a file without writing __pycache__ next to it. */
const COMPILE = 'import sys; compile(open(sys.argv[1], "rb").read(), sys.argv[1], "exec")';

const examples = exampleScripts();
const skipReason = e2eUnavailable();
const skip = shouldSkip('e2e-ssl-context', skipReason);

describe.skipIf(skip)('--ssl-context end to end against a local FTPS server', () => {
  let server: FtpsServer;
  let work: string;

  beforeAll(async () => {
    if (skipReason) throw new Error(`CI=true, so this cannot be skipped: ${skipReason}`);
    server = await startFtpsServer({ lifetimeSeconds: 600 });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-e2e-ssl-'));
  });

  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('has example scripts to run', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const name of examples) {
    describe(name, () => {
      let script: string;
      let dir: string;

      beforeAll(() => {
        dir = fs.mkdtempSync(path.join(work, `${path.basename(name, '.py')}-`));
        script = path.join(dir, name);
        fs.copyFileSync(path.join(EXAMPLES, name), script);
        const w = runCli(['--write', '--ssl-context', script]);
        expect(w.status, w.stderr).toBe(0);
      });

      it('is rewritten to FTP_TLS with a verifying context', () => {
        const text = fs.readFileSync(script, 'utf8');
        expect(text).toContain('FTP_TLS');
        expect(text).toMatch(/context=(\w+\.)?create_default_context\(\)/);
        expect(text).toContain('prot_p()');
        const compiled = spawnSync(SYSTEM_PYTHON, ['-c', COMPILE, script], { encoding: 'utf8' });
        expect(compiled.status, compiled.stderr).toBe(0);
      });

      it('uploads and downloads when Python trusts the server certificate (SSL_CERT_FILE)', () => {
        const t = transfer(server, dir, script, { SSL_CERT_FILE: server.certFile });
        expect(t.run.status, t.run.stderr).toBe(0);
        expect(t.uploaded(), 'the upload reached the server').toBe(true);
        expect(t.downloaded(), 'the download reached the local file').toBe(true);
      });

      it('fails with a certificate verification error when the CA is not trusted', () => {
        const t = transfer(server, dir, script, {});
        expect(t.run.status, t.run.stderr).not.toBe(0);
        expect(t.run.stderr).toMatch(/CERTIFICATE_VERIFY_FAILED|certificate verify failed/);
        expect(t.uploaded()).toBe(false);
        expect(t.downloaded()).toBe(false);
      });

      it('--check --ssl-context then finds nothing to change', () => {
        const c = runCli(['--check', '--ssl-context', script]);
        expect(c.status, c.stdout + c.stderr).toBe(0);
        expect(c.stdout).toBe('');
      });
    });
  }
});

/**
 * Runs the script once with fresh files, as the examples' docstrings describe: UPLOAD_FILE (random bytes) is
 * stored on the server under its own name; the server's file named like DOWNLOAD_FILE (other random bytes) is
 * saved to DOWNLOAD_FILE.
 */
function transfer(server: FtpsServer, dir: string, script: string, extraEnv: Record<string, string>) {
  const run = fs.mkdtempSync(path.join(dir, 'run-'));
  const tag = crypto.randomBytes(6).toString('hex');
  const up = crypto.randomBytes(4096);
  const down = crypto.randomBytes(4096);
  const uploadFile = path.join(run, `upload-${tag}.bin`);
  const downloadFile = path.join(run, `download-${tag}.bin`);
  fs.writeFileSync(uploadFile, up);
  fs.writeFileSync(path.join(server.home, path.basename(downloadFile)), down);

  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SSL_CERT_FILE;
  delete env.SSL_CERT_DIR;
  Object.assign(env, {
    FTP_HOST: 'localhost',
    FTP_PORT: String(server.port),
    FTP_USER: server.user,
    FTP_PASS: server.password,
    UPLOAD_FILE: uploadFile,
    DOWNLOAD_FILE: downloadFile,
    PYTHONDONTWRITEBYTECODE: '1',
    ...extraEnv,
  });
  const result = spawnSync(SYSTEM_PYTHON, [script], { cwd: run, env, encoding: 'utf8', timeout: 60_000 });
  return {
    run: { status: result.status, stderr: result.stderr ?? String(result.error ?? '') },
    uploaded: () => sameBytes(path.join(server.home, path.basename(uploadFile)), up),
    downloaded: () => sameBytes(downloadFile, down),
  };
}

function sameBytes(file: string, bytes: Buffer): boolean {
  return fs.existsSync(file) && fs.readFileSync(file).equals(bytes);
}
