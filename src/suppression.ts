// Suppression: "is this site suppressed, and by which comment?".
//
// Every comment syntax we honour is one entry of MARKER_SYNTAXES below (tool, where the comment must be, a
// matcher over the comment's text, and what each rule code means for us). Each matcher mirrors how its tool
// parses its own comment (sources: bandit core/manager.py NOSEC_COMMENT; ruff crates/ruff_linter/src/noqa.rs
// NoqaLexer; semgrep src/reporting/Nosemgrep.ml + Rule_ID.ends_with; precli parsers/python.py
// SUPPRESS_COMMENT; CytoScnPy SUPPRESSION_RE + get_line_suppression), with the deviations noted on each entry.
//
// Placement (the same for every tool, see DESIGN.md "Suppression"): a comment on any line of the statement
// holding the node (for a node in a compound statement's header: the lines from the statement's start to the
// `:` before its body), or a run of comment lines directly above that statement. File-level markers live in
// `fileMarker` and are also returned by markerFor for the kinds they cover.
import type { Node, Tree } from 'web-tree-sitter';
import { lowerBound } from './sorted.js';
import { LineIndex } from './line-index.js';

/**
 * What kind of site is asking: rules differ (Ruff S402 and Bandit B402 are for imports, S321/B321 for calls,
 * S105-S107/B105-B107 for hard-coded passwords: the credentials a login is given, rule hardcoded-credentials).
 */
export type SiteKind = 'import' | 'call' | 'login' | 'reference' | 'credentials';

export interface UnusedMarker {
  line: number;
  column: number;
  marker: string;
}

export interface Suppressor {
  /** The file-level marker that suppresses the whole file, if any. */
  readonly fileMarker: string | undefined;
  /** Whether the file holds a marker: without one, markerFor answers undefined and records nothing. */
  readonly hasMarkers: boolean;
  /** The marker text that suppresses the statement holding `node` for this kind of site, if any. */
  markerFor(node: Node, kind: SiteKind): string | undefined;
  /** Markers of ours, and ftplib-specific ones, that suppressed nothing (call after all markerFor calls). */
  unused(): UnusedMarker[];
}

// ---------------------------------------------------------------------------------------------------------------
// The table

const ALL_KINDS: readonly SiteKind[] = ['import', 'call', 'login', 'reference', 'credentials'];
/** Use sites: Bandit B321, Ruff S321, precli PY003, CytoScnPy CSP-D406, Semgrep use-ftp-tls and ftplib. */
const USE_KINDS: readonly SiteKind[] = ['call', 'login', 'reference'];
/** Import sites: Bandit B402, Ruff S402, CytoScnPy CSP-D702. */
const IMPORT_KINDS: readonly SiteKind[] = ['import'];
/**
 * Hard-coded passwords: Bandit B105 (a string assigned to a password-like name), B106 (a password-like keyword
 * argument), B107 (a password-like parameter default), and Ruff's S105-S107, the same rules. Not specific to
 * ftplib (they mark any password-like string), so never reported as unused.
 */
const CREDENTIAL_KINDS: readonly SiteKind[] = ['credentials'];

/** What one rule code means for us. `specific`: it names ftplib's FTP (or us), so unused() may report it. */
interface CodeMeaning {
  kinds: readonly SiteKind[];
  specific: boolean;
}

/** A directive found in a comment: [start, end) offsets in the comment text; no `codes` = a blanket directive. */
interface Directive {
  start: number;
  end: number;
  codes?: string[];
}

/**
 * One comment syntax.
 * - `scope` 'site': suppresses the statement it trails or precedes; 'file': the whole file, and only when the
 *   comment is alone on its line (ruff's rule); 'header': the whole file, and only in the file's leading comments.
 * - `find` returns the tool's directive in a comment, exactly as far as the tool itself would find one.
 * - `codes` says which of the directive's rule codes concern us; a blanket directive concerns every kind.
 */
interface MarkerSyntax {
  tool: string;
  scope: 'site' | 'file' | 'header';
  find(comment: string): Directive | undefined;
  codes(code: string): CodeMeaning | undefined;
}

