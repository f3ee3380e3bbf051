// End to end: rewrites that must not break working code (issue 11), run against a real FTPS server.
// Each program in test/data/safety/ is run as written, as ftptls rewrites it, and as the naive rewrite that
// ftptls must not make would be (the proof that each test can fail): the naive one breaks, ftptls's works.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eUnavailable, shouldSkip, transfer, useFtpsServer, type Transfer } from './helpers/e2e.js';
import { notCompiling } from './helpers/python.js';
import { runCli } from './helpers/run-cli.js';

const unavailable = e2eUnavailable();
const DATA = path.join(import.meta.dirname, 'data', 'safety');

/** The program rewritten by `ftptls --write` in a copy under `dir`; its text, path and the CLI's stderr. */
function rewrite(dir: string, name: string): { file: string; text: string; stderr: string } {
  const file = path.join(fs.mkdtempSync(path.join(dir, 'rewrite-')), name);
  fs.copyFileSync(path.join(DATA, name), file);
  const cli = runCli(['--write', file]);
  expect(cli.status, cli.stderr).toBe(0);
  expect(notCompiling([file])).toEqual({});
  return { file, text: fs.readFileSync(file, 'utf8'), stderr: cli.stderr };
}

/** A variant of a program written beside it: what a naive rewrite would have made. */
function variant(dir: string, name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(dir, 'naive-')), name);
  fs.writeFileSync(file, text);
  return file;
}

function expectTransferred(t: Transfer): void {
  expect(t.status, t.output).toBe(0);
  expect(t.uploaded(), 'the server holds the uploaded bytes').toBe(true);
  expect(t.downloaded(), "the server's file arrived, byte for byte").toBe(true);
}

describe.skipIf(shouldSkip('e2e-safety', unavailable))(
  'rewrites that keep working code working (TLS-only server)',
  () => {
    const ftps = useFtpsServer('e2e-safety', unavailable);

    it('session_reuse.py: FTP.ntransfercmd past an FTP_TLS base stays; the cleartext helper is fixed', () => {
      const original = transfer(ftps.server, ftps.work, path.join(DATA, 'session_reuse.py'));
      expect(original.status, original.output).toBe(1);
      expect(original.output).toMatch(/error_perm: 550 .*(SSL|TLS)/); // the cleartext listing is refused

      const { file, text } = rewrite(ftps.work, 'session_reuse.py');
      expect(text).toContain('ftplib.FTP.ntransfercmd(self, cmd, rest)');
      expect(text).toContain('conn = ftplib.FTP_TLS()');
      expectTransferred(transfer(ftps.server, ftps.work, file));

      const naive = variant(
        ftps.work,
        'session_reuse.py',
        text.replace('ftplib.FTP.ntransfercmd(self', 'ftplib.FTP_TLS.ntransfercmd(self'),
      );
      const broken = transfer(ftps.server, ftps.work, naive);
      expect(broken.status, broken.output).toBe(1);
      expect(broken.output).toMatch(/ssl\.SSLError: \[SSL: UNEXPECTED_MESSAGE\]/);
    });

    it('prot_p_elsewhere.py: FTP_TLS that sets PROT P before login, or after control calls, is left alone and works', () => {
      const { text, stderr } = rewrite(ftps.work, 'prot_p_elsewhere.py');
      expect(text).toBe(fs.readFileSync(path.join(DATA, 'prot_p_elsewhere.py'), 'utf8'));
      expect(stderr).toMatch(/0 files changed, 1 unchanged.* 0 manual/);
      expectTransferred(transfer(ftps.server, ftps.work, path.join(DATA, 'prot_p_elsewhere.py')));
    });

    it('optional_login.py: prot_p() after the parent __init__ only when it logged in', () => {
      const original = transfer(ftps.server, ftps.work, path.join(DATA, 'optional_login.py'));
      expect(original.status, original.output).toBe(1);
      expect(original.output).toMatch(/error_perm: 550 .*(SSL|TLS)/);

      const { file, text } = rewrite(ftps.work, 'optional_login.py');
      expect(text).toContain('        if host and user:\n            self.prot_p()\n');
      expectTransferred(transfer(ftps.server, ftps.work, file));

      const naive = variant(
        ftps.work,
        'optional_login.py',
        text.replace('        if host and user:\n            self.prot_p()', '        self.prot_p()'),
      );
      const broken = transfer(ftps.server, ftps.work, naive);
      expect(broken.status, broken.output).toBe(1);
      expect(broken.output).toMatch(/AttributeError: 'NoneType' object has no attribute 'sendall'/);
    });
  },
);

describe.skipIf(shouldSkip('e2e-safety', unavailable))(
  'rewrites that keep working code working (server allowing cleartext)',
  () => {
    const ftps = useFtpsServer('e2e-safety-optional-tls', unavailable, { tlsOptional: true });

    it('tls_check_before_login.py: left FTP with a manual finding, since FTP_TLS would send PROT P before login', () => {
      const original = transfer(ftps.server, ftps.work, path.join(DATA, 'tls_check_before_login.py'));
      expectTransferred(original);

      const { file, text, stderr } = rewrite(ftps.work, 'tls_check_before_login.py');
      expect(text).toBe(fs.readFileSync(path.join(DATA, 'tls_check_before_login.py'), 'utf8'));
      expect(stderr).toMatch(
        /:12:12: manual: cleartext ftplib\.FTP not rewritten \(the check `hasattr\(conn, "prot_p"\)` \(line 14\)/,
      );
      expectTransferred(transfer(ftps.server, ftps.work, file));

      const naive = variant(
        ftps.work,
        'tls_check_before_login.py',
        text.replace('ftplib.FTP()', 'ftplib.FTP_TLS()'),
      );
      const broken = transfer(ftps.server, ftps.work, naive);
      expect(broken.status, broken.output).toBe(1);
      expect(broken.output).toMatch(/error_perm: 503/);
    });
  },
);
