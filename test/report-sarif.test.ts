// The SARIF reporter: the shape GitHub code scanning requires, URIs and regions, suppressions and fixes where
// they belong, and fixes that are right: applying a file's replacements to its before text (with an
// applier written here, from the SARIF rules, not from the reporter's code) gives its after text exactly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../bench/random.js';
import { artifactUri, replacements, sarifReport, SarifWriter, type RuleInfo } from '../src/report/sarif.js';
import { fileSpill } from '../src/report/spill.js';
import type { FileResult, Finding } from '../src/types.js';

const RULES: RuleInfo[] = [
  {
    id: 'ftp-to-ftp-tls',
    name: 'FtpToFtpTls',
    shortDescription: 'Use FTP_TLS instead of cleartext FTP',
    fullDescription: 'ftplib.FTP sends the login and every file in cleartext; FTP_TLS encrypts the session.',
    helpUri: 'https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS',
  },
  {
    id: 'prot-p',
    name: 'ProtP',
    shortDescription: 'Protect the data channel',
    fullDescription: 'Without prot_p() FTP_TLS transfers files in cleartext.',
    helpUri: 'https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS.prot_p',
  },
  {
    id: 'ssl-context',
    name: 'SslContext',
    shortDescription: 'Verify the server certificate',
    fullDescription: 'Give FTP_TLS a verifying ssl.create_default_context().',
    helpUri: 'https://docs.python.org/3/library/ssl.html#ssl.create_default_context',
  },
];

// ---- a SARIF replacement applier, from the spec: regions in the ORIGINAL text, lines ended by the run's
// newlineSequences, columns in the run's columnKind (UTF-16 here: JS string indices) ----------------------
interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface Replacement {
  deletedRegion: Region;
  insertedContent?: { text: string };
}

function lineStarts(text: string, newlines: string[]): number[] {
  const seqs = [...newlines].sort((a, b) => b.length - a.length); // longest first: "\r\n" before "\r"
  const starts = [0];
  for (let i = 0; i < text.length;) {
    const seq = seqs.find((s) => text.startsWith(s, i));
    if (seq) {
      i += seq.length;
      starts.push(i);
    } else i++;
  }
  return starts;
}

function offsetOf(text: string, starts: number[], line: number, column: number): number {
  expect(line).toBeGreaterThanOrEqual(1);
  expect(column).toBeGreaterThanOrEqual(1);
  expect(line).toBeLessThanOrEqual(starts.length);
  const lineStart = starts[line - 1];
  const lineEnd = line < starts.length ? starts[line] : text.length; // including its terminator
  const offset = lineStart + column - 1;
  // A column may point at the terminator's position but not into or past it.
  const contentEnd = text.slice(lineStart, lineEnd).replace(/(\r\n|\n|\r)$/, '').length + lineStart;
  expect(offset).toBeLessThanOrEqual(contentEnd);
  return offset;
}

function applyReplacements(text: string, reps: Replacement[], newlines: string[]): string {
  const starts = lineStarts(text, newlines);
  const spans = reps.map((r) => {
    const d = r.deletedRegion;
    const start = offsetOf(text, starts, d.startLine, d.startColumn);
    const end = offsetOf(text, starts, d.endLine, d.endColumn);
    expect(end).toBeGreaterThanOrEqual(start);
    return { start, end, insert: r.insertedContent?.text ?? '' };
  });
  // In order and not overlapping (touching is allowed only for an empty region, which cannot happen here).
  for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThan(spans[i - 1].end);
  let out = text;
  for (const s of [...spans].reverse()) out = out.slice(0, s.start) + s.insert + out.slice(s.end);
  return out;
}

const NEWLINES = ['\r\n', '\n', '\r'];

// ---- data ---------------------------------------------------------------------------------------------
const INSECURE = 'from ftplib import FTP\n\nftp = FTP("h")\nftp.login("u", "p")\nftp.retrlines("LIST")\n';
const SECURE =
  'from ftplib import FTP_TLS\n\nftp = FTP_TLS("h")\nftp.login("u", "p")\nftp.prot_p()\nftp.retrlines("LIST")\n';

const finding = (
  rule: string,
  line: number,
  status: Finding['status'],
  extra: Partial<Finding> = {},
): Finding => ({
  rule,
  line,
  column: 7,
  endLine: line,
  endColumn: 15,
  status,
  message: `${rule} at ${line}`,
  ...extra,
});

