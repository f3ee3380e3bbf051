// The hardcoded-credentials rule (issue 16): a report-only built-in transform. Its cases are fixtures
// (__testfixtures__/hardcoded-credentials/, each with .findings.txt); here: where it runs, that it never edits
// (on every fixture input), the suppression ids it honours, and its rule id through the CLI's reports.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Bindings } from '../src/analysis/bindings.js';
import { initParser, parse } from '../src/parser.js';
import { decodeSource } from '../src/source-text.js';
import { createSuppressor } from '../src/suppression.js';
import { transformSourceSync } from '../src/transform-source.js';
import type { Node, Tree } from '../src/types.js';
import { BUILTIN_TRANSFORMS, findTransform } from '../transforms/index.js';
import { hardcodedCredentials } from '../transforms/hardcoded-credentials.js';
import { fixtureCases, FIXTURES_ROOT } from './helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';
import { INSECURE, SECURE } from './helpers/samples.js';
import { tempDirs } from './helpers/temp.js';

const RULE = 'hardcoded-credentials';
const MESSAGE =
  'hard-coded password in login(): read it from an environment variable, a secrets manager or ~/.netrc';
const LITERAL_REASON =
  'the password is a string literal; anyone who can read the code or its history has it; read it at run ' +
  'time (os.environ["FTP_PASSWORD"], a secrets manager, netrc.netrc().authenticators(host)) and change the ' +
  'password, it has been exposed';

beforeAll(async () => {
  await initParser();
});

