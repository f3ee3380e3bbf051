// End to end for --ssl-context: every script in examples/, rewritten by the built CLI with --write --ssl-context,
// runs against a local TLS-only FTPS server (self-signed certificate for localhost and 127.0.0.1). With
// SSL_CERT_FILE pointing at that certificate it uploads and downloads; without it, Python refuses the server
// with a certificate verification error, which is the point: the context now verifies. Then --check is clean.
// Skipped (with the reason printed) where no FTPS server can be started, except in CI, where that fails.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_SCRIPTS,
  e2eUnavailable,
  EXAMPLES,
  shouldSkip,
  transfer,
  useFtpsServer,
} from './helpers/e2e.js';
import { notCompiling } from './helpers/python.js';
import { runCli } from './helpers/run-cli.js';

const unavailable = e2eUnavailable();

describe.skipIf(shouldSkip('e2e-ssl-context', unavailable))(
  '--ssl-context end to end against a local FTPS server',
  () => {
    const ftps = useFtpsServer('e2e-ssl-context', unavailable, { lifetimeSeconds: 600 });

    for (const name of EXAMPLE_SCRIPTS) {
      describe(name, () => {
        let script: string;
        let dir: string;

        beforeAll(() => {
          dir = fs.mkdtempSync(path.join(ftps.work, `${path.basename(name, '.py')}-`));
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
          expect(notCompiling([script])).toEqual({});
        });

        it('uploads and downloads when Python trusts the server certificate (SSL_CERT_FILE)', () => {
          const t = transfer(ftps.server, dir, script, { SSL_CERT_FILE: ftps.server.certFile });
          expect(t.status, t.output).toBe(0);
          expect(t.uploaded(), 'the upload reached the server').toBe(true);
          expect(t.downloaded(), 'the download reached the local file').toBe(true);
        });

        it('fails with a certificate verification error when the CA is not trusted', () => {
          const t = transfer(ftps.server, dir, script);
          expect(t.status, t.output).toBe(1); // Python's exit on the uncaught SSLError; null on a timeout
          expect(t.output).toMatch(/CERTIFICATE_VERIFY_FAILED|certificate verify failed/);
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
  },
);
