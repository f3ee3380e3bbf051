// The SARIF 2.1.0 report, for GitHub code scanning and other SARIF consumers.
//
// - One run; `tool.driver` carries every rule the caller passes (so a rule that found nothing is known to
//   have run), plus a minimal descriptor for any rule id that appears in a finding but was not passed.
// - Locations: `artifactLocation.uri` is relative to `baseDir` (the current directory unless told), with "/"
//   and percent-encoding; a file outside baseDir gets an absolute file:// URI. Regions are the findings' own:
//   1-based lines and columns in the text as it was before the run, columns in UTF-16 code units, end column
//   exclusive; the run declares this (`columnKind`) and that "\r\n", "\n" and a lone "\r" end lines
//   (`newlineSequences`), as they do for Python and for our findings.
// - No `partialFingerprints`: GitHub's upload-sarif action computes them from the file, and warns when a tool
//   supplies its own.
// - Suppressed findings are results with `suppressions: [{kind: 'inSource'}]` (GitHub shows them as
//   dismissed, not as open alerts). Per-file errors and skips are tool execution notifications.
// - Fixes: a file's changes are one atomic whole (an import rewrite, the constructor, `prot_p()` after each
//   login: the transforms compose by re-parsing, and a FileResult keeps no per-finding edits), so the whole
//   before->after change of a file is ONE fix, attached to the file's first fixed finding (by position).
//   Other fixed findings of the file carry no `fixes`: a consumer applying every fix must apply it once.
//   Replacements are the line hunks between before and after (no context), each deletedRegion in terms of
//   the before text, non-overlapping, in order; an insertion is an empty region (start = end) at the start
//   of the line it goes before, or at the end of the text (line n+1, column 1 after a final newline).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileResult, Finding } from '../types.js';
import { lineHunks, splitLinesUniversal } from './diff.js';
import { nested } from './json.js';
import { memorySpill, type Spill } from './spill.js';

export interface RuleInfo {
  id: string;
  name: string;
  shortDescription: string;
  fullDescription: string;
  helpUri: string;
}

export interface SarifOptions {
  /** Directory that artifact URIs are relative to (the repository root in CI); process.cwd() unless told. */
  baseDir?: string;
  /** driver.version; package.json's version unless told. */
  toolVersion?: string;
  /** driver.informationUri; package.json's homepage or repository unless told. */
  informationUri?: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

/**
 * Security metadata per rule. `ftp-to-ftp-tls` and `prot-p` are cleartext transmission (CWE-319): the login
 * (or every transferred file) crosses the network readable and alterable by anyone on the path, so their
 * default level is `error`. `ssl-context` is hardening (FTP_TLS without certificate verification is still
 * encrypted, but open to an active man in the middle, CWE-295), so `warning`. `hardcoded-credentials` only
 * reports (CWE-798: the password is readable by everyone who can read the code or its history, high like
 * cleartext on the wire), and what it reports needs a person, so `warning`. `security-severity` is what GitHub
 * uses to rank security alerts (CVSS-like, 7.0+ is high).
 */
const RULE_SECURITY: Record<string, { level: Level; severity: string; cwe: number }> = {
  'ftp-to-ftp-tls': { level: 'error', severity: '7.5', cwe: 319 },
  'prot-p': { level: 'error', severity: '6.5', cwe: 319 },
  'hardcoded-credentials': { level: 'warning', severity: '7.5', cwe: 798 },
  'ssl-context': { level: 'warning', severity: '5.9', cwe: 295 },
};

/**
 * A result's level. A fixed finding keeps its rule's level: the code as scanned still does what the rule
 * flags, and this is exactly what `--check` fails on, so CI and code scanning agree. A manual finding is a
 * `warning` whatever the rule: ftptls could not fix it safely, or could not prove it cleartext (a connection
 * from elsewhere); it needs a person, and `--check` does not fail on it either. A suppressed finding keeps
 * its rule's level; its suppression is what keeps it out of the open alerts.
 */
function resultLevel(f: Finding, ruleLevel: Level): Level {
  return f.status === 'manual' ? 'warning' : ruleLevel;
}

export function sarifReport(results: FileResult[], rules: RuleInfo[], options: SarifOptions = {}): string {
  const writer = new SarifWriter(memorySpill(), options);
  for (const r of results) writer.add(r);
  return [...writer.finish(rules)].join('');
}

/**
 * The same document for output that cannot wait for the whole run: add() each result in order, then finish()
 * gives the text in pieces, exactly sarifReport's. The results come after the rules and the notifications,
 * which are only known at the end: meanwhile the results wait in `spill` (a temporary file for the CLI),
 * each with a placeholder for its rule's index, and only the notifications are kept in memory.
 */
export class SarifWriter {
  private readonly baseDir: string;
  private readonly notifications: object[] = [];
  /** Each rule id the findings name, in the order first named, with the number its placeholder carries. */
  private readonly named = new Map<string, number>();
  private results = 0;