describe('hardcoded-credentials: registration', () => {
  it('is built in, on by default and report only, after ftp-to-ftp-tls and before prot-p', () => {
    // it reads the renamed text, and shares that stage's analysis with prot-p (see transforms/index.ts)
    const names = BUILTIN_TRANSFORMS.map((t) => t.name);
    expect(names.indexOf(RULE)).toBeGreaterThan(names.indexOf('ftp-to-ftp-tls'));
    expect(names.indexOf(RULE)).toBeLessThan(names.indexOf('prot-p'));
    expect(names.indexOf('ftp-to-ftp-tls')).toBeGreaterThanOrEqual(0);
    const t = findTransform(RULE)!;
    expect(t).toBe(hardcodedCredentials);
    expect(t.optIn).toBeFalsy();
    expect(t.reportOnly).toBe(true);
    expect(t.helpUri).toBe('https://cwe.mitre.org/data/definitions/798.html');
  });

  it('runs by default: the password is reported, and the file is still fixed (FTP_TLS, prot_p())', () => {
    const result = transformSourceSync(INSECURE, { path: 'upload.py' });
    expect(result.after).toBe(SECURE);
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.status}`)).toEqual([
      '3:7 ftp-to-ftp-tls fixed',
      '4:1 prot-p fixed',
      '4:19 hardcoded-credentials manual',
    ]);
    expect(result.findings[2]).toMatchObject({
      endLine: 4,
      endColumn: 27, // "secret" with its quotes
      message: MESSAGE,
      reason: LITERAL_REASON,
    });
  });
});

/** The transform's own result for a text, as the runner would call it (no earlier transform). */
function runAlone(text: string) {
  const tree: Tree = parse(text);
  try {
    const bindings = new Bindings(tree);
    const suppressor = createSuppressor(text, tree);
    return hardcodedCredentials.run({
      path: 'case.py',
      source: text,
      tree,
      bindings,
      suppressor,
      eol: '\n',
      options: {},
    });
  } finally {
    tree.delete();
  }
}

describe('hardcoded-credentials: report only', () => {
  it('returns no edit for any fixture input, only manual or suppressed findings', () => {
    let reported = 0;
    for (const { dir, name } of fixtureCases()) {
      const { text } = decodeSource(fs.readFileSync(path.join(FIXTURES_ROOT, dir, `${name}.input.py`)));
      if (!text.includes('ftplib')) continue;
      const result = runAlone(text.replace(/\r(?!\n)/g, '\n'));
      expect(result.edits ?? [], `${dir}/${name}`).toEqual([]);
      for (const f of result.findings) {
        expect(f.edits, `${dir}/${name}`).toBeUndefined();
        expect(['manual', 'suppressed'], `${dir}/${name}`).toContain(f.status);
      }
      reported += result.findings.length;
    }
    expect(reported).toBeGreaterThan(30); // the fixtures do hold hard-coded passwords
  });

  it('changes nothing the other transforms do: the same output and findings with or without it', () => {
    const without = BUILTIN_TRANSFORMS.filter((t) => !t.optIn && t.name !== RULE);
    const withIt = BUILTIN_TRANSFORMS.filter((t) => !t.optIn);
    for (const name of ['literal', 'constructor', 'suppressed']) {
      const text = fs.readFileSync(path.join(FIXTURES_ROOT, RULE, `${name}.input.py`), 'utf8');
      const a = transformSourceSync(text, { path: name, transforms: without });
      const b = transformSourceSync(text, { path: name, transforms: withIt });
      expect(b.after, name).toBe(a.after);
      expect(b.status, name).toBe('changed');
      expect(b.findings.filter((f) => f.rule !== RULE)).toEqual(a.findings);
      expect(b.findings.some((f) => f.rule === RULE)).toBe(true);
    }
  });
});

describe('hardcoded-credentials: suppression ids', () => {
  /** The markers for the `conn.login(...)` call of `line` (after `import ftplib`), per kind. */
  function markers(line: string): { credentials?: string; login?: string; file?: string } {
    const source = `import ftplib\nconn = ftplib.FTP_TLS("h")\n${line}\n`;
    const tree = parse(source);
    try {
      const s = createSuppressor(source, tree);
      const at = source.indexOf('conn.login(');
      let node: Node | null = tree.rootNode.descendantForIndex(at, at + 'conn.login'.length);
      while (node && node.type !== 'call') node = node.parent;
      return {
        credentials: s.markerFor(node!, 'credentials'),
        login: s.markerFor(node!, 'login'),
        file: s.fileMarker,
      };
    } finally {
      tree.delete();
    }
  }

  it("honours bandit's B105/B106/B107 and their names, and ruff's S105-S107, for this rule only", () => {
    for (const marker of [
      '# nosec B105',
      '# nosec B106',
      '# nosec B107',
      '# nosec: B321,B106',
      '# nosec hardcoded_password_funcarg',
      '# nosec hardcoded_password_string',
      '# nosec hardcoded_password_default',
      '# noqa: S105',
      '# noqa: S106',
      '# noqa: E501, S107',
    ]) {
      const got = markers(`conn.login("u", "p")  ${marker}`);
      expect(got.credentials, marker).toBe(marker);
      // prot-p's site kind: only B321 of that list names it
      expect(got.login, marker).toBe(marker.includes('B321') ? marker : undefined);
    }
  });

  it('is suppressed by blanket markers, not by the FTP rules or other rules', () => {
    for (const marker of ['# nosec', '# noqa', '# ftptls: ignore', '# nosemgrep'])
      expect(markers(`conn.login("u", "p")  ${marker}`).credentials, marker).toBe(marker);
    for (const marker of [
      '# nosec B321',
      '# noqa: S321',
      '# suppress: PY003',
      '# noqa: E501',
      '# nosec B104',
    ])
      expect(markers(`conn.login("u", "p")  ${marker}`).credentials, marker).toBeUndefined();
  });

  it('takes `# ruff: noqa: S106` for the whole file, without skipping the file', () => {
    const got = markers('# ruff: noqa: S106\nconn.login("u", "p")');
    expect(got).toEqual({ credentials: '# ruff: noqa: S106', login: undefined, file: undefined });
  });

  it('never reports these ids as unused: they serve bandit and ruff on any password-like string', () => {
    const result = transformSourceSync(
      'import ftplib\n\nTOKEN = "t0ken"  # nosec B105\nDB_PASSWORD = "x"  # noqa: S105\nRETRIES = 3  # nosec B321\n',
      { path: 'settings.py', reportUnusedSuppressions: true },
    );
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      '5:14 unused-suppression suppression marker # nosec B321 suppresses nothing',
    ]);
  });
});

