// A real FTPS server for end-to-end tests (test/fuzz/server.js, which `npm run fuzz` runs without a build step):
// Debian's pyftpdlib (TLS_FTPHandler, TLS required on the control and the data channel) run by /usr/bin/python3
// from ftps_server.py beside this file, with a self-signed certificate for localhost / 127.0.0.1 made by openssl
// in a temp dir. It listens on 127.0.0.1 on a port the OS picks, stops when stop() is called, and stops by
// itself after `lifetimeSeconds` or when this process goes away.
import { serverUnavailable, startServer, SYSTEM_PYTHON } from '../fuzz/server.js';

/** Debian's interpreter (./python.ts): the `python3` on PATH may be another build (pyenv) without pyftpdlib. */
export { SYSTEM_PYTHON };

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
  const reason = serverUnavailable();
  return reason === undefined ? { ok: true } : { ok: false, reason };
}

export interface FtpsServerOptions {
  lifetimeSeconds?: number;
  /**
   * Accept cleartext clients too (TLS offered, not required): for code that works with plain FTP and must
   * go on working after the rewrite. The default requires TLS on both channels.
   */
  tlsOptional?: boolean;
}

/** Starts a server (see the top of this file). Throws with the server's stderr if it does not come up. */
export function startFtpsServer(options: FtpsServerOptions = {}): Promise<FtpsServer> {
  // long enough for a whole suite on a busy machine; stop() and this process's end stop it before
  return startServer({ lifetimeSeconds: 1800, ...options, user: 'tester' });
}