const use = (specific = true): CodeMeaning => ({ kinds: USE_KINDS, specific });
const imports = (specific = true): CodeMeaning => ({ kinds: IMPORT_KINDS, specific });
const credentials: CodeMeaning = { kinds: CREDENTIAL_KINDS, specific: false };
const everything: CodeMeaning = { kinds: ALL_KINDS, specific: true };
const byTable =
  (table: Record<string, CodeMeaning>) =>
  (code: string): CodeMeaning | undefined =>
    Object.hasOwn(table, code) ? table[code] : undefined;

/** The names (last id segment) of Semgrep's ftplib rules: today's, and the one it replaced in 2024. */
const SEMGREP_FTPLIB_RULES = new Set(['use-ftp-tls', 'ftplib']);

/** Ruff's flake8-bandit hard-coded password rules (S105 string, S106 argument, S107 default). */
const RUFF_CREDENTIAL_CODES: Record<string, CodeMeaning> = {
  S105: credentials,
  S106: credentials,
  S107: credentials,
};

const MARKER_SYNTAXES: readonly MarkerSyntax[] = [
  {
    // `# ftptls: ignore` (anywhere in the comment, case-insensitive).
    tool: 'ftptls',
    scope: 'site',
    find: (c) => regexDirective(/#\s*ftptls\s*:\s*ignore(?![\w-])/i, c, ['ignore']),
    codes: byTable({ ignore: everything }),
  },
  {
    // `# ftptls: skip-file`, honoured only among the comments before the first statement.
    tool: 'ftptls',
    scope: 'header',
    find: (c) => regexDirective(/#\s*ftptls\s*:\s*skip-file(?![\w-])/i, c, ['skip-file']),
    codes: byTable({ 'skip-file': everything }),
  },
  {
    // Ruff `# noqa`, `# noqa: S321`, `#noqa:S321,S402`, `# NOQA: S321 S402 reason`: the first `# noqa` of the
    // comment; codes are [A-Z]+[0-9]+ separated by commas and/or whitespace, prose after them ends the list.
    // `# noqa S321` (no colon) is a blanket noqa to ruff; `# noqa:` with no valid code suppresses nothing.
    tool: 'ruff',
    scope: 'site',
    find: findRuffNoqa,
    codes: byTable({ ...RUFF_CREDENTIAL_CODES, S321: use(), S402: imports() }),
  },
  {
    // Ruff `# ruff: noqa`, `# ruff: noqa: S321` (also `# flake8: noqa[...]`, which ruff honours): file-level,
    // anywhere in the file, but only on a line of its own (ruff ignores a trailing one).
    tool: 'ruff',
    scope: 'file',
    find: findRuffFileNoqa,
    codes: byTable({ ...RUFF_CREDENTIAL_CODES, S321: use(), S402: imports() }),
  },
  {
    // Bandit `# nosec`, `#nosec B321`, `# nosec: B321,B402`, `# nosec ftplib import_ftplib`: case-sensitive
    // `nosec`, then everything up to the next `#` is a list of test ids or names. Like bandit, a list in which
    // nothing looks like a test (`# nosec - reviewed`) is a blanket nosec. Deviation: bandit keeps only the last
    // of comma-joined ids (`B321,B402` -> B402, a regex-group quirk); we honour every id listed.
    tool: 'bandit',
    scope: 'site',
    find: findNosec,
    codes: byTable({
      B321: use(),
      ftplib: use(),
      B402: imports(),
      import_ftplib: imports(),
      B105: credentials,
      B106: credentials,
      B107: credentials,
      hardcoded_password_string: credentials,
      hardcoded_password_funcarg: credentials,
      hardcoded_password_default: credentials,
    }),
  },
  {
    // Semgrep `# nosemgrep`, `# nosem`, `# nosemgrep: <id>[, <id>]`, `# NOSEMGREP:id` (keyword case-insensitive):
    // semgrep takes an id for a rule when the rule's id equals it or ends with `.` + it, so every dot-suffix of
    // `python.lang.security.audit.insecure-transport.ftplib.use-ftp-tls.use-ftp-tls` works. Until October 2024
    // semgrep-rules also had `python.lang.security.audit.ftplib.ftplib` (any `ftplib.*(...)` call), and code
    // still carries markers for it. We accept any id whose last segment is one of those rules' names: every
    // form semgrep accepted, a vendored copy under another prefix, and `python.lang.security.audit.ftplib`, the
    // name the old rule was published and removed under (semgrep itself does not match that one to the rule).
    // Deviations: semgrep also accepts `nosem` glued to a longer word, and reads `nosemgrep:` followed by two
    // spaces as a blanket nosemgrep; we want the word alone, and read the ids after any spacing.
    tool: 'semgrep',
    scope: 'site',
    find: findNosemgrep,
    codes: (id) => (SEMGREP_FTPLIB_RULES.has(id.split('.').pop()!) ? use() : undefined),
  },
  {
    // precli `# suppress: PY003`, `# suppress PY003 PY004`, `# type: ignore # suppress: PY003`: literally
    // "# suppress", an optional ":", exactly one space, then rule ids (PY + 3 digits) or lowercase rule names up
    // to the next `#`. Case-sensitive, and no blanket form. `cleartext_transmission` is the name of every
    // precli cleartext rule (telnetlib, poplib...), so it is not ftplib-specific. Deviation: like bandit, precli
    // keeps only the last of comma-joined ids (`PY003,PY004` -> PY004); we honour every id listed.
    tool: 'precli',
    scope: 'site',
    find: findPrecliSuppress,
    codes: byTable({ PY003: use(), cleartext_transmission: use(false) }),
  },
  {
    // CytoScnPy `# noqa`, `# ignore`, `# pragma: no cytoscnpy`, `# noqa: CSP`, `# ignore: CSP-D406`,
    // `# noqa: CSP-D406, CSP-Q202` (case-insensitive): the first `#\s*(noqa|ignore)` of the comment; codes after
    // a colon are split on commas only. CSP-D406 is its FTP rule, CSP-D702 its (any module) insecure-import rule.
    // Deviation: CytoScnPy's regex also takes `# ignored`/`# noqa123` as a bare ignore; we want a whole word.
    tool: 'cytoscnpy',
    scope: 'site',
    find: findCytoscnpy,
    codes: byTable({ 'CSP-D406': use(), 'CSP-D702': imports(false) }),
  },
];

/** `--suppress-comment TEXT`: a comment containing TEXT (case-sensitive) suppresses every kind of site. */
function extraSyntax(text: string): MarkerSyntax {
  return {
    tool: 'user',
    scope: 'site',
    find: (c) => {
      const at = c.indexOf(text);
      return at < 0 ? undefined : { start: at, end: at + text.length };
    },
    codes: () => undefined,
  };
}

/** Cheap test that a comment may hold any of the table's directives (most comments hold none). */
const MAYBE_DIRECTIVE = /noqa|nosec|nosem|suppress|ignore|cytoscnpy|ftptls/i;
/**
 * The same, for a whole text: after a `#` on its line, where every comment starts (scanning for the `#` first
 * is several times faster than trying each word at every offset).
 */
const MAYBE_DIRECTIVE_COMMENT = /#[^\n]*(?:noqa|nosec|nosem|suppress|ignore|cytoscnpy|ftptls)/i;

// ---------------------------------------------------------------------------------------------------------------
// Matchers

function regexDirective(re: RegExp, comment: string, codes?: string[]): Directive | undefined {
  const m = re.exec(comment);
  return m ? { start: m.index, end: m.index + m[0].length, codes } : undefined;
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
const isUpper = (ch: string | undefined): boolean => ch !== undefined && ch >= 'A' && ch <= 'Z';
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
function skipSpace(s: string, i: number): number {
  while (isSpace(s[i])) i++;
  return i;
}
const startsNoqa = (s: string, i: number): boolean => s.slice(i, i + 4).toLowerCase() === 'noqa';

/** Ruff's lexer after the word `noqa` at `i`: blanket, codes, or undefined for a directive ruff rejects. */
function lexAfterNoqa(c: string, i: number): { end: number; codes?: string[] } | undefined {
  const ch = c[i];
  if (ch === undefined || ch === '#') return { end: i };
  if (ch === ':') return lexRuffCodes(c, i + 1);
  if (isSpace(ch)) {
    const j = skipSpace(c, i);
    return c[j] === ':' ? lexRuffCodes(c, j + 1) : { end: i };
  }
  return undefined; // `#noqaF401`, `# noqa; F401`
}

function lexRuffCodes(c: string, i: number): { end: number; codes: string[] } | undefined {
  const codes: string[] = [];
  let missingDelimiter = false;
  let end = i;
  while (i < c.length) {
    i = skipSpace(c, i);
    if (c[i] === ',') {
      i++;
      continue;
    }
    if (!isUpper(c[i])) break; // end of the list, or prose after it
    let j = i;
    while (isUpper(c[j])) j++;
    if (!isDigit(c[j])) {
      if (missingDelimiter) return undefined;
      break;
    }
    while (isDigit(c[j])) j++;
    codes.push(c.slice(i, j));
    end = i = j;
    const next = c[i];
    if (next === ',') i++;
    else if (next !== undefined && !isSpace(next) && next !== '#' && !isUpper(next)) return undefined; // `F401abc`
    missingDelimiter = isUpper(next); // `F401F841`: ruff warns, and reads both
  }
  return codes.length > 0 ? { end, codes } : undefined;
}

function findRuffNoqa(c: string): Directive | undefined {
  for (let p = c.indexOf('#'); p >= 0; p = c.indexOf('#', p + 1)) {
    const q = skipSpace(c, p + 1);
    if (!startsNoqa(c, q)) continue;
    const lexed = lexAfterNoqa(c, q + 4);
    return lexed && { start: p, ...lexed }; // ruff reads only the first `# noqa` of a comment
  }
  return undefined;
}

function findRuffFileNoqa(c: string): Directive | undefined {
  for (let p = c.indexOf('#'); p >= 0; p = c.indexOf('#', p + 1)) {
    let q = skipSpace(c, p + 1);
    if (c.startsWith('ruff', q)) q += 4;
    else if (c.startsWith('flake8', q)) q += 6;
    else continue;
    q = skipSpace(c, q);
    if (c[q] !== ':') continue;
    q = skipSpace(c, q + 1);
    if (!startsNoqa(c, q)) continue;
    const lexed = lexAfterNoqa(c, q + 4);
    return lexed && { start: p, ...lexed };
  }
  return undefined;
}

/** Bandit test names without an underscore; every other test name is snake_case with one. */
const BANDIT_ONE_WORD_TESTS = new Set([
  'pickle',
  'marshal',
  'md5',
  'ciphers',
  'eval',
  'httpsconnection',
  'telnetlib',
  'ftplib',
  'random',
]);
const looksLikeBanditTest = (t: string): boolean =>
  /^B\d{3}$/.test(t) || BANDIT_ONE_WORD_TESTS.has(t) || /^[a-z][a-z\d]*(?:_[a-z\d]+)+$/.test(t);

function findNosec(c: string): Directive | undefined {
  const m = /#\s*nosec:?\s*([^#]+)?/.exec(c);
  if (!m) return undefined;
  const tests = (m[1]?.match(/[A-Za-z\d_]+/g) ?? []).filter(looksLikeBanditTest);
  return { start: m.index, end: m.index + m[0].length, codes: tests.length > 0 ? tests : undefined };
}

function findNosemgrep(c: string): Directive | undefined {
  const m = /(?<![\w.-])nosem(?:grep)?(?![\w-])(?:[:=]\s*([^,\s#][^#]*))?/i.exec(c);
  if (!m) return undefined;
  const ids = m[1]
    ?.split(',')
    .map((id) => id.trim().split(/\s+/)[0])
    .filter((id) => id !== '');
  return { start: m.index, end: m.index + m[0].length, codes: ids?.length ? ids : undefined };
}

function findPrecliSuppress(c: string): Directive | undefined {
  const m = /# suppress:? ([^#]+)/.exec(c);
  if (!m) return undefined;
  const rules = m[1].match(/PY\d{3}|[a-z_]+/g) ?? [];
  return rules.length > 0 ? { start: m.index, end: m.index + m[0].length, codes: rules } : undefined;
}

function findCytoscnpy(c: string): Directive | undefined {
  const m = /#\s*(?:pragma:\s*no\s*cytoscnpy|(?:noqa|ignore)(?![\w-])(?::\s*([^#\n]+))?)/i.exec(c);
  if (!m) return undefined;
  const span = { start: m.index, end: m.index + m[0].length };
  if (m[1] === undefined) return span; // `# pragma: no cytoscnpy`, bare `# noqa` / `# ignore`
  const codes = m[1].split(',').map((code) => code.trim().toUpperCase());
  return codes.includes('CSP') ? span : { ...span, codes };
}

// ---------------------------------------------------------------------------------------------------------------
// Where a site's statement is

const SIMPLE_STATEMENTS = new Set([
  'expression_statement',
  'return_statement',
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'assert_statement',
  'delete_statement',
  'raise_statement',
  'pass_statement',
  'break_statement',
  'continue_statement',
  'global_statement',
  'nonlocal_statement',
  'print_statement',
  'exec_statement',
  'type_alias_statement',
]);

/** Statements and clauses with a header ending in `:` and a body block. */
const COMPOUND_STATEMENTS = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'for_statement',
  'while_statement',
  'try_statement',
  'except_clause',
  'except_group_clause',
  'finally_clause',
  'with_statement',
  'function_definition',
  'class_definition',
  'decorated_definition',
  'match_statement',
  'case_clause',
]);

/** The offset of the `:` that ends a compound statement's header (before its first block), if any. */
function headerEnd(node: Node): number | undefined {
  if (node.type === 'decorated_definition') {
    const def = node.childForFieldName('definition');
    return def ? headerEnd(def) : undefined;
  }
  let colon: Node | undefined;
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'block') return colon?.startIndex;
    if (child.type === ':') colon = child;
  }
  return colon?.startIndex;
}

/** [start, end] offsets (end inclusive) of the text whose comments concern `node`'s statement. */
function statementSpan(node: Node): [number, number] {
  let from: Node | null = null;
  for (let n: Node | null = node; n; from = n, n = n.parent) {
    if (SIMPLE_STATEMENTS.has(n.type)) return [n.startIndex, Math.max(n.startIndex, n.endIndex - 1)];
    if (
      COMPOUND_STATEMENTS.has(n.type) &&
      from?.type !== 'block' &&
      !COMPOUND_STATEMENTS.has(from?.type ?? '')
    ) {
      const end = headerEnd(n);
      if (end === undefined) continue;
      const decorated = n.parent?.type === 'decorated_definition' ? n.parent : n;
      return [decorated.startIndex, end];
    }
  }
  return [node.startIndex, Math.max(node.startIndex, node.endIndex - 1)];
}

// ---------------------------------------------------------------------------------------------------------------
// The suppressor

/** One directive of one tool in one comment. */
interface Hit {
  syntax: MarkerSyntax;
  /** The directive as written: from its `#` to the next `#` of the comment, trimmed. */
  text: string;
  row: number;
  /** 0-based column of `text`, in UTF-16 units. */
  column: number;
  kinds: ReadonlySet<SiteKind>;
  specific: boolean;
  /** False where the tool would not honour it (a trailing `# ruff: noqa`, a skip-file after the first statement). */
  active: boolean;
  used: boolean;
}

/** The directive's text: from the `#` that opens it to the next `#` of the comment (exclusive), trimmed. */
function directiveText(comment: string, d: Directive): { text: string; offset: number } {
  let from = comment.lastIndexOf('#', d.start);
  if (from < 0) from = d.start;
  const next = comment.indexOf('#', Math.max(d.end, from + 1));
  const raw = comment.slice(from, next < 0 ? comment.length : next);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), offset: from + lead };
}

