// A real FTPS server for end-to-end tests: Debian's pyftpdlib (TLS_FTPHandler, TLS required on the control and
// the data channel) run by /usr/bin/python3 from ftps_server.py beside this file, with a self-signed certificate
// for localhost / 127.0.0.1 made by openssl in a temp dir. It listens on 127.0.0.1 on a port the OS picks, stops
// when stop() is called, and stops by itself after `lifetimeSeconds` or when this process goes away.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_PYTHON } from './python.js';

/** Debian's interpreter (./python.ts): the `python3` on PATH may be another build (pyenv) without pyftpdlib. */
export { SYSTEM_PYTHON };
const SERVER_SCRIPT = path.join(import.meta.dirname, 'ftps_server.py');

export interface FtpsServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The user's home on the server (a temp dir): uploads land here. */
  home: string;
  /** The server's self-signed certificate (PEM), usable as a CA file, e.g. SSL_CERT_FILE. */
  certFile: string;
  stop(): Promise<void>;
}

/** Can an FTPS server be started here? If not, why not. */
export function ftpsAvailable(): { ok: boolean; reason?: string } {
  if (!fs.existsSync(SYSTEM_PYTHON)) return { ok: false, reason: `${SYSTEM_PYTHON} not found` };
  const py = spawnSync(SYSTEM_PYTHON, ['-c', 'import pyftpdlib, OpenSSL'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (py.status !== 0) {
    const why = (py.stderr || String(py.error ?? '')).trim().split('\n').pop();
    return {
      ok: false,
      reason: `${SYSTEM_PYTHON} cannot import pyftpdlib and OpenSSL (apt-get install python3-pyftpdlib python3-openssl): ${why}`,
    };
  }
  const ssl = spawnSync('openssl', ['version'], { encoding: 'utf8', timeout: 30_000 });
  if (ssl.status !== 0)
    return { ok: false, reason: `openssl is not available: ${String(ssl.error ?? ssl.stderr)}` };
  return { ok: true };
}

/** Starts a server (see the top of this file). Throws with the server's stderr if it does not come up. */
export interface FtpsServerOptions {
  lifetimeSeconds?: number;
  /**
   * Accept cleartext clients too (TLS offered, not required): for code that works with plain FTP and must
   * go on working after the rewrite. The default requires TLS on both channels.
   */
  tlsOptional?: boolean;
}

export async function startFtpsServer(options: FtpsServerOptions = {}): Promise<FtpsServer> {
  const lifetime = options.lifetimeSeconds ?? 120;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-ftps-'));
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  const user = 'tester';
  const password = crypto.randomBytes(12).toString('hex');

  const cert = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (cert.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`openssl could not make a certificate: ${cert.stderr || String(cert.error)}`);
  }

  const child = spawn(
    SYSTEM_PYTHON,
    [SERVER_SCRIPT, certFile, keyFile, home, user, password, String(lifetime)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONUNBUFFERED: '1',
        FTPS_TLS_OPTIONAL: options.tlsOptional ? '1' : '',
      },
    },
  );
  // Keep stdin open: the server exits when it closes (this process died). Never let it keep us alive.
  child.stdin.on('error', () => {});
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const stream of [child, child.stdin, child.stdout, child.stderr])
    (stream as { unref?(): void }).unref?.();

  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    cleanup();
  };

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error('the FTPS server did not report its port within 30 s')),
        30_000,
      );
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const m = /^PORT (\d+)$/m.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the FTPS server exited early (${signal ?? `code ${code}`})`));
      });
    });
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${stderr}`);
  }

  return { host: '127.0.0.1', port, user, password, home, certFile, stop };
}