const RESULTS: FileResult[] = [
  {
    path: 'app/upload.py',
    status: 'changed',
    before: INSECURE,
    after: SECURE,
    // Deliberately out of order: the fix goes to the first fixed finding by position.
    findings: [
      finding('prot-p', 4, 'fixed'),
      finding('ftp-to-ftp-tls', 3, 'fixed'),
      finding('ftp-to-ftp-tls', 9, 'suppressed', { marker: '# ftptls: ignore' }),
      finding('prot-p', 12, 'manual', { reason: 'no name to call prot_p() on' }),
    ],
  },
  {
    path: './src/win dows/crlf é.py',
    status: 'changed',
    before: INSECURE.replace(/\n/g, '\r\n'),
    after: SECURE.replace(/\n/g, '\r\n'),
    findings: [finding('ftp-to-ftp-tls', 3, 'fixed'), finding('custom-rule', 1, 'manual')],
  },
  {
    path: 'lib/clean.py',
    status: 'unchanged',
    before: 'x = 1\n',
    after: 'x = 1\n',
    findings: [finding('ftp-to-ftp-tls', 1, 'suppressed', { marker: '# nosec' })],
  },
  {
    path: 'gen/api.py',
    status: 'skipped',
    before: '',
    after: '',
    findings: [],
    skipReason: 'marked @generated',
  },
  {
    path: 'bad.py',
    status: 'error',
    before: '',
    after: '',
    findings: [],
    error: 'syntax error at 1:5; not changed',
  },
];

// Loose access to the parsed JSON.
type J = any;