function resolve(
  syntax: MarkerSyntax,
  d: Directive,
): { kinds: Set<SiteKind>; specific: boolean } | undefined {
  if (!d.codes) return { kinds: new Set(ALL_KINDS), specific: false };
  const kinds = new Set<SiteKind>();
  let specific = false;
  for (const code of d.codes) {
    const meaning = syntax.codes(code);
    if (!meaning) continue;
    for (const k of meaning.kinds) kinds.add(k);
    specific ||= meaning.specific;
  }
  return kinds.size > 0 ? { kinds, specific } : undefined;
}

const STRING_PARTS = new Set(['string_content', 'string', 'escape_sequence', 'string_start', 'string_end']);

/**
 * The comment nodes, in order: each `#` of the source is either a comment's start or inside a string, and a
 * look-up per `#` is much cheaper than walking the whole tree.
 */
function commentNodes(source: string, root: Node): Node[] {
  const comments: Node[] = [];
  let i = source.indexOf('#');
  while (i >= 0) {
    const node = root.descendantForIndex(i, i + 1);
    let next = i + 1;
    if (node?.type === 'comment' && node.startIndex === i) {
      comments.push(node);
      next = node.endIndex;
    } else if (node && STRING_PARTS.has(node.type)) {
      next = Math.max(next, node.endIndex);
    }
    i = source.indexOf('#', next);
  }
  return comments;
}

