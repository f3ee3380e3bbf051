// End to end: connections that travel (issue 13). Each program in test/data/flow/ makes its connection in one
// place and logs it in in another (a factory, closing(), ExitStack, functools.partial, a class attribute that
// names the class, a helper given the connection, one of several factories, a lambda, a factory handed to the
// function that logs in). As written (cleartext FTP) the TLS-only server refuses it; rewritten by
// `ftptls --write`, it uploads and downloads byte for byte, with no manual finding left.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eUnavailable, shouldSkip, transfer, useFtpsServer } from './helpers/e2e.js';
import { notCompiling } from './helpers/python.js';
import { runCli, type CliRun } from './helpers/run-cli.js';

const unavailable = e2eUnavailable();
const DATA = path.join(import.meta.dirname, 'data', 'flow');
const PROGRAMS = [
  'class_attribute_factory.py',
  'client_instance.py',
  'closing_block.py',
  'exit_stack.py',
  'factory.py',
  'factory_argument.py',
  'getattr_login.py',
  'lambda_factory.py',
  'login_helper.py',
  'one_of_several_factories.py',
  'partial_class.py',
];

it('test/data/flow holds exactly the programs this suite runs', () => {
  expect(fs.readdirSync(DATA).sort()).toEqual(PROGRAMS);
});

describe.skipIf(shouldSkip('e2e-flow', unavailable))(
  'connections that travel, against a TLS-only FTPS server',
  () => {
    const ftps = useFtpsServer('e2e-flow', unavailable);
    let dir: string;
    let cli: CliRun;

    beforeAll(() => {
      dir = path.join(ftps.work, 'flow');
      fs.cpSync(DATA, dir, { recursive: true });
      cli = runCli(['--write', dir]);
    });

    it('ftptls fixes them all, with nothing left for a person', () => {
      expect(cli.status, cli.stderr).toBe(0);
      expect(cli.stderr).toMatch(
        /11 files changed, 0 unchanged, 0 skipped, 0 errors · 24 fixed, 0 suppressed, 0 manual/,
      );
      expect(notCompiling(PROGRAMS.map((p) => path.join(dir, p)))).toEqual({});
    });

    for (const name of PROGRAMS) {
      it(`${name}: refused as written, transfers over TLS once rewritten`, () => {
        const original = transfer(ftps.server, ftps.work, path.join(DATA, name));
        expect(original.status, original.output).toBe(1);
        expect(original.output).toMatch(/error_perm: 550 .*(SSL|TLS)/);

        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        expect(text).toContain('.prot_p()');
        const t = transfer(ftps.server, ftps.work, path.join(dir, name));
        expect(t.status, t.output).toBe(0);
        expect(t.uploaded(), 'the server holds the uploaded bytes').toBe(true);
        expect(t.downloaded(), "the server's file arrived, byte for byte").toBe(true);

        // without the prot_p() ftptls added, the data channel is refused: the test can fail
        const without = path.join(ftps.work, `without-prot-p-${name}`);
        fs.writeFileSync(without, text.replace(/^\s*[\w.]+\.prot_p\(\)\n/m, ''));
        const bare = transfer(ftps.server, ftps.work, without);
        expect(bare.status, bare.output).toBe(1);
        expect(bare.output).toMatch(/550 SSL\/TLS required on the data channel/);
      });
    }
  },
);