describe('sarifReport', () => {
  const base = process.cwd();
  const log: J = JSON.parse(sarifReport(RESULTS, RULES, { baseDir: base, toolVersion: '9.9.9' }));
  const run = log.runs[0];
  const results: J[] = run.results;

  it('has the top-level properties code scanning requires', () => {
    expect(log.$schema).toMatch(/sarif-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('ftptls');
    expect(run.tool.driver.version).toBe('9.9.9');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.newlineSequences).toEqual(['\r\n', '\n', '\r']);
  });

  it('describes every rule passed, in order, plus any unknown rule a finding names', () => {
    const rules: J[] = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(['ftp-to-ftp-tls', 'prot-p', 'ssl-context', 'custom-rule']);
    // the rules passed, then one made up from the unknown rule's id
    const described: RuleInfo[] = [
      ...RULES,
      {
        id: 'custom-rule',
        name: 'CustomRule',
        shortDescription: 'custom-rule',
        fullDescription: 'custom-rule',
        helpUri: 'https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS',
      },
    ];
    for (const [i, r] of rules.entries()) {
      const want = described[i];
      expect(r.id).toBe(want.id);
      expect(r.name).toBe(want.name);
      expect(r.name).not.toBe(r.id);
      expect(r.shortDescription.text).toBe(want.shortDescription);
      expect(r.fullDescription.text).toBe(want.fullDescription);
      expect(r.helpUri).toBe(want.helpUri);
      expect(r.help.text).toBe(`${want.fullDescription}\n\nMore: ${want.helpUri}`);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
      expect(r.properties.tags).toContain('security');
    }
    expect(rules[0].defaultConfiguration.level).toBe('error');
    expect(rules[0].properties['security-severity']).toBe('7.5');
    expect(rules[0].properties.tags).toContain('external/cwe/cwe-319');
    expect(rules[2].defaultConfiguration.level).toBe('warning');
    expect(rules[3].properties['security-severity']).toBeUndefined();
  });

  it('gives every result the required properties, a valid ruleIndex, a relative URI and a 1-based region', () => {
    expect(results).toHaveLength(7);
    for (const r of results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.locations).toHaveLength(1);
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^(\/|\.\/|[a-z]+:)/i);
      expect(loc.artifactLocation.uri).not.toContain('\\');
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn'])
        expect(loc.region[k]).toBeGreaterThanOrEqual(1);
      expect(r.partialFingerprints).toBeUndefined();
    }
    // the finding's message, and what --write or a person does about it
    expect(results.map((r) => r.message.text)).toEqual([
      'ftp-to-ftp-tls at 3 (ftptls --write fixes this)',
      'prot-p at 4 (ftptls --write fixes this)',
      'ftp-to-ftp-tls at 9',
      'prot-p at 12 (needs manual review: no name to call prot_p() on)',
      'custom-rule at 1 (needs manual review)',
      'ftp-to-ftp-tls at 3 (ftptls --write fixes this)',
      'ftp-to-ftp-tls at 1',
    ]);
    const uris = results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect([...new Set(uris)]).toEqual(['app/upload.py', 'src/win%20dows/crlf%20%C3%A9.py', 'lib/clean.py']);
    expect(results[0].locations[0].physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 7,
      endLine: 3,
      endColumn: 15,
    });
  });

  it("orders a file's results by position and picks levels by status", () => {
    const upload = results.filter(
      (r) => r.locations[0].physicalLocation.artifactLocation.uri === 'app/upload.py',
    );
    expect(upload.map((r) => [r.ruleId, r.locations[0].physicalLocation.region.startLine, r.level])).toEqual([
      ['ftp-to-ftp-tls', 3, 'error'],
      ['prot-p', 4, 'error'],
      ['ftp-to-ftp-tls', 9, 'error'],
      ['prot-p', 12, 'warning'],
    ]);
    expect(upload.map((r) => r.properties['ftptls/status'])).toEqual([
      'fixed',
      'fixed',
      'suppressed',
      'manual',
    ]);
    expect(upload[3].message.text).toContain('no name to call prot_p() on');
    expect(upload[3].properties['ftptls/reason']).toBe('no name to call prot_p() on');
  });

  it('marks suppressed findings, and only those, as suppressed in source with the marker', () => {
    for (const r of results) {
      if (r.properties['ftptls/status'] === 'suppressed') {
        expect(r.suppressions).toHaveLength(1);
        expect(r.suppressions[0].kind).toBe('inSource');
        expect(r.suppressions[0].justification).toMatch(/^# /);
      } else expect(r.suppressions).toBeUndefined();
    }
    expect(results.filter((r) => r.suppressions).map((r) => r.suppressions[0].justification)).toEqual([
      '# ftptls: ignore',
      '# nosec',
    ]);
  });

  it('attaches one fix per changed file, to its first fixed finding, that turns before into after', () => {
    const withFixes = results.filter((r) => r.fixes);
    expect(withFixes.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.ruleId])).toEqual([
      ['app/upload.py', 'ftp-to-ftp-tls'],
      ['src/win%20dows/crlf%20%C3%A9.py', 'ftp-to-ftp-tls'],
    ]);
    for (const r of withFixes) {
      const file = RESULTS.find(
        (f) => artifactUri(f.path, base) === r.locations[0].physicalLocation.artifactLocation.uri,
      )!;
      expect(r.fixes).toHaveLength(1);
      expect(r.fixes[0].description.text).toBe(
        `Apply all of ftptls's changes to ${file.path} (ftptls --write)`,
      );
      expect(r.fixes[0].artifactChanges).toHaveLength(1);
      const change = r.fixes[0].artifactChanges[0];
      expect(change.artifactLocation.uri).toBe(r.locations[0].physicalLocation.artifactLocation.uri);
      expect(applyReplacements(file.before, change.replacements, run.newlineSequences)).toBe(file.after);
    }
    // The CRLF file's inserted line keeps its CRLF.
    const crlfFix = withFixes[1].fixes[0].artifactChanges[0].replacements;
    expect(crlfFix.map((x: Replacement) => x.insertedContent?.text)).toContain('ftp.prot_p()\r\n');
  });

  it('reports failed and skipped files as tool notifications', () => {
    expect(run.invocations).toHaveLength(1);
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'note',
        message: { text: 'gen/api.py: skipped: marked @generated' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'gen/api.py' } } }],
      },
      {
        level: 'error',
        message: { text: 'bad.py: error: syntax error at 1:5; not changed' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'bad.py' } } }],
      },
    ]);
  });

  it('is valid with no results at all, and deterministic', () => {
    const empty: J = JSON.parse(sarifReport([], RULES, { toolVersion: '1.0.0' }));
    expect(empty.runs[0].results).toEqual([]);
    expect(empty.runs[0].tool.driver.rules).toHaveLength(3);
    expect(sarifReport(RESULTS, RULES, { baseDir: base })).toBe(
      sarifReport(RESULTS, RULES, { baseDir: base }),
    );
  });

  it('is written from results put aside (a temporary file for the CLI) as exactly the indented document', () => {
    for (const results of [RESULTS, []]) {
      const writer = new SarifWriter(fileSpill(), { baseDir: base });
      for (const r of results) writer.add(r);
      const text = [...writer.finish(RULES)].join('');
      writer.close();
      expect(text).toBe(sarifReport(results, RULES, { baseDir: base }));
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
    }
  });

  it('puts each rule index in once the rules are known, across the pieces read back, whatever the texts hold', () => {
    // Rules named by findings only, first named after many results; messages with NUL characters, digits
    // and the key's own spelling; more than one block of text put aside
    const many: FileResult[] = Array.from({ length: 300 }, (_, i) => ({
      path: `pkg/m${i}.py`,
      status: 'unchanged',
      before: '',
      after: '',
      findings: [
        finding(i < 250 ? 'prot-p' : 'late-rule', 1, 'manual', {
          message: `\u0000${i}\u0000 "ruleIndex": 0, ${'x'.repeat(4000)}`,
        }),
        finding('ftp-to-ftp-tls', 2, 'manual'),
      ],
    }));
    const writer = new SarifWriter(fileSpill(), { baseDir: base });
    for (const r of many) writer.add(r);
    const text = [...writer.finish(RULES.slice(0, 1))].join('');
    writer.close();
    expect(text.length).toBeGreaterThan(1024 * 1024); // read back in more than one block
    expect(text).toBe(sarifReport(many, RULES.slice(0, 1), { baseDir: base }));
    const sarifRun: J = JSON.parse(text).runs[0];
    expect(sarifRun.tool.driver.rules.map((r: J) => r.id)).toEqual(['ftp-to-ftp-tls', 'prot-p', 'late-rule']);
    for (const [i, r] of (sarifRun.results as J[]).entries()) {
      expect(sarifRun.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      if (i % 2 === 0)
        expect(r.message.text).toMatch(/^\u0000\d+\u0000 "ruleIndex": 0, x+ \(needs manual review\)$/);
    }
  });

  it('takes the version from package.json unless told', () => {
    const v: J = JSON.parse(sarifReport([], RULES));
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(v.runs[0].tool.driver.version).toBe(pkg.version);
  });
});