const NOTHING_SUPPRESSED: Suppressor = {
  fileMarker: undefined,
  hasMarkers: false,
  markerFor: () => undefined,
  unused: () => [],
};

/**
 * Reads the file's comments once: `markerFor` is then a walk up to the statement plus a few map look-ups.
 * `tree` must be the parse of `source` (indices are UTF-16 offsets into it).
 */
export function createSuppressor(source: string, tree: Tree, extraMarkers: string[] = []): Suppressor {
  const extras = extraMarkers.filter((m) => m !== '');
  // Most files hold no marker at all: then there is nothing to index.
  if (!MAYBE_DIRECTIVE_COMMENT.test(source) && !extras.some((m) => source.includes(m)))
    return NOTHING_SUPPRESSED;
  const syntaxes = [...MARKER_SYNTAXES, ...extras.map(extraSyntax)];
  const lines = new LineIndex(source);
  const root = tree.rootNode;

  let firstStatement = root.firstNamedChild;
  while (firstStatement?.type === 'comment') firstStatement = firstStatement.nextNamedSibling;
  const headerLimit = firstStatement ? firstStatement.startIndex : Infinity;

  const hits: Hit[] = [];
  /** Rows holding a comment alone on its line. */
  const ownLineRows = new Set<number>();
  /** Active site-level hits by row, and those rows sorted. */
  const siteHits = new Map<number, Hit[]>();
  const fileHits: Hit[] = [];

  for (const node of commentNodes(source, root)) {
    const start = node.startIndex;
    const row = lines.row(start);
    const column = start - lines.rowStart(row);
    const ownLine = source.slice(lines.rowStart(row), start).trim() === '';
    if (ownLine) ownLineRows.add(row);
    // tree-sitter-python does not end a comment at a lone \r; we do, as Python does.
    const comment = source.slice(start, node.endIndex).split(/[\r\n]/, 1)[0];
    if (!MAYBE_DIRECTIVE.test(comment) && !extras.some((m) => comment.includes(m))) continue;

    const found: Hit[] = [];
    for (const syntax of syntaxes) {
      const d = syntax.find(comment);
      if (!d) continue;
      const meaning = resolve(syntax, d);
      if (!meaning) continue;
      const { text, offset } = directiveText(comment, d);
      const active = syntax.scope === 'site' || (syntax.scope === 'file' ? ownLine : start < headerLimit);
      found.push({ syntax, text, row, column: column + offset, ...meaning, active, used: false });
    }
    found.sort((a, b) => a.column - b.column);
    for (const hit of found) {
      hits.push(hit);
      if (!hit.active) continue;
      if (hit.syntax.scope !== 'site') fileHits.push(hit);
      else {
        const list = siteHits.get(row);
        if (list) list.push(hit);
        else siteHits.set(row, [hit]);
      }
    }
  }
  const siteRows = [...siteHits.keys()].sort((a, b) => a - b);

  return {
    get fileMarker() {
      const hit = fileHits.find((h) => h.kinds.has('call'));
      if (hit) hit.used = true;
      return hit?.text;
    },
    hasMarkers: hits.length > 0,

    markerFor(node, kind) {
      if (hits.length === 0) return undefined;
      let first: Hit | undefined;
      const take = (list: Hit[] | undefined): void => {
        for (const hit of list ?? []) {
          if (!hit.kinds.has(kind)) continue;
          hit.used = true;
          first ??= hit;
        }
      };
      if (siteRows.length > 0) {
        const [from, to] = statementSpan(node);
        const firstRow = lines.row(from);
        const lastRow = lines.row(to);
        // Comments on the statement's own lines (a trailing comment, or one inside a multi-line call).
        const lo = lowerBound(siteRows.length, (i) => siteRows[i] < firstRow);
        for (let i = lo; i < siteRows.length && siteRows[i] <= lastRow; i++) take(siteHits.get(siteRows[i]));
        // The run of comment lines directly above it.
        for (let row = firstRow - 1; ownLineRows.has(row); row--) take(siteHits.get(row));
      }
      take(fileHits);
      return first?.text;
    },

    unused() {
      return hits
        .filter((h) => h.specific && !h.used)
        .sort((a, b) => a.row - b.row || a.column - b.column)
        .map((h) => ({ line: h.row + 1, column: h.column + 1, marker: h.text }));
    },
  };
}