describe('hardcoded-credentials: its rule id through the reports', () => {
  const newDir = tempDirs('hardcoded-credentials');
  const SOURCE = [
    'from ftplib import FTP',
    '',
    'PASSWORD = "s3cret"  # nosec B105',
    'ftp = FTP("ftp.example.com")',
    'ftp.login("deploy", PASSWORD)',
    'ftp.cwd("/")',
    'ftp.login(user="backup", passwd="hunter2")',
    '',
  ].join('\n');

  function project(): string {
    const dir = newDir();
    fs.writeFileSync(path.join(dir, 'upload.py'), SOURCE);
    return dir;
  }

  it('--format json: one manual and one suppressed finding under the rule id', () => {
    const dir = project();
    const r = runCli(['--format', 'json', 'upload.py'], { cwd: dir });
    expect(r.status).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.status).toBe('changed');
    expect(file.findings.map((f: { rule: string; status: string }) => `${f.rule}:${f.status}`)).toContain(
      'prot-p:fixed',
    );
    expect(file.findings.filter((f: { rule: string }) => f.rule === RULE)).toEqual([
      {
        rule: RULE,
        line: 5,
        column: 21,
        endLine: 5,
        endColumn: 29,
        status: 'suppressed',
        message: 'hard-coded password kept: suppressed by # nosec B105',
        marker: '# nosec B105',
      },
      {
        rule: RULE,
        line: 7,
        column: 33,
        endLine: 7,
        endColumn: 42,
        status: 'manual',
        message: MESSAGE,
        reason: LITERAL_REASON,
      },
    ]);
    expect(fs.readFileSync(path.join(dir, 'upload.py'), 'utf8')).toBe(SOURCE); // a dry run writes nothing
  });

  it('--format sarif: a rule descriptor (CWE-798) the results point at, the suppression in source', () => {
    const r = runCli(['--format', 'sarif', 'upload.py'], { cwd: project() });
    expect(r.status).toBe(0);
    const run = JSON.parse(r.stdout).runs[0];
    const rules: { id: string }[] = run.tool.driver.rules;
    // every rule that ran is described, ours among them
    expect(rules.map((x) => x.id)).toEqual(BUILTIN_TRANSFORMS.filter((t) => !t.optIn).map((t) => t.name));
    const index = rules.findIndex((x) => x.id === RULE);
    expect(rules[index]).toEqual({
      id: RULE,
      name: 'HardcodedCredentials',
      shortDescription: { text: hardcodedCredentials.description },
      fullDescription: { text: hardcodedCredentials.description },
      helpUri: 'https://cwe.mitre.org/data/definitions/798.html',
      help: {
        text: `${hardcodedCredentials.description}\n\nMore: https://cwe.mitre.org/data/definitions/798.html`,
      },
      defaultConfiguration: { level: 'warning' },
      properties: {
        tags: ['security', 'external/cwe/cwe-798'],
        precision: 'high',
        'security-severity': '7.5',
      },
    });
    const ours = run.results.filter((x: { ruleId: string }) => x.ruleId === RULE);
    expect(ours).toHaveLength(2);
    for (const x of ours) expect(x.ruleIndex).toBe(index);
    const [suppressed, manual] = ours;
    expect(suppressed.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: '# nosec B105' },
    ]);
    expect(suppressed.locations[0].physicalLocation.region).toEqual({
      startLine: 5,
      startColumn: 21,
      endLine: 5,
      endColumn: 29,
    });
    expect(manual.level).toBe('warning');
    expect(manual.suppressions).toBeUndefined();
    expect(manual.fixes).toBeUndefined();
    expect(manual.message.text).toBe(`${MESSAGE} (needs manual review: ${LITERAL_REASON})`);
    expect(manual.properties).toEqual({ 'ftptls/status': 'manual', 'ftptls/reason': LITERAL_REASON });
  });

  it('the dry run names the manual finding on stderr and counts it in the tally', () => {
    const r = runCli(['upload.py'], { cwd: project() });
    expect(r.status).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines).toContain(`upload.py:7:33: manual: ${MESSAGE} (${LITERAL_REASON})`);
    expect(r.stderr).toMatch(/· \d+ fixed, 1 suppressed, 1 manual ·/);
  });
});