  constructor(
    private readonly spill: Spill,
    private readonly options: SarifOptions = {},
  ) {
    this.baseDir = path.resolve(options.baseDir ?? process.cwd());
  }

  add(r: FileResult): void {
    const uri = artifactUri(r.path, this.baseDir);
    if (r.status === 'error' || r.status === 'skipped')
      this.notifications.push({
        level: r.status === 'error' ? 'error' : 'note',
        message: {
          text:
            r.status === 'error'
              ? `${r.path}: error: ${r.error ?? 'could not be processed'}`
              : `${r.path}: skipped: ${r.skipReason ?? r.error ?? 'skipped'}`,
        },
        locations: [{ physicalLocation: { artifactLocation: { uri } } }],
      });
    for (const f of r.findings) if (!this.named.has(f.rule)) this.named.set(f.rule, this.named.size);

    const findings = [...r.findings].sort((a, b) => a.line - b.line || a.column - b.column);
    const fixTarget =
      r.status === 'changed' && r.before !== r.after ? findings.find((f) => f.status === 'fixed') : undefined;
    const texts: string[] = [];
    for (const f of findings) {
      const result: Record<string, unknown> = {
        ruleId: f.rule,
        ruleIndex: -1,
        level: resultLevel(f, ruleDefaults(f.rule).level),
        message: { text: messageText(f) },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(f) } }],
      };
      if (f.related)
        result.relatedLocations = f.related.map((r, id) => ({
          id,
          message: { text: r.message },
          physicalLocation: {
            artifactLocation: { uri: artifactUri(r.path, this.baseDir) },
            region: { startLine: r.line },
          },
        }));
      if (f.status === 'suppressed')
        result.suppressions = [
          {
            kind: 'inSource',
            status: 'accepted',
            ...(f.marker !== undefined ? { justification: f.marker } : {}),
          },
        ];
      if (f === fixTarget)
        result.fixes = [
          {
            description: { text: `Apply all of ftptls's changes to ${r.path} (ftptls --write)` },
            artifactChanges: [{ artifactLocation: { uri }, replacements: replacements(r.before, r.after) }],
          },
        ];
      result.properties = {
        'ftptls/status': f.status,
        ...(f.reason !== undefined ? { 'ftptls/reason': f.reason } : {}),
      };
      // The first "ruleIndex" of the text is the key (JSON escapes the quotes of any string holding it); a
      // NUL character is never in JSON text, so the placeholder cannot be mistaken for anything else
      const text = JSON.stringify(result, null, 2).replace(
        '"ruleIndex": -1,',
        `"ruleIndex": \0${this.named.get(f.rule)}\0,`,
      );
      texts.push(`${this.results++ ? ',' : ''}\n${RESULT_INDENT}${nested(text, RESULT_INDENT)}`);
    }
    if (texts.length) this.spill.write(texts.join(''));
  }

  /** Lets go of the results put aside (finish() has read them, or they are not wanted). */
  close(): void {
    this.spill.close();
  }

  /** The whole document, in pieces: `rules` are those of every transform that ran. */
  *finish(rules: RuleInfo[]): Generator<string> {
    const pkg = packageInfo();
    const ruleList: RuleInfo[] = [];
    const ruleIndex = new Map<string, number>();
    const addRule = (r: RuleInfo) => {
      if (ruleIndex.has(r.id)) return;
      ruleIndex.set(r.id, ruleList.length);
      ruleList.push(r);
    };
    rules.forEach(addRule);
    // a minimal descriptor for a rule a finding names that no transform passed declares
    for (const id of this.named.keys())
      if (!ruleIndex.has(id))
        addRule({
          id,
          name: id.replace(/(^|[-_])(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
          shortDescription: id,
          fullDescription: id,
          helpUri: 'https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS',
        });
    const indexOf = [...this.named.keys()].map((id) => ruleIndex.get(id)!);

    const doc = {
      $schema: SARIF_SCHEMA_URI,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'ftptls',
              informationUri: this.options.informationUri ?? pkg.informationUri,
              version: this.options.toolVersion ?? pkg.version,
              rules: ruleList.map(ruleDescriptor),
            },
          },
          invocations: [{ executionSuccessful: true, toolExecutionNotifications: this.notifications }],
          columnKind: 'utf16CodeUnits',
          newlineSequences: ['\r\n', '\n', '\r'],
          results: [],
        },
      ],
    };
    // The document with no results, cut where they go (the last key of the run)
    const text = JSON.stringify(doc, null, 2);
    const at = text.lastIndexOf(EMPTY_RESULTS) + EMPTY_RESULTS.length - 1;
    yield text.slice(0, at);
    const fill = (s: string) => s.replace(/\0(\d+)\0/g, (_m, k: string) => String(indexOf[Number(k)]));
    // placeholders never hold a line break: a piece is filled up to its last one, the rest with the next
    let carry = '';
    for (const piece of this.spill.read()) {
      const s = carry + piece;
      const cut = s.lastIndexOf('\n') + 1;
      if (cut) yield fill(s.slice(0, cut));
      carry = s.slice(cut);
    }
    if (carry) yield fill(carry);
    yield `${this.results ? `\n${RESULT_INDENT.slice(2)}` : ''}${text.slice(at)}`;
  }
}