describe('artifactUri', () => {
  const base = path.resolve('/repo');
  it('is relative to the base, with forward slashes and percent-encoding', () => {
    expect(artifactUri('a/b.py', base)).toBe('a/b.py');
    expect(artifactUri('./a/b.py', base)).toBe('a/b.py');
    expect(artifactUri(path.join(base, 'x', 'y z.py'), base)).toBe('x/y%20z.py');
    expect(artifactUri('#weird?.py', base)).toBe('%23weird%3F.py');
    expect(artifactUri('c:colon.py', base)).toBe('c%3Acolon.py');
  });
  it('is an absolute file URI outside the base', () => {
    expect(artifactUri('../elsewhere/a.py', base)).toMatch(/^file:\/\/\/.*elsewhere\/a\.py$/);
  });
});

describe('replacements: applying them gives the after text', () => {
  const roundTrip = (before: string, after: string) => {
    const reps = replacements(before, after);
    expect(applyReplacements(before, reps as Replacement[], NEWLINES)).toBe(after);
    return reps;
  };

  it('an insertion is an empty region at the start of the line it goes before', () => {
    expect(roundTrip('a\nb\nc\n', 'a\nnew\nb\nc\n')).toEqual([
      {
        deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 1 },
        insertedContent: { text: 'new\n' },
      },
    ]);
  });
  it('an insertion at the end after a final newline is at line n+1, column 1', () => {
    expect(roundTrip('a\nb\n', 'a\nb\nc\n')).toEqual([
      {
        deletedRegion: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 1 },
        insertedContent: { text: 'c\n' },
      },
    ]);
  });
  it('a deletion has no inserted content', () => {
    expect(roundTrip('a\nb\nc\n', 'a\nc\n')).toEqual([
      { deletedRegion: { startLine: 2, startColumn: 1, endLine: 3, endColumn: 1 } },
    ]);
  });
  it('a last line without newline ends at its last column', () => {
    expect(roundTrip('a\nb', 'a\nB')).toEqual([
      {
        deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 2 },
        insertedContent: { text: 'B' },
      },
    ]);
    roundTrip('a\nb', 'a\nb\n');
    roundTrip('a\nb\n', 'a\nb');
  });
  it('CRLF, lone CR, mixed, empty texts, non-ASCII (UTF-16 columns)', () => {
    roundTrip('a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\nd\r\n');
    roundTrip('a\rb\rc\r', 'a\rB\rc\r');
    roundTrip('a\r\nb\nc\rd', 'a\r\nb\nC\rd\r\n');
    roundTrip('', 'x\n');
    roundTrip('x\n', '');
    roundTrip('🚀 é\n漢字', '🚀 è\n漢字\n');
    expect(replacements('x = "🚀"', 'x = "🚀🚀"')).toEqual([
      {
        deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 9 },
        insertedContent: { text: 'x = "🚀🚀"' },
      },
    ]);
  });
  it('identical texts need no replacement', () => {
    expect(replacements(INSECURE, INSECURE)).toEqual([]);
  });
  it('random texts (seeded)', () => {
    const next = mulberry32(7);
    const rand = (n: number) => Math.floor(next() * n);
    const pieces = ['ftp', 'FTP_TLS', '🚀', '', ' ', '\n', '\r\n', '\r', '\n', 'é'];
    const text = () => Array.from({ length: rand(20) }, () => pieces[rand(pieces.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const before = text();
      const after = rand(3)
        ? before.replace(/ftp/, 'FTP_TLS').replace(/\n/, '\r\n') + (rand(2) ? 'x\n' : '')
        : text();
      roundTrip(before, after);
    }
  });
});
