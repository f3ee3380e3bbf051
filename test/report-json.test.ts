// The JSON report and its schema (schema/report.schema.json): a real report must validate, and so must the
// edge cases; broken reports must not. Validation uses ajv when it is installed, and always a small validator
// of our own that reads the schema file and knows exactly the keywords the schema uses (it refuses others, so
// the schema cannot grow past what this test checks).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonReport, JsonReportWriter } from '../src/report/json.js';
import { findingLines, summarize, tallyLine } from '../src/report/summary.js';
import type { FileResult } from '../src/types.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';

const schema = JSON.parse(fs.readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8'));

// ---- a small JSON Schema (2020-12 subset) validator, driven by the schema file ---------------------------
type Schema = Record<string, unknown> | boolean;
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function validate(root: Record<string, unknown>, s: Schema, v: unknown, at = '$'): string[] {
  if (s === true) return [];
  if (s === false) return [`${at}: not allowed`];
  const errors: string[] = [];
  for (const [kw, arg] of Object.entries(s)) {
    switch (kw) {
      case 'type': {
        const t = typeOf(v);
        const ok = arg === t || (arg === 'number' && t === 'integer');
        if (!ok) errors.push(`${at}: expected ${arg}, got ${t}`);
        break;
      }
      case 'const':
        if (JSON.stringify(v) !== JSON.stringify(arg)) errors.push(`${at}: expected ${JSON.stringify(arg)}`);
        break;
      case 'enum':
        if (!(arg as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(v)))
          errors.push(`${at}: ${JSON.stringify(v)} not in ${JSON.stringify(arg)}`);
        break;
      case 'minimum':
        if (typeof v === 'number' && v < (arg as number)) errors.push(`${at}: ${v} < ${arg}`);
        break;
      case 'minLength':
        if (typeof v === 'string' && [...v].length < (arg as number)) errors.push(`${at}: too short`);
        break;
      case 'required':
        if (typeOf(v) === 'object')
          for (const k of arg as string[]) if (!(k in (v as object))) errors.push(`${at}: missing ${k}`);
        break;
      case 'properties':
        if (typeOf(v) === 'object')
          for (const [k, sub] of Object.entries(arg as Record<string, Schema>))
            if (k in (v as object))
              errors.push(...validate(root, sub, (v as Record<string, unknown>)[k], `${at}.${k}`));
        break;
      case 'additionalProperties':
        if (typeOf(v) === 'object') {
          const known = Object.keys((s.properties as object) ?? {});
          for (const [k, val] of Object.entries(v as object))
            if (!known.includes(k)) errors.push(...validate(root, arg as Schema, val, `${at}.${k}`));
        }
        break;
      case 'items':
        if (Array.isArray(v))
          v.forEach((item, i) => errors.push(...validate(root, arg as Schema, item, `${at}[${i}]`)));
        break;
      case '$ref': {
        const m = /^#\/\$defs\/([\w-]+)$/.exec(arg as string);
        if (!m) throw new Error(`unsupported $ref ${arg}`);
        const target = (root.$defs as Record<string, Schema>)[m[1]];
        if (target === undefined) throw new Error(`dangling $ref ${arg}`);
        errors.push(...validate(root, target, v, at));
        break;
      }
      case 'allOf':
        for (const sub of arg as Schema[]) errors.push(...validate(root, sub, v, at));
        break;
      case 'if': {
        const branch = validate(root, arg as Schema, v, at).length === 0 ? s.then : s.else;
        if (branch !== undefined) errors.push(...validate(root, branch as Schema, v, at));
        break;
      }
      case 'then':
      case 'else':
        break; // handled with `if`
      default:
        if (!ANNOTATIONS.has(kw)) throw new Error(`schema keyword ${kw} is not checked by this test: add it`);
    }
  }
  return errors;
}

const check = (doc: unknown) => validate(schema, schema, doc);

// ajv, when installed (wanted as a devDependency): the real thing, strict mode.
type AjvValidate = ((doc: unknown) => boolean) & { errors?: unknown };
type AjvClass = new (o: object) => { compile(s: object): AjvValidate };
let Ajv2020: AjvClass | undefined;
try {
  const spec = 'ajv/dist/2020.js'; // a variable, so that the import is resolved at run time, not by the bundler
  Ajv2020 = ((await import(spec)) as { default: AjvClass }).default;
} catch {
  Ajv2020 = undefined; // not installed
}
// Strict mode: the schema itself must be clean (compiling throws otherwise, failing this file).
const ajvValidate = Ajv2020 && new Ajv2020({ strict: true, allErrors: true }).compile(schema);
// A devDependency, so `npm ci` installs it: its test is skipped (saying so) without it, and fails under CI=true.
const ajvMissing = ajvValidate ? undefined : 'ajv is not installed (npm ci installs it)';

// ---- data -------------------------------------------------------------------------------------------------
const INSECURE = 'from ftplib import FTP\n\nftp = FTP("h")\nftp.login("u", "p")\n';
const SECURE = 'from ftplib import FTP_TLS\n\nftp = FTP_TLS("h")\nftp.login("u", "p")\nftp.prot_p()\n';

const RESULTS: FileResult[] = [
  {
    path: 'app/upload.py',
    status: 'changed',
    before: INSECURE,
    after: SECURE,
    findings: [
      {
        rule: 'ftp-to-ftp-tls',
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 15,
        status: 'fixed',
        message: 'cleartext FTP connection',
      },
      {
        rule: 'prot-p',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 20,
        status: 'fixed',
        message: 'data channel not protected',
      },
      {
        rule: 'ftp-to-ftp-tls',
        line: 9,
        column: 5,
        endLine: 9,
        endColumn: 14,
        status: 'suppressed',
        message: 'cleartext FTP connection',
        marker: '# ftptls: ignore',
      },
      {
        rule: 'prot-p',
        line: 12,
        column: 1,
        endLine: 12,
        endColumn: 25,
        status: 'manual',
        message: 'cannot call prot_p() here',
        reason: 'FTP_TLS(host).login() has no name\nto call prot_p() on',
      },
    ],
  },
  {
    path: 'app/plain.py',
    status: 'unchanged',
    before: 'x = 1\n',
    after: 'x = 1\n',
    findings: [],
    config: 'app/pyproject.toml',
  },
  {
    path: 'gen/api.py',
    status: 'skipped',
    before: '# @generated\n',
    after: '# @generated\n',
    findings: [],
    skipReason: 'marked @generated',
  },
  {
    path: 'bad.py',
    status: 'error',
    before: 'def (\n',
    after: 'def (\n',
    findings: [],
    error: 'syntax error at 1:5; not changed',
    config: '/etc/ftptls.toml',
  },
];

describe('jsonReport', () => {
  const summary = summarize(RESULTS, 0.4123);
  const text = jsonReport(RESULTS, summary);
  const doc = JSON.parse(text);

  it('is one JSON document with the files, their findings and the summary', () => {
    expect(doc.version).toBe(2);
    expect(doc.tool).toBe('ftptls');
    expect(doc.files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
      ['app/upload.py', 'changed'],
      ['app/plain.py', 'unchanged'],
      ['gen/api.py', 'skipped'],
      ['bad.py', 'error'],
    ]);
    expect(doc.files[0].findings[2]).toEqual({
      rule: 'ftp-to-ftp-tls',
      line: 9,
      column: 5,
      endLine: 9,
      endColumn: 14,
      status: 'suppressed',
      message: 'cleartext FTP connection',
      marker: '# ftptls: ignore',
    });
    expect(doc.files[2].skipReason).toBe('marked @generated');
    expect(doc.files[3].error).toBe('syntax error at 1:5; not changed');
    // the configuration file a file was processed with, when there was one
    expect(doc.files.map((f: { config?: string }) => f.config)).toEqual([
      undefined,
      'app/pyproject.toml',
      undefined,
      '/etc/ftptls.toml',
    ]);
    expect(doc.summary).toEqual({
      files: 4,
      changed: 1,
      unchanged: 1,
      skipped: 1,
      errors: 1,
      fixed: 2,
      suppressed: 1,
      manual: 1,
      seconds: 0.4123,
    });
  });

  it('keeps a stable key order, optional keys only when set, and leaves the texts out', () => {
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'files', 'summary']);
    expect(Object.keys(doc.files[0])).toEqual(['path', 'status', 'findings']);
    expect(Object.keys(doc.files[1])).toEqual(['path', 'status', 'findings', 'config']);
    expect(Object.keys(doc.files[2])).toEqual(['path', 'status', 'findings', 'skipReason']);
    expect(Object.keys(doc.files[3])).toEqual(['path', 'status', 'findings', 'error', 'config']);
    expect(Object.keys(doc.files[0].findings[0])).toEqual([
      'rule',
      'line',
      'column',
      'endLine',
      'endColumn',
      'status',
      'message',
    ]);
    expect(Object.keys(doc.files[0].findings[3]).slice(-1)).toEqual(['reason']);
    expect(Object.keys(doc.summary)).toEqual([
      'files',
      'changed',
      'unchanged',
      'skipped',
      'errors',
      'fixed',
      'suppressed',
      'manual',
      'seconds',
    ]);
    expect(text).not.toContain('FTP_TLS("h")');
    // Same input, same bytes, whatever order the FileResult's own keys were in.
    const shuffled = RESULTS.map(
      (r) => Object.fromEntries(Object.entries(r).reverse()) as unknown as FileResult,
    );
    expect(jsonReport(shuffled, summary)).toBe(text);
  });

  it('is written piece by piece (the CLI streams it) as exactly the indented document', () => {
    for (const results of [RESULTS, RESULTS.slice(0, 1), []]) {
      const s = summarize(results, 0);
      const writer = new JsonReportWriter();
      const pieces = writer.head() + results.map((r) => writer.file(r)).join('') + writer.tail(s);
      expect(pieces).toBe(jsonReport(results, s));
      expect(pieces).toBe(JSON.stringify(JSON.parse(pieces), null, 2));
    }
  });

  it('validates against schema/report.schema.json (own validator)', () => {
    expect(check(doc)).toEqual([]);
    expect(check(JSON.parse(jsonReport([], summarize([], 0))))).toEqual([]);
  });

  it.skipIf(shouldSkip('report-json: the ajv validation', ajvMissing))(
    'validates against schema/report.schema.json (ajv, strict)',
    () => {
      requireAvailable('report-json', ajvMissing);
      expect(ajvValidate!(doc), JSON.stringify(ajvValidate!.errors)).toBe(true);
    },
  );

  it('a file that failed or was skipped always carries its reason', () => {
    const bare: FileResult[] = [
      { path: 'e.py', status: 'error', before: '', after: '', findings: [] },
      { path: 's.py', status: 'skipped', before: '', after: '', findings: [] },
    ];
    const d = JSON.parse(jsonReport(bare, summarize(bare, 0)));
    expect(d.files[0].error).toBe('could not be processed');
    expect(d.files[1].skipReason).toBe('skipped');
    expect(check(d)).toEqual([]);
  });

  it('the schema rejects what is not a report (so the checks above mean something)', () => {
    const broken = (f: (d: typeof doc) => void) => {
      const d = structuredClone(doc);
      f(d);
      return d;
    };
    const bad = [
      broken((d) => delete d.summary),
      broken((d) => (d.version = 1)),
      broken((d) => (d.files[0].status = 'fixed')),
      broken((d) => (d.files[0].findings[0].status = 'changed')),
      broken((d) => (d.files[0].findings[0].line = 0)),
      broken((d) => (d.files[0].findings[0].column = 1.5)),
      broken((d) => delete d.files[0].findings[0].endColumn),
      broken((d) => (d.files[0].findings[0].extra = true)),
      broken((d) => delete d.files[3].error),
      broken((d) => delete d.files[2].skipReason),
      broken((d) => (d.summary.fixed = -1)),
      broken((d) => (d.summary.seconds = '0.4')),
      broken((d) => (d.files[1].path = '')),
      broken((d) => (d.files[1].config = '')),
      broken((d) => (d.files[1].config = 3)),
    ];
    for (const d of bad) {
      expect(check(d), JSON.stringify(d).slice(0, 200)).not.toEqual([]);
      if (ajvValidate) expect(ajvValidate(d)).toBe(false);
    }
  });
});

