// What both end-to-end tests share: the example scripts, whether they can run here, and running one. Where no FTPS server
// can be started (or the CLI is not built) they are skipped with the reason printed; with CI=true, never.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ftpsAvailable, startFtpsServer, type FtpsServer, type FtpsServerOptions } from './ftps-server.js';
import { runPython } from './python.js';
import { requireAvailable } from './skip.js';
import { tempDirs } from './temp.js';

export { CI, shouldSkip } from './skip.js';

export const EXAMPLES = path.join(import.meta.dirname, '..', '..', 'examples');

/** The example scripts both end-to-end tests run, sorted: exactly what examples/*.py must be. */
export const EXAMPLE_SCRIPTS = [
  'aliased_import.py',
  'constructor_login.py',
  'ftp_client_class.py',
  'plain_upload.py',
  'with_block.py',
];

/** The example scripts on disk (examples/*.py), sorted. */
export function exampleScripts(): string[] {
  if (!fs.existsSync(EXAMPLES)) return [];
  return fs
    .readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.py'))
    .sort();
}

/** Why an end-to-end test cannot run here, or undefined when it can. */
export function e2eUnavailable(): string | undefined {
  const available = ftpsAvailable();
  if (!available.ok) return `no FTPS server can be started here: ${available.reason}`;
  if (!fs.existsSync(path.join(EXAMPLES, '..', 'dist', 'src', 'cli.js')))
    return 'the CLI is not built (run `npm run build`)';
  return undefined;
}

export interface Transfer {
  status: number | null;
  /** stdout, stderr and any spawn error: for messages and matching. */
  output: string;
  /** The server holds the uploaded bytes under the upload's name. */
  uploaded(): boolean;
  /** The server's file named like DOWNLOAD_FILE arrived, byte for byte. */
  downloaded(): boolean;
}

/**
 * Runs an example script with /usr/bin/python3 in a fresh dir under `dir`, as the examples' docstrings
 * describe: UPLOAD_FILE (random bytes) is to be stored on the server under its own name, and the server's file
 * named like DOWNLOAD_FILE (other random bytes) to be saved to DOWNLOAD_FILE. Certificates are verified
 * against SSL_CERT_FILE only when `env` gives one.
 */
export function transfer(
  server: FtpsServer,
  dir: string,
  script: string,
  env: Record<string, string> = {},
): Transfer {
  const run = fs.mkdtempSync(path.join(dir, 'run-'));
  const tag = crypto.randomBytes(6).toString('hex');
  const up = crypto.randomBytes(64 * 1024 + 123);
  const down = crypto.randomBytes(4096);
  const uploadFile = path.join(run, `upload-${tag}.bin`);
  const downloadFile = path.join(run, `download-${tag}.bin`);
  fs.writeFileSync(uploadFile, up);
  fs.writeFileSync(path.join(server.home, path.basename(downloadFile)), down);

  const r = runPython([script], {
    cwd: run,
    env: {
      // Python's own trust store unless `env` names one
      SSL_CERT_FILE: undefined,
      SSL_CERT_DIR: undefined,
      // the certificate names localhost
      FTP_HOST: 'localhost',
      FTP_PORT: String(server.port),
      FTP_USER: server.user,
      FTP_PASS: server.password,
      UPLOAD_FILE: uploadFile,
      DOWNLOAD_FILE: downloadFile,
      ...env,
    },
  });
  const same = (file: string, bytes: Buffer) => fs.existsSync(file) && fs.readFileSync(file).equals(bytes);
  return {
    ...r,
    uploaded: () => same(path.join(server.home, path.basename(uploadFile)), up),
    downloaded: () => same(downloadFile, down),
  };
}

/**
 * For the body of an end-to-end describe (skipped by shouldSkip where `unavailable`): starts the FTPS server
 * before its tests (failing under CI when it cannot run) and stops it after; `work` is a temp dir for them.
 */
export function useFtpsServer(
  name: string,
  unavailable: string | undefined,
  options: FtpsServerOptions = {},
): { readonly server: FtpsServer; readonly work: string } {
  const tempDir = tempDirs(name);
  let server: FtpsServer | undefined;
  let work: string | undefined;
  beforeAll(async () => {
    requireAvailable(name, unavailable);
    server = await startFtpsServer(options);
    work = tempDir();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get work() {
      return work!;
    },
  };
}
