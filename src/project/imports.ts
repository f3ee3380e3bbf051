// What the project-wide pass needs of a file's bytes, noted by the scan that reads every file once (worker.ts),
// so the plan reads no file again for its import graph: whether it mentions ftplib, its import lines (to be
// parsed only if the plan ever asks about them) and the modules its test doubles patch. Kept free of heavy
// imports: workers load it before they know whether any file needs the pipeline.
import { isNotebookPath, mentionsFtplib } from '../prefilter.js';
import { dynamicAliases } from './dynamic-rule.js';
import { ANY_LOGIN } from '../analysis/login-call.js';

export interface FileImports {
  /** The bytes mention `ftplib` (a notebook's too: it is never a module, so never a user). */
  ftplib: boolean;
  /** The lines that import (a parenthesised list with its continuation), joined by "\n": for importsIn. */
  lines: string;
  /** Dotted paths before `.FTP` / `.FTP_TLS` in quotes (`mock.patch("myapp.upload.FTP")`): myapp.upload. */
  patched: string[];
  /** The code calls `.login(`: without ftplib, a helper that may log in what a user of ftplib gives it. */
  login: boolean;
}

/** What the pass notes of one file's bytes (a notebook's: of its code cells). */
export function fileImports(path: string, bytes: Buffer): FileImports {
  const ftplib = mentionsFtplib(bytes);
  const code = isNotebookPath(path) ? Buffer.from(notebookCode(bytes.toString('latin1')), 'latin1') : bytes;
  return { ftplib, lines: importLines(code), patched: patchTargets(code), login: callsLogin(code) };
}

function callsLogin(bytes: Buffer): boolean {
  return bytes.includes('login') && ANY_LOGIN.test(bytes.toString('latin1'));
}