const EMPTY_RESULTS = '"results": []';
/** How deep a result sits in the document: runs[0].results[i]. */
const RESULT_INDENT = ' '.repeat(8);

function ruleDefaults(id: string): { level: Level; severity?: string; cwe?: number } {
  return RULE_SECURITY[id] ?? { level: 'warning' };
}

function ruleDescriptor(r: RuleInfo): object {
  const d = ruleDefaults(r.id);
  return {
    id: r.id,
    // SARIF wants `name` (for people) to differ from `id` (stable, opaque): leave it out when they are equal.
    ...(r.name && r.name !== r.id ? { name: r.name } : {}),
    shortDescription: { text: r.shortDescription },
    fullDescription: { text: r.fullDescription },
    helpUri: r.helpUri,
    help: { text: `${r.fullDescription}\n\nMore: ${r.helpUri}` },
    defaultConfiguration: { level: d.level },
    properties: {
      tags: ['security', ...(d.cwe ? [`external/cwe/cwe-${d.cwe}`] : [])],
      precision: 'high',
      ...(d.severity ? { 'security-severity': d.severity } : {}),
    },
  };
}

function messageText(f: Finding): string {
  const msg = f.message || f.rule;
  if (f.status === 'manual')
    return f.reason ? `${msg} (needs manual review: ${f.reason})` : `${msg} (needs manual review)`;
  if (f.status === 'fixed') return `${msg} (ftptls --write fixes this)`;
  return msg;
}

function region(f: Finding): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const startLine = Math.max(1, f.line);
  const startColumn = Math.max(1, f.column);
  let endLine = Math.max(1, f.endLine);
  let endColumn = Math.max(1, f.endColumn);
  if (endLine < startLine || (endLine === startLine && endColumn < startColumn)) {
    endLine = startLine;
    endColumn = startColumn;
  }
  return { startLine, startColumn, endLine, endColumn };
}

interface Replacement {
  deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  insertedContent?: { text: string };
}

/** The before->after change as SARIF replacements, regions in the before text (see the header comment). */
export function replacements(before: string, after: string): Replacement[] {
  const oldLines = splitLinesUniversal(before);
  const newLines = splitLinesUniversal(after);
  const n = oldLines.length;
  const last = n ? oldLines[n - 1] : '';
  const endOfText =
    n === 0
      ? { line: 1, column: 1 }
      : /[\r\n]$/.test(last)
        ? { line: n + 1, column: 1 }
        : { line: n, column: last.length + 1 };
  const at = (k: number) => (k < n ? { line: k + 1, column: 1 } : endOfText);

  return lineHunks(oldLines, newLines, 0).map((h) => {
    const removed = h.ops.filter((o) => o.kind === '-').length;
    const inserted = h.ops
      .filter((o) => o.kind === '+')
      .map((o) => o.line)
      .join('');
    const s = at(h.oldStart);
    const e = at(h.oldStart + removed);
    const rep: Replacement = {
      deletedRegion: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column },
    };
    if (inserted) rep.insertedContent = { text: inserted };
    return rep;
  });
}

/** A URI reference for a path: relative to baseDir with "/" and percent-encoding, or file:// outside it. */
export function artifactUri(p: string, baseDir: string): string {
  const abs = path.resolve(baseDir, p);
  const rel = path.relative(baseDir, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    return pathToFileURL(abs).href;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

let cachedPkg: { version: string; informationUri: string } | undefined;

/** Our package.json, found upwards from this module (src/report/ in tests, dist/src/report/ when built). */
function packageInfo(): { version: string; informationUri: string } {
  if (cachedPkg) return cachedPkg;
  cachedPkg = { version: '0.0.0', informationUri: 'https://www.npmjs.com/package/ftptls' };
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'ftptls') {
        const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
        const repoUrl =
          typeof repo === 'string' ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
        cachedPkg = {
          version: String(pkg.version ?? cachedPkg.version),
          informationUri:
            pkg.homepage ?? (repoUrl?.startsWith('https://') ? repoUrl : cachedPkg.informationUri),
        };
        break;
      }
    } catch {
      // no package.json here: go on up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return cachedPkg;
}
