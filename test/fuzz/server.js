// The FTPS server of the end-to-end tests and of `npm run fuzz` (test/helpers/ftps_server.py: Debian's
// pyftpdlib with TLS required on the control and the data channel, a self-signed certificate made by openssl),
// started from plain JavaScript because the fuzz command runs without a build step; the tests reach it through
// test/helpers/ftps-server.ts, which adds the types.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SYSTEM_PYTHON = '/usr/bin/python3';
const SERVER_SCRIPT = path.join(import.meta.dirname, '..', 'helpers', 'ftps_server.py');

/**
 * @typedef {object} FuzzServer
 * @property {string} host
 * @property {number} port
 * @property {string} user
 * @property {string} password
 * @property {string} home the user's home on the server: uploads land here, downloads are read from here
 * @property {string} certFile the server's self-signed certificate (PEM), usable as a CA file
 * @property {() => Promise<void>} stop
 */

/** @returns {string | undefined} why no FTPS server can be started here, or undefined when one can */
export function serverUnavailable() {
  if (!fs.existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} not found`;
  const py = spawnSync(SYSTEM_PYTHON, ['-c', 'import pyftpdlib, OpenSSL'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (py.status !== 0)
    return `${SYSTEM_PYTHON} cannot import pyftpdlib and OpenSSL (apt-get install python3-pyftpdlib python3-openssl): ${(py.stderr || String(py.error ?? '')).trim().split('\n').pop()}`;
  const ssl = spawnSync('openssl', ['version'], { encoding: 'utf8', timeout: 30_000 });
  if (ssl.status !== 0) return `openssl is not available: ${String(ssl.error ?? ssl.stderr)}`;
  return undefined;
}

/**
 * Starts the server on 127.0.0.1 (a port the OS picks). It stops on stop(), after `lifetimeSeconds`, or when this
 * process goes away (its stdin closes). tlsOptional: cleartext clients are served too (TLS offered, not
 * required), for code that works with plain FTP and must go on working after the rewrite.
 * @param {{ lifetimeSeconds?: number, tlsOptional?: boolean, user?: string }} [options]
 * @returns {Promise<FuzzServer>}
 */
export async function startServer(options = {}) {
  const lifetime = options.lifetimeSeconds ?? 3600;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-fuzz-ftps-'));
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  const user = options.user ?? 'fuzzer';
  const password = crypto.randomBytes(12).toString('hex');
  const cert = spawnSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile],
      ...['-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
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
  child.stdin.on('error', () => {});
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (const stream of [child, child.stdin, child.stdout, child.stderr])
    /** @type {{ unref?(): void }} */ (stream).unref?.();
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error('the FTPS server did not report its port within 30 s')),
        30_000,
      );
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
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
    return { host: '127.0.0.1', port, user, password, home, certFile, stop };
  } catch (err) {
    await stop();
    throw new Error(`${/** @type {Error} */ (err).message}\n${stderr}`);
  }
}