/** A quoted dotted path to an FTP class, as test doubles name what they patch. */
const PATCH_TARGET = /['"]([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(FTP|FTP_TLS)['"]/g;

function patchTargets(bytes: Buffer): string[] {
  if (!bytes.includes('FTP')) return [];
  return [...bytes.toString('latin1').matchAll(PATCH_TARGET)].map((m) => m[1]);
}

const MPORT = Buffer.from('mport');
const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const OPEN = 0x28; // `(`
const CLOSE = 0x29; // `)`

/**
 * The lines that start (after blanks) with `from` or `import` and a blank, found from each `import` in the
 * bytes: only those lines are decoded, which matters over a whole tree. A line with an unclosed `(` runs to
 * the next `)`, and one that ends in a backslash goes on with the next line.
 */
export function importLines(bytes: Buffer): string {
  const lines: string[] = [];
  let last = -1;
  /** A name spelled import_module or `__import__` was met (perhaps bound to an alias). */
  let dynamic = false;
  // found as `mport` preceded by an `i`: a search stops at each byte equal to the needle's first, and an `m`
  // is rarer than an `i` in Python
  for (let m = bytes.indexOf(MPORT, 1); m >= 0; m = bytes.indexOf(MPORT, m + MPORT.length)) {
    const at = m - 1;
    if (bytes[at] !== 0x69 || at <= last) continue; // not `import`, or on a line already taken
    const start = bytes.lastIndexOf(NEWLINE, at) + 1;
    if (!startsImport(bytes, start)) {
      // `importlib.import_module("app.net")`, `__import__("app.net")`: its line, for importsIn to read
      const open = dynamicCallOpen(bytes, at);
      dynamic ||= open !== -1;
      if (open > 0) {
        const end = callLineEnd(bytes, open);
        lines.push(bytes.toString('latin1', start, end));
        last = end;
      }
      continue;
    }
    let end = bytes.indexOf(NEWLINE, at);
    if (end < 0) end = bytes.length;
    // `from app import \` + newline: the statement goes on on the next line
    while (end < bytes.length && continues(bytes, end)) {
      const next = bytes.indexOf(NEWLINE, end + 1);
      end = next < 0 ? bytes.length : next;
    }
    if (has(bytes, OPEN, start, end) && !has(bytes, CLOSE, start, end)) {
      const close = bytes.indexOf(CLOSE, end);
      end = close < 0 ? bytes.length : close + 1;
    }
    const line = bytes.toString('latin1', start, end);
    // (`from importlib import import_module as load`: an alias, whose calls are read too)
    dynamic ||= line.includes('import_module') || line.includes('__import__');
    lines.push(line);
    last = end;
  }
  return (dynamic ? withAliasCalls(bytes, lines) : lines).join('\n');
}

/**
 * The lines, with those that bind a name to import_module or `__import__` (`load = importlib.import_module`)
 * and those that call such a name with a literal (`net = load("app.net")`), in the order of the bytes: the
 * graph reads the same aliases in them (dynamic-rule.ts).
 */
function withAliasCalls(bytes: Buffer, lines: string[]): string[] {
  const text = bytes.toString('latin1');
  const { names, at } = dynamicAliases(text);
  if (names.size === 0) return lines;
  const found = new Map<number, string>();
  const take = (start: number, end: number) => {
    const line = text.slice(start, end);
    if (!lines.includes(line)) found.set(start, line);
  };
  for (const a of at) take(a, lineEnd(text, a));
  const calls = new RegExp(`\\b(?:${[...names.keys()].join('|')})\\s*\\(\\s*[uU]?['"]`, 'g');
  for (const m of text.matchAll(calls)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    if (!found.has(start)) take(start, callLineEnd(bytes, text.indexOf('(', m.index)));
  }
  // (in the order of the bytes: the lines taken before, then these, each at its place)
  const placed = lines.map((line) => ({ at: text.indexOf(line), line }));
  for (const [start, line] of found) placed.push({ at: start, line });
  return placed.sort((x, y) => x.at - y.at).map((p) => p.line);
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/**
 * Where a dynamic call's line ends: at the line's end, or past it at the call's own `)` (`import_module(` +
 * newline + `"app.net"`), as a from-import's parenthesised list runs on. `open`: its `(`.
 */
function callLineEnd(bytes: Buffer, open: number): number {
  let end = bytes.indexOf(NEWLINE, open);
  if (end < 0) end = bytes.length;
  const close = matchingClose(bytes, open);
  return close > end ? close + 1 : end;
}

/** The `)` that closes the `(` at `open` (brackets counted, strings skipped); the last byte when none does. */
function matchingClose(bytes: Buffer, open: number): number {
  let depth = 0;
  for (let i = open; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22 || b === 0x27) {
      // a string: to its closing quote (or its line's end)
      for (i++; i < bytes.length && bytes[i] !== b && bytes[i] !== NEWLINE; i++) if (bytes[i] === 0x5c) i++;
    } else if (b === OPEN || b === 0x5b || b === 0x7b) depth++;
    else if (b === CLOSE || b === 0x5d || b === 0x7d) {
      if (--depth === 0) return i;
    }
  }
  return bytes.length - 1;
}

const IMPORT_MODULE = Buffer.from('import_module');
const DUNDER = 0x5f; // `_`

/**
 * `import_module` or `__import__` at `at` (the `i` of `import`), then `(` and a quote (blanks and line breaks
 * between, a `u` prefix before it), on the bytes: where its `(` is; 0 for such a name not called so, -1 for
 * none.
 */
function dynamicCallOpen(bytes: Buffer, at: number): number {
  let p: number;
  if (
    at + IMPORT_MODULE.length <= bytes.length &&
    IMPORT_MODULE.compare(bytes, at, at + IMPORT_MODULE.length) === 0
  )
    p = at + IMPORT_MODULE.length;
  else if (
    bytes[at - 1] === DUNDER &&
    bytes[at - 2] === DUNDER &&
    bytes[at + 6] === DUNDER &&
    bytes[at + 7] === DUNDER
  )
    p = at + 8;
  else return -1;
  while (isBlank(bytes[p])) p++;
  const open = p;
  if (bytes[p++] !== OPEN) return 0;
  while (isBlank(bytes[p])) p++;
  if (bytes[p] === 0x75 || bytes[p] === 0x55) p++; // `u`
  return bytes[p] === 0x22 || bytes[p] === 0x27 ? open : 0; // `"` or `'`
}

/** A space, tab or line break (what may stand between a call's name, its `(` and its first argument). */
function isBlank(byte: number | undefined): boolean {
  return byte === SPACE || byte === TAB || byte === NEWLINE || byte === 0x0d;
}

/** The line ending at the newline `end` ends in a backslash (a continuation; before a CR too). */
function continues(bytes: Buffer, end: number): boolean {
  const last = bytes[end - 1] === 0x0d ? end - 2 : end - 1;
  return bytes[last] === 0x5c;
}

/** The byte is in bytes[start, end) (a line: short, so a loop beats a native call and its allocation). */
function has(bytes: Buffer, byte: number, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === byte) return true;
  return false;
}

/** `[ \t]*(from|import)[ \t]` at `start`, read on the bytes. */
function startsImport(bytes: Buffer, start: number): boolean {
  let p = start;
  while (bytes[p] === SPACE || bytes[p] === TAB) p++;
  const word = bytes[p] === 0x66 ? 'from' : 'import';
  for (let i = 0; i < word.length; i++) if (bytes[p + i] !== word.charCodeAt(i)) return false;
  const after = bytes[p + word.length];
  return after === SPACE || after === TAB;
}

/** A notebook's code cells joined, for its import lines; '' for a file that is not one. */
function notebookCode(json: string): string {
  try {
    const cells = (JSON.parse(json) as { cells?: { cell_type?: string; source?: string | string[] }[] })
      .cells;
    return (cells ?? [])
      .filter((c) => c.cell_type === 'code')
      .map((c) => (Array.isArray(c.source) ? c.source.join('') : (c.source ?? '')))
      .join('\n');
  } catch {
    return '';
  }
}
