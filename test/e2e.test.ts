// End to end: every script in examples/ against a real TLS-only FTPS server (test/helpers/ftps-server.ts).
// (a) The original script, cleartext ftplib.FTP, is refused by the server (550 on USER) and exits non-zero.
// (b) The same script rewritten by the CLI (`ftptls --write <copy of examples/>`) uploads a file and downloads
//     one, and the bytes that arrive on the server and on disk are the bytes sent (test/helpers/e2e.ts transfer).
// Skipped, with the reason printed, where no FTPS server can be started; with CI=true that fails instead.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_SCRIPTS,
  exampleScripts,
  e2eUnavailable,
  EXAMPLES,
  shouldSkip,
  transfer,
  useFtpsServer,
} from './helpers/e2e.js';
import { notCompiling } from './helpers/python.js';
import { runCli, type CliRun } from './helpers/run-cli.js';

const unavailable = e2eUnavailable();

// Not skipped: it needs nothing from outside, and a missing example would make both e2e suites check less
it('examples/ holds exactly the scripts the end-to-end tests run', () => {
  expect(exampleScripts()).toEqual(EXAMPLE_SCRIPTS);
});

describe.skipIf(shouldSkip('e2e', unavailable))('examples/ end to end against a TLS-only FTPS server', () => {
  const ftps = useFtpsServer('e2e', unavailable);
  let transformedDir: string;
  let cli: CliRun;

  beforeAll(() => {
    transformedDir = path.join(ftps.work, 'transformed');
    fs.cpSync(EXAMPLES, transformedDir, { recursive: true });
    cli = runCli(['--write', transformedDir]);
  });

  for (const name of EXAMPLE_SCRIPTS) {
    it(`${name}: the original (cleartext FTP) is refused and exits non-zero`, () => {
      const t = transfer(ftps.server, ftps.work, path.join(EXAMPLES, name));
      expect(t.status, t.output).toBe(1); // Python's exit on the uncaught error_perm; null on a timeout
      expect(t.output).toMatch(/error_perm: 5[35]0 .*(SSL|TLS)/);
      expect(t.uploaded(), 'nothing may reach the server').toBe(false);
      expect(t.downloaded(), 'nothing may be downloaded').toBe(false);
    });

    it(`${name}: rewritten by the CLI, uploads and downloads byte for byte over TLS`, () => {
      expect(cli.status, `ftptls --write failed:\n${cli.stderr}`).toBe(0);
      const script = path.join(transformedDir, name);
      const text = fs.readFileSync(script, 'utf8');
      expect(text).toContain('FTP_TLS');
      expect(text).toContain('.prot_p()');
      expect(notCompiling([script])).toEqual({});

      const t = transfer(ftps.server, ftps.work, script);
      expect(t.status, t.output).toBe(0);
      expect(t.uploaded(), 'the server holds the uploaded bytes').toBe(true);
      expect(t.downloaded(), "the server's file arrived, byte for byte").toBe(true);
    });
  }

  it('a second run finds nothing left to change (--check)', () => {
    expect(cli.status, cli.stderr).toBe(0);
    const check = runCli(['--check', transformedDir]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
});