describe('summary', () => {
  it('counts files by status and findings by status', () => {
    expect(summarize(RESULTS, 1.5)).toEqual({
      files: 4,
      changed: 1,
      unchanged: 1,
      skipped: 1,
      errors: 1,
      fixed: 2,
      suppressed: 1,
      manual: 1,
      seconds: 1.5,
    });
  });

  it('tallyLine: one line, plural where it must be, what happened in the parenthesis', () => {
    const s = summarize(RESULTS, 0.4123);
    expect(tallyLine(s, 'dry-run')).toBe(
      'ftptls: 1 file changed, 1 unchanged, 1 skipped, 1 error · 2 fixed, 1 suppressed, 1 manual · 0.41s (dry run: nothing written)',
    );
    expect(tallyLine(s, 'write')).toMatch(/ \(1 file written\)$/);
    expect(tallyLine(s, 'check')).toMatch(/ \(check: 1 file needs changes\)$/);
    const many = { ...s, changed: 3, unchanged: 10, errors: 0, fixed: 12, manual: 2 };
    expect(tallyLine(many, 'dry-run')).toBe(
      'ftptls: 3 files changed, 10 unchanged, 1 skipped, 0 errors · 12 fixed, 1 suppressed, 2 manual · 0.41s (dry run: nothing written)',
    );
    expect(tallyLine(many, 'check')).toMatch(/\(check: 3 files need changes\)$/);
    const none = summarize([], 0);
    expect(tallyLine(none, 'write')).toMatch(/\(nothing to write\)$/);
    expect(tallyLine(none, 'check')).toMatch(/\(check: nothing to change\)$/);
    expect(tallyLine(none, 'dry-run')).not.toContain('\n');
  });

  it('findingLines: manual findings and errors, one line each', () => {
    expect(findingLines(RESULTS)).toEqual([
      'app/upload.py:12:1: manual: cannot call prot_p() here (FTP_TLS(host).login() has no name to call prot_p() on)',
      'bad.py: error: syntax error at 1:5; not changed',
    ]);
    const noReason: FileResult[] = [
      {
        path: 'a.py',
        status: 'unchanged',
        before: '',
        after: '',
        findings: [
          { rule: 'prot-p', line: 7, column: 3, endLine: 7, endColumn: 9, status: 'manual', message: 'm2' },
          { rule: 'prot-p', line: 2, column: 9, endLine: 2, endColumn: 12, status: 'manual', message: 'm1' },
        ],
      },
    ];
    expect(findingLines(noReason)).toEqual(['a.py:2:9: manual: m1', 'a.py:7:3: manual: m2']);
  });
});
