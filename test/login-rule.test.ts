// The rule of issue 13, checked by code that shares nothing with ftptls's analysis (test/helpers/login_rule.py,
// Python's ast): after the default pipeline, every login() whose receiver may hold an ftplib TLS connection has
// prot_p() after it on its path, or ftptls reported a manual or suppressed finding at it. Run over every
// fixture input and every end-to-end sample.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParser } from '../src/parser.js';
import { decodeSource } from '../src/source-text.js';
import { transformSourceSync } from '../src/transform-source.js';
import { BUILTIN_TRANSFORMS } from '../transforms/index.js';
import { EXAMPLE_SCRIPTS, EXAMPLES } from './helpers/e2e.js';
import { FIXTURES_ROOT, fixtureCases } from './helpers/fixtures.js';
import { python, pythonUnavailable } from './helpers/python.js';
import { shouldSkip } from './helpers/skip.js';

const CHECKER = path.join(import.meta.dirname, 'helpers', 'login_rule.py');
/** Findings of rules that never edit (a hard-coded password) say nothing about prot_p(): they excuse no login. */
const REPORT_ONLY = new Set(BUILTIN_TRANSFORMS.filter((t) => t.reportOnly).map((t) => t.name));
const unavailable = pythonUnavailable();

interface Case {
  name: string;
  input: string;
  output: string;
  findings: number[];
  skipped: boolean;
}

/** Every input the rule is checked on: fixture inputs and the end-to-end programs. */
function inputs(): { name: string; file: string }[] {
  const fixtures = fixtureCases().map(({ dir, name }) => ({
    name: `${dir}/${name}`,
    file: path.join(FIXTURES_ROOT, dir, `${name}.input.py`),
  }));
  const samples = [
    ...EXAMPLE_SCRIPTS.map((f) => path.join(EXAMPLES, f)),
    ...['safety', 'flow'].flatMap((dir) =>
      fs
        .readdirSync(path.join(import.meta.dirname, 'data', dir))
        .map((f) => path.join(import.meta.dirname, 'data', dir, f)),
    ),
  ].filter((f) => f.endsWith('.py'));
  return [
    ...fixtures,
    ...samples.map((file) => ({ name: path.relative(path.join(import.meta.dirname, '..'), file), file })),
  ];
}

/** Inputs the rule cannot cover: ftptls refuses them (syntax errors) or skips them (file-level markers). */
const LEFT_OUT = ['suppression/ftptls-skip-file', 'suppression/ruff-file-noqa'];

function toCase(name: string, file: string): Case | undefined {
  const { text } = decodeSource(fs.readFileSync(file));
  const result = transformSourceSync(text, { path: file });
  if (result.status === 'error') return undefined;
  const findings = result.findings
    .filter((f) => f.status !== 'fixed' && !REPORT_ONLY.has(f.rule))
    .map((f) => f.line);
  return { name, input: text, output: result.after, findings, skipped: result.status === 'skipped' };
}

beforeAll(async () => {
  await initParser();
});

describe.skipIf(shouldSkip('login-rule', unavailable))(
  'every login of a TLS connection ends with prot_p() or a finding',
  () => {
    it('holds for every fixture input and end-to-end sample (checked with Python ast)', () => {
      const all = inputs();
      const cases = all.flatMap(({ name, file }) => toCase(name, file) ?? []);
      // the inputs left out (ftptls refuses them: syntax errors) and skipped (file-level markers), by name:
      // one more would be an input the rule silently stopped covering
      const covered = new Set(cases.filter((c) => !c.skipped).map((c) => c.name));
      expect(all.map((i) => i.name).filter((n) => !covered.has(n))).toEqual(LEFT_OUT);
      expect(cases.length).toBeGreaterThan(150);
      const left = JSON.parse(python([CHECKER], { input: JSON.stringify(cases) })) as Record<
        string,
        string[]
      >;
      expect(left).toEqual({});
    });

    it('the checker sees a login left without prot_p(), and one that has it (it can fail)', () => {
      const bare = 'import ftplib\nc = ftplib.FTP_TLS("h")\nc.login()\nc.retrlines("LIST")\n';
      const cases: Case[] = [
        { name: 'bare', input: bare, output: bare, findings: [], skipped: false },
        { name: 'reported', input: bare, output: bare, findings: [3], skipped: false },
        {
          name: 'fixed',
          input: bare,
          output: bare.replace('c.login()\n', 'c.login()\nc.prot_p()\n'),
          findings: [],
          skipped: false,
        },
        {
          name: 'protected class beside a bare login',
          input: '',
          output:
            'import ftplib\nclass P(ftplib.FTP_TLS):\n    def login(self):\n        super().login()\n        self.prot_p()\nc = ftplib.FTP_TLS("h"); c.login()\np = P("h")\np.login()\n',
          findings: [],
          skipped: false,
        },
        {
          name: 'a condition of its own',
          input: '',
          output: 'import ftplib\nc = ftplib.FTP_TLS("h")\nc.login()\nif False:\n    c.prot_p()\n',
          findings: [],
          skipped: false,
        },
        {
          name: 'factory',
          input: '',
          output: 'import ftplib\ndef mk():\n    return ftplib.FTP_TLS()\ns = mk()\ns.login()\n',
          findings: [],
          skipped: false,
        },
      ];
      const left = JSON.parse(python([CHECKER], { input: JSON.stringify(cases) })) as Record<
        string,
        string[]
      >;
      expect(left).toEqual({
        bare: ['line 3: c.login()'],
        factory: ['line 5: s.login()'],
        'protected class beside a bare login': ['line 6: c.login()'],
        'a condition of its own': ['line 3: c.login()'],
      });
    });
  },
);
