// The unified diff: a view over one file's before/after texts, byte-faithful so that it applies with
// `git apply` and `patch -p1` (`--binary` for CRLF files).
//
// Lines are split on "\n" only, as git and patch see them: a "\r" stays part of its line, so a CRLF line's
// diff line ends with "\r\n", and a file with lone-CR line ends is one line to the diff (as to git). A last
// line without "\n" is followed by "\ No newline at end of file". We split ourselves and diff the arrays with
// jsdiff's `diffArrays` rather than use `structuredPatch`, whose lines lose their terminators.
//
// Header paths follow `git diff --no-index`: `--- a/<path>` / `+++ b/<path>`, with backslashes turned into "/"
// on Windows, a leading "./" dropped (git keeps it: `a/./x.py`; we drop it, which applies the same) and the
// leading "/" of an absolute path dropped (git: `/tmp/x.py` -> `a/tmp/x.py`). A name with a control character,
// `"` or `\` is C-quoted as git does (`"a/q\"b.py"`); non-ASCII stays as is (git's core.quotePath=false);
// a name with a space gets a trailing tab, as git writes it, so GNU patch reads the whole name.
import { createRequire } from 'node:module';
import path from 'node:path';
// jsdiff's array diff alone: its index loads all its diffs and patch tools, 19 modules
import { diffArrays } from 'diff/lib/diff/array.js';
import type Picocolors from 'picocolors';

// Required, not imported: an import of a CommonJS module starts Node's export scanner (walk.ts's ignore())
const pc = createRequire(import.meta.url)('picocolors') as typeof Picocolors;

export interface DiffOptions {
  /** ANSI colors (the caller decides: a TTY and no NO_COLOR). */
  color?: boolean;
  /** Lines of context around each change; 3 unless told. */
  context?: number;
}

export function unifiedDiff(path: string, before: string, after: string, options: DiffOptions = {}): string {
  if (before === after) return '';
  const context = Math.max(0, Math.floor(options.context ?? 3));
  const hunks = lineHunks(splitLinesLf(before), splitLinesLf(after), context);
  const c = pc.createColors(!!options.color);
  const name = headerPath(path);
  const out: string[] = [
    c.bold(`--- ${headerName('a/' + name)}`) + '\n',
    c.bold(`+++ ${headerName('b/' + name)}`) + '\n',
  ];
  for (const h of hunks) {
    const oldCount = h.ops.filter((o) => o.kind !== '+').length;
    const newCount = h.ops.filter((o) => o.kind !== '-').length;
    out.push(c.cyan(`@@ -${range(h.oldStart, oldCount)} +${range(h.newStart, newCount)} @@`) + '\n');
    for (const op of h.ops) {
      const nl = op.line.endsWith('\n');
      const body = nl ? op.line.slice(0, -1) : op.line;
      // Paint up to a CRLF's "\r", not across it; without colors the bytes are the line's own.
      const cr = body.endsWith('\r') ? '\r' : '';
      const text = op.kind + (cr ? body.slice(0, -1) : body);
      out.push((op.kind === '-' ? c.red(text) : op.kind === '+' ? c.green(text) : text) + cr + '\n');
      if (!nl) out.push('\\ No newline at end of file\n');
    }
  }
  return out.join('');
}

/** `start,count` as diff writes it: 1-based; `,1` left out; an empty range names the line before it. */
function range(start0: number, count: number): string {
  if (count === 0) return `${start0},0`;
  return count === 1 ? `${start0 + 1}` : `${start0 + 1},${count}`;
}

/** The path as it appears after `a/` and `b/` (see the header comment). */
export function headerPath(p: string): string {
  let s = path.sep === '\\' ? p.replace(/\\/g, '/') : p;
  while (s.startsWith('./')) s = s.slice(2).replace(/^\/+/, '');
  return s.replace(/^\/+/, '');
}

const C_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

/** git's quote_c_style for the names in `---`/`+++` lines, plus the tab git adds after a name with a space. */
function headerName(name: string): string {
  let s = name;
  if (/[\x00-\x1f"\\\x7f]/.test(s)) {
    s =
      '"' +
      Array.from(s, (ch) => {
        if (C_ESCAPES[ch]) return C_ESCAPES[ch];
        const code = ch.codePointAt(0)!;
        return code < 0x20 || code === 0x7f ? '\\' + code.toString(8).padStart(3, '0') : ch;
      }).join('') +
      '"';
  }
  return name.includes(' ') ? s + '\t' : s;
}

// ---------------------------------------------------------------------------------------------------------
// Line hunks, shared with the SARIF reporter (which splits lines differently: see `splitLinesUniversal`).

/** Lines with their terminators, split after each "\n" (git's and patch's view). */
export function splitLinesLf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Lines with their terminators, split after "\r\n", "\n" or a lone "\r" (Python's view, and our findings'). */
export function splitLinesUniversal(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

export interface HunkOp {
  kind: ' ' | '-' | '+';
  /** The whole line, terminator included (the last line of a text may have none). */
  line: string;
}

export interface Hunk {
  /** 0-based index of the hunk's first line in the old and the new line arrays. */
  oldStart: number;
  newStart: number;
  /** Context, removed and added lines in order; in each run of changes all removals come first. */
  ops: HunkOp[];
}

/** The changes between two line arrays, grouped into hunks with `context` lines around each change. */
export function lineHunks(oldLines: string[], newLines: string[], context: number): Hunk[] {
  const ops: HunkOp[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (const line of removed) ops.push({ kind: '-', line });
    for (const line of added) ops.push({ kind: '+', line });
    removed = [];
    added = [];
  };
  for (const change of diffArrays(oldLines, newLines)) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const line of change.value) ops.push({ kind: ' ', line });
    }
  }
  flush();

  // Old and new line index before each op.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 0;
  let n = 0;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') n++;
  }

  // Changes at most 2*context lines apart share a hunk (their contexts would touch), as in GNU diff and git.
  const changed: number[] = [];
  ops.forEach((op, k) => {
    if (op.kind !== ' ') changed.push(k);
  });
  const hunks: Hunk[] = [];
  for (let g = 0; g < changed.length;) {
    const first = changed[g];
    let last = first;
    while (g + 1 < changed.length && changed[g + 1] - last - 1 <= 2 * context) last = changed[++g];
    g++;
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length, last + 1 + context);
    hunks.push({ oldStart: oldAt[start], newStart: newAt[start], ops: ops.slice(start, end) });
  }
  return hunks;
}
