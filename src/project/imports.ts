// What the project-wide pass needs of a file's bytes, noted by the scan that reads every file once (worker.ts),
// so the plan reads no file again for its import graph: whether it mentions ftplib, its import lines (to be
// parsed only if the plan ever asks about them) and the modules its test doubles patch. Kept free of heavy
// imports: workers load it before they know whether any file needs the pipeline.
import { isNotebookPath, mentionsFtplib } from '../prefilter.js';

export interface FileImports {
  /** The bytes mention `ftplib` (a notebook's too: it is never a module, so never a user). */
  ftplib: boolean;
  /** The lines that import (a parenthesised list with its continuation), joined by "\n": for importsIn. */
  lines: string;
  /** Dotted paths before `.FTP` / `.FTP_TLS` in quotes (`mock.patch("myapp.upload.FTP")`): myapp.upload. */
  patched: string[];
}

/** What the pass notes of one file's bytes (a notebook's: of its code cells). */
export function fileImports(path: string, bytes: Buffer): FileImports {
  const ftplib = mentionsFtplib(bytes);
  const code = isNotebookPath(path) ? Buffer.from(notebookCode(bytes.toString('latin1')), 'latin1') : bytes;
  return { ftplib, lines: importLines(code), patched: patchTargets(code) };
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
  // found as `mport` preceded by an `i`: a search stops at each byte equal to the needle's first, and an `m`
  // is rarer than an `i` in Python
  for (let m = bytes.indexOf(MPORT, 1); m >= 0; m = bytes.indexOf(MPORT, m + MPORT.length)) {
    const at = m - 1;
    if (bytes[at] !== 0x69 || at <= last) continue; // not `import`, or on a line already taken
    const start = bytes.lastIndexOf(NEWLINE, at) + 1;
    if (!startsImport(bytes, start)) {
      // `importlib.import_module("app.net")`, `__import__("app.net")`: its line, for importsIn to read
      if (isDynamicImport(bytes, at)) {
        let end = bytes.indexOf(NEWLINE, at);
        if (end < 0) end = bytes.length;
        // `import_module(` + newline + `"app.net"`: the call's line runs to its `)`, as a from-import's does
        if (!has(bytes, CLOSE, at, end)) {
          const close = bytes.indexOf(CLOSE, end);
          end = close < 0 ? bytes.length : close + 1;
        }
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
    lines.push(bytes.toString('latin1', start, end));
    last = end;
  }
  return lines.join('\n');
}

const IMPORT_MODULE = Buffer.from('import_module');
const DUNDER = 0x5f; // `_`

/** `import_module` or `__import__` at `at` (the `i` of `import`), then `(` and a quote (blanks and line breaks between), on the bytes. */
function isDynamicImport(bytes: Buffer, at: number): boolean {
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
  else return false;
  while (isBlank(bytes[p])) p++;
  if (bytes[p++] !== OPEN) return false;
  while (isBlank(bytes[p])) p++;
  return bytes[p] === 0x22 || bytes[p] === 0x27; // `"` or `'`
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
