// Jupyter notebooks (.ipynb, nbformat 4): code cells are fixed like one Python file, and only the `source`
// values of the cells that changed are rewritten in the notebook's JSON text; every other byte stays.
//
// - Program: the kernel runs the code cells top to bottom in one namespace, so they are analysed as ONE program
//   (an import in cell 1 reaches `FTP(host)` in cell 3). The cells are joined, each pair separated by
//   "\n\n# <tag>-cell-<k>\n\n" (a unique comment line between blank lines: blank lines keep a suppression
//   comment at the end of one cell from reaching the first statement of the next), the transforms run once on
//   the joined text, and the result is split again at those sentinel lines, which the transforms never touch.
//   A line that prot-p adds after a login is inserted at the end of the login's line, so it stays in the
//   login's cell.
// - IPython syntax: a cell magic line (`%%time`), line magics (`%pwd`, `!ls`, `x = %env`, `files = !ls`),
//   autocall escapes (`/f a`, `,f a`, `;f a`) and help (`obj?`, `?obj`) are replaced, one line for one line,
//   by placeholders the parser accepts (a comment at column 0; `...  # <tag>-magic-<k>` when indented, where a
//   statement is needed), and put back after the transforms. Only lines that start a logical line count
//   (not inside a string or a bracket, not a continuation), as in IPython's own transformer. Lines keep their
//   numbers, so findings map back to (cell, line, column) exactly.
// - Cell magics: `%%time`, `%%timeit`, `%%capture`, `%%prun` and `%%debug` run their body in the kernel: it
//   is part of the program. `%%python`, `%%python3`, `%%pypy` and `%%writefile x.py` hold a separate Python
//   program: each such cell is fixed on its own. Any other cell magic (`%%bash`, `%%sql`, `%%html`, ...) is
//   not Python and is left alone, as are markdown and raw cells and cells whose VS Code language is not Python.
// - A notebook whose kernel language (`metadata.kernelspec.language`, else `metadata.language_info.name`) is
//   not Python is skipped with the reason. nbformat 3 (and older) notebooks are skipped.
// - JSON: a small scanner finds each cell's `source` value span; a changed value is re-encoded the way
//   Jupyter writes it (a list of lines, each ending in "\n" but the last, split as Python's splitlines does;
//   a string stays a string), reusing the original bytes of every element that did not change, with the
//   value's own indentation (or the file's indent unit and line ending), and non-ASCII written as is unless
//   the file escapes it (`ensure_ascii`). Key order, outputs, metadata, execution counts, trailing newline
//   and everything else are the original bytes.
// - Findings carry `cell` (1-based among ALL cells, markdown included, as notebook UIs number them) and a
//   line and column within that cell's source; the message starts with `cell N: ` so that every report
//   format names the cell. FileResult.before/after are the whole JSON texts (what a SARIF fix applies to);
//   FileResult.cells lists each changed cell's source before and after (what the diff shows).
// jsdiff's array diff alone (as in report/diff.ts)
import { diffArrays } from 'diff/lib/diff/array.js';
import { errorResult } from './errors.js';
import { DecodeError, decodeSource, detectEol } from './source-text.js';
import { LineIndex } from './line-index.js';
import { transformSourceSync, type TransformSourceOptions } from './transform-source.js';
import { initParser } from './parser.js';
import type { CellChange, FileResult, Finding } from './types.js';

// In prefilter.ts, which workers load before they need the pipeline: the fast scan uses them too
export { isNotebookPath, NOTEBOOK_EXTENSION, NOTEBOOK_SIZE_FACTOR } from './prefilter.js';

export interface NotebookOptions extends TransformSourceOptions {
  /** Larger joined code (UTF-16 units) is an error for the notebook; default: no limit. */
  maxCodeSize?: number;
}

/** As transformNotebookSync, after loading the parser. */
export async function transformNotebook(text: string, options: NotebookOptions = {}): Promise<FileResult> {
  await initParser();
  return transformNotebookSync(text, options);
}

/**
 * A notebook's bytes to a FileResult, and the bytes to write when it changed (its BOM kept). The caller has
 * loaded the parser (initParser).
 */
export function transformNotebookBytes(
  bytes: Uint8Array,
  options: NotebookOptions = {},
): { result: FileResult; out?: Buffer } {
  const path = options.path ?? '<stdin>';
  let text: string;
  let bom: boolean;
  try {
    const decoded = decodeSource(bytes);
    if (decoded.meta.encoding !== 'utf-8') throw new DecodeError('a notebook must be UTF-8');
    text = decoded.text;
    bom = decoded.meta.bom;
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    return { result: errorResult(path, err.message) };
  }
  const result: FileResult = { ...transformNotebookSync(text, options), encoding: 'utf-8', bom };
  if (result.status !== 'changed') return { result };
  return { result, out: Buffer.from((bom ? '\ufeff' : '') + result.after, 'utf8') };
}

/** Fixes a notebook's JSON text (no BOM); the result's before/after are JSON texts, `cells` the changes. */
export function transformNotebookSync(text: string, options: NotebookOptions = {}): FileResult {
  const path = options.path ?? '<stdin>';
  const base = { path, before: text, after: text, findings: [] as Finding[] };
  const error = (message: string): FileResult => ({ ...base, status: 'error', error: message });
  const skipped = (reason: string): FileResult => ({ ...base, status: 'skipped', skipReason: reason });

  let root: JsonNode;
  try {
    root = scanJson(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) return error(`invalid notebook JSON: ${err.message}`);
    throw err;
  }
  const nb = readNotebook(text, root);
  if (typeof nb === 'string') return error(nb);
  if (nb.nbformat !== undefined && nb.nbformat < 4)
    return skipped(`nbformat ${nb.nbformat} notebook (only nbformat 4 is supported)`);
  if (nb.language !== undefined && !isPython(nb.language))
    return skipped(`the notebook's kernel language is ${nb.language}, not Python`);

  const units = programUnits(nb.cells);
  const code = units.reduce((n, u) => n + u.reduce((m, c) => m + c.source.length, 0), 0);
  if (options.maxCodeSize !== undefined && code > options.maxCodeSize)
    return error(`the notebook's code is larger than --max-file-size (${code} > ${options.maxCodeSize})`);
  // Prefilter, as for .py files: no code cell mentions ftplib, nothing can reach ftplib.FTP (unless the
  // project pass found that the notebook imports what a module of the project makes)
  const mentions = (u: { source: string }[]) =>
    !!options.project || u.some((c) => c.source.includes('ftplib'));
  if (!units.some(mentions)) return { ...base, status: 'unchanged' };

  const tag = uniqueTag(nb.cells.map((c) => c.source));
  const newSource = new Map<number, string>();
  const findings: Finding[] = [];
  let skipReason: string | undefined;
  for (const unit of units) {
    if (!mentions(unit)) continue;
    const r = runUnit(unit, tag, options);
    if (r.error !== undefined) return error(r.error);
    findings.push(...r.findings);
    if (r.skipReason !== undefined) skipReason ??= r.skipReason;
    for (const [index, source] of r.sources) newSource.set(index, source);
  }
  findings.sort(
    (a, b) => a.cell! - b.cell! || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );

  const cells: CellChange[] = [];
  const replacements: { start: number; end: number; text: string }[] = [];
  const layout = jsonLayout(text, root);
  for (const cell of nb.cells) {
    const after = newSource.get(cell.index);
    if (after === undefined || after === cell.source) continue;
    if (!cell.sourceNode) return error(`cell ${cell.index + 1} has no source to write to`);
    cells.push({ cell: cell.index + 1, before: cell.source, after });
    replacements.push({
      start: cell.sourceNode.start,
      end: cell.sourceNode.end,
      text: encodeSourceValue(text, cell, after, layout),
    });
  }
  if (cells.length === 0) {
    if (skipReason !== undefined && findings.every((f) => f.status !== 'fixed'))
      return { ...skipped(skipReason), findings };
    return { ...base, status: 'unchanged', findings };
  }
  let after = text;
  for (const r of replacements.sort((a, b) => b.start - a.start))
    after = after.slice(0, r.start) + r.text + after.slice(r.end);
  return { path, status: 'changed', before: text, after, findings, cells };
}

function isPython(language: string): boolean {
  return /^i?python/i.test(language.trim());
}

// ---------------------------------------------------------------------------------------------------------
// The notebook's cells

interface Cell {
  /** 0-based among all cells. */
  index: number;
  type: string;
  source: string;
  sourceNode?: JsonNode;
  /** What to do with it: part of the kernel program, a program of its own, or nothing. */
  role: 'kernel' | 'own' | 'none';
}

interface Notebook {
  nbformat?: number;
  language?: string;
  cells: Cell[];
}

/** The parts of the notebook we need, or a one-line reason why it is not a notebook we can read. */
function readNotebook(text: string, root: JsonNode): Notebook | string {
  if (root.type !== 'object') return 'not a Jupyter notebook (the JSON is not an object)';
  const nbformatNode = member(root, 'nbformat');
  const nbformat =
    nbformatNode?.type === 'number' ? Number(text.slice(nbformatNode.start, nbformatNode.end)) : undefined;
  const cellsNode = member(root, 'cells');
  if (cellsNode?.type !== 'array') {
    if (nbformat !== undefined && nbformat < 4) return { nbformat, cells: [] };
    return 'not a Jupyter notebook (no "cells" list)';
  }
  const metadata = member(root, 'metadata');
  const language =
    stringAt(text, member(member(metadata, 'kernelspec'), 'language')) ??
    stringAt(text, member(member(metadata, 'language_info'), 'name'));
  const cells: Cell[] = [];
  for (const [index, node] of cellsNode.items.entries()) {
    if (node.type !== 'object') return `not a valid notebook: cell ${index + 1} is not an object`;
    const type = stringAt(text, member(node, 'cell_type')) ?? '';
    const sourceNode = member(node, 'source');
    let source = '';
    if (sourceNode) {
      const value = sourceText(text, sourceNode);
      if (value === undefined) return `not a valid notebook: the source of cell ${index + 1} is not text`;
      source = value;
    }
    const cellLanguage = stringAt(text, member(member(member(node, 'metadata'), 'vscode'), 'languageId'));
    let role: Cell['role'] = 'none';
    if (type === 'code' && sourceNode && (cellLanguage === undefined || isPython(cellLanguage)))
      role = cellMagicRole(source);
    cells.push({ index, type, source, sourceNode, role });
  }
  return { nbformat, language, cells };
}

/** A source value's text: a string, or a list of strings joined. */
function sourceText(text: string, node: JsonNode): string | undefined {
  if (node.type === 'string') return decodeString(text, node);
  if (node.type !== 'array') return undefined;
  let out = '';
  for (const item of node.items) {
    if (item.type !== 'string') return undefined;
    out += decodeString(text, item);
  }
  return out;
}

/** Cell magics whose body is Python run in the kernel's namespace. */
const KERNEL_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);
/** Cell magics whose body is a Python program of its own (another process, or a file written). */
const PROGRAM_CELL_MAGICS = new Set(['python', 'python3', 'pypy', 'pypy3']);

function cellMagicRole(source: string): Cell['role'] {
  const first = firstCodeLine(source);
  if (first === undefined || !first.startsWith('%%')) return 'kernel';
  const m = /^%%(\w+)(.*)$/.exec(first);
  if (!m || m[2].trimStart().startsWith('?')) return 'none';
  const [, name, args] = m;
  if (KERNEL_CELL_MAGICS.has(name)) return 'kernel';
  if (PROGRAM_CELL_MAGICS.has(name)) return 'own';
  if (name === 'writefile' || name === 'file') {
    const target = args.trim().split(/\s+/).pop() ?? '';
    return /\.pyw?$/i.test(target) ? 'own' : 'none';
  }
  return 'none';
}

/** The first line that is not blank (IPython drops leading blank lines before looking for `%%`). */
function firstCodeLine(source: string): string | undefined {
  for (const line of source.split(/\r\n|\r|\n/)) if (line.trim() !== '') return line;
  return undefined;
}

/** The kernel program (all kernel cells, in order) and each cell that is a program of its own. */
function programUnits(cells: Cell[]): Cell[][] {
  const kernel = cells.filter((c) => c.role === 'kernel');
  const own = cells.filter((c) => c.role === 'own').map((c) => [c]);
  return kernel.length ? [kernel, ...own] : own;
}

/** A word no cell contains, for sentinel and placeholder comments. */
function uniqueTag(sources: string[]): string {
  for (let n = 0; ; n++) {
    const tag = n === 0 ? 'ftptls' : `ftptls${n}`;
    if (!sources.some((s) => s.includes(`${tag}-`))) return tag;
  }
}

// ---------------------------------------------------------------------------------------------------------
// One program: join, transform, split, restore

interface UnitResult {
  /** New source text by cell index (every cell of the unit). */
  sources: Map<number, string>;
  findings: Finding[];
  error?: string;
  skipReason?: string;
}

function runUnit(cells: Cell[], tag: string, options: NotebookOptions): UnitResult {
  const fail = (error: string): UnitResult => ({ sources: new Map(), findings: [], error });
  const prepared: { cell: Cell; code: PythonCode }[] = [];
  let counter = 0;
  for (const cell of cells) {
    const code = neutralise(cell.source, cell.role === 'own' || /^\s*%%/.test(cell.source), () => {
      counter++;
      return `${tag}-magic-${counter}`;
    });
    if (code.incomplete)
      return fail(`cell ${cell.index + 1}: ${code.incomplete}; the notebook was not changed`);
    prepared.push({ cell, code });
  }
  const sentinel = (k: number) => `# ${tag}-cell-${k}`;
  let joined = '';
  const starts: number[] = [];
  prepared.forEach((p, k) => {
    if (k > 0) joined += `\n\n${sentinel(k)}\n\n`;
    starts.push(joined.length);
    joined += p.code.text;
  });
  const index = new LineIndex(joined);
  const startLines = starts.map((s) => index.position(s).line);
  /** A line of the joined text to (cell, line within the cell). */
  const locate = (line: number) => {
    let k = 0;
    while (k + 1 < startLines.length && startLines[k + 1] <= line) k++;
    return { k, line: line - startLines[k] + 1 };
  };

  const result = transformSourceSync(joined, { ...options, eol: options.eol ?? detectEol(joined) });
  const findings = result.findings.map((f) => {
    const s = locate(f.line);
    const e = locate(Math.max(f.line, f.endLine));
    const cell = prepared[s.k].cell.index + 1;
    const out: Finding = {
      ...f,
      line: s.line,
      endLine: e.k === s.k ? e.line : s.line,
      endColumn: e.k === s.k ? f.endColumn : f.column,
      message: `cell ${cell}: ${f.message}`,
      cell,
    };
    return out;
  });
  if (result.status === 'error') {
    const error = (result.error ?? 'could not be processed').replace(/\bat (\d+):(\d+)/, (_m, l, c) => {
      const at = locate(Number(l));
      return `in cell ${prepared[at.k].cell.index + 1} at ${at.line}:${c}`;
    });
    return { ...fail(error), findings };
  }
  if (result.status === 'skipped') return { sources: new Map(), findings, skipReason: result.skipReason };

  const sources = new Map<number, string>();
  if (result.status !== 'changed') return { sources, findings };
  // Split at the sentinel lines: each must be there once, in order, alone on its line between blank lines.
  // Matched by number, not by text: `# tag-cell-1` is also the start of `# tag-cell-10`.
  const after = result.after;
  const found = [...after.matchAll(new RegExp(`# ${tag}-cell-(\\d+)`, 'g'))];
  const inPlace = found.every(
    (m, i) =>
      m[1] === String(i + 1) &&
      (m.index === 0 || after[m.index - 1] === '\n') &&
      after.startsWith('\n\n', m.index + m[0].length),
  );
  if (found.length !== prepared.length - 1 || !inPlace)
    return fail('could not map the changes back to the notebook cells; the notebook was not changed');
  let from = 0;
  for (let k = 0; k < prepared.length; k++) {
    let piece: string;
    if (k < found.length) {
      const at = found[k].index;
      piece = after.slice(from, at);
      piece = piece.endsWith('\n\n') ? piece.slice(0, -2) : piece.endsWith('\n') ? piece.slice(0, -1) : piece;
      from = at + found[k][0].length + 2;
    } else piece = after.slice(from);
    const restored = restore(piece, prepared[k].code.placeholders);
    if (restored === undefined)
      return fail(
        `could not put back the IPython syntax of cell ${prepared[k].cell.index + 1}; the notebook was not changed`,
      );
    sources.set(prepared[k].cell.index, restored);
  }
  return { sources, findings };
}

// ---------------------------------------------------------------------------------------------------------
// IPython syntax

interface Placeholder {
  /** The placeholder line's text (no line end) and the original line it stands for. */
  text: string;
  original: string;
}

interface PythonCode {
  /** The cell's source with IPython lines replaced by placeholders (same number of lines). */
  text: string;
  placeholders: Placeholder[];
  /** Why the cell is not complete Python on its own (an open string or bracket at its end). */
  incomplete?: string;
}

/** `x = %magic`, `a, b = !cmd`: IPython's MagicAssign and SystemAssign (a name, attribute or tuple target). */
const MAGIC_ASSIGN = /^\s*[A-Za-z_*][\w.\s,*]*=\s*(?:%\w|!)/;
/** Escapes that make a line IPython syntax when they start it (IPython's ESCAPE_SINGLES). */
const LINE_ESCAPES = '%!?/,;';

interface ScanState {
  /** The open string's quote ('', ', ", ''' or """). */
  quote: string;
  depth: number;
  /** The previous line ended with a backslash continuation. */
  continued: boolean;
}

/** Replaces the IPython lines of a cell with placeholders; `cellMagic`: its first code line is `%%...`. */
export function neutralise(source: string, cellMagic: boolean, nextId: () => string): PythonCode {
  const lines = source.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  const placeholders: Placeholder[] = [];
  let state: ScanState = { quote: '', depth: 0, continued: false };
  let magicContinues = false;
  let headerPending = cellMagic;
  const out = lines.map((line) => {
    const body = line.replace(/[\r\n]+$/, '');
    const eol = line.slice(body.length);
    const replace = () => {
      const indent = /^[ \t\f]*/.exec(body)![0];
      const text = indent ? `${indent}...  # ${nextId()}` : `# ${nextId()}`;
      placeholders.push({ text, original: body });
      magicContinues = body.endsWith('\\');
      return text + eol;
    };
    if (magicContinues) return replace();
    if (headerPending && body.trim() !== '') {
      headerPending = false;
      return replace();
    }
    const startsLogicalLine = !state.quote && state.depth === 0 && !state.continued;
    const trimmed = body.trimStart();
    if (startsLogicalLine && trimmed !== '') {
      if (LINE_ESCAPES.includes(trimmed[0]) || MAGIC_ASSIGN.test(body)) return replace();
      const next = scanLine(body, state);
      // `obj?`, `obj??`: a `?` ending the code of a complete line is never Python
      if (!next.state.quote && next.state.depth === 0 && body.slice(0, next.codeEnd).trimEnd().endsWith('?'))
        return replace();
      state = next.state;
      return line;
    }
    state = scanLine(body, state).state;
    return line;
  });
  const code: PythonCode = { text: out.join(''), placeholders };
  if (state.quote) code.incomplete = 'the cell ends inside a string';
  else if (state.depth > 0) code.incomplete = 'the cell ends inside an open bracket';
  else if (state.continued) code.incomplete = 'the cell ends with a line continuation';
  return code;
}

/** The string/bracket state after one physical line, and where its comment starts (or its length). */
function scanLine(body: string, before: ScanState): { state: ScanState; codeEnd: number } {
  let { quote, depth } = before;
  let continued = false;
  let codeEnd = body.length;
  const n = body.length;
  let i = 0;
  while (i < n) {
    const c = body[i];
    if (quote) {
      if (c === '\\') {
        if (i === n - 1) continued = true; // an escaped line end: the string goes on
        i += 2;
      } else if (body.startsWith(quote, i)) {
        i += quote.length;
        quote = '';
      } else i++;
      continue;
    }
    if (c === '#') {
      codeEnd = i;
      break;
    }
    if (c === '"' || c === "'") {
      quote = body.startsWith(c + c + c, i) ? c + c + c : c;
      i += quote.length;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\\' && i === n - 1) continued = true;
    i++;
  }
  // A one-quote string ends with its line unless the line end is escaped (else it is a syntax error)
  if (quote.length === 1 && !continued) quote = '';
  return { state: { quote, depth, continued }, codeEnd };
}

/** Puts the original IPython lines back in place of their placeholders; undefined if one went missing. */
function restore(text: string, placeholders: Placeholder[]): string | undefined {
  if (placeholders.length === 0) return text;
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  let p = 0;
  for (let i = 0; i < lines.length && p < placeholders.length; i++) {
    const body = lines[i].replace(/[\r\n]+$/, '');
    if (body !== placeholders[p].text) continue;
    lines[i] = placeholders[p].original + lines[i].slice(body.length);
    p++;
  }
  return p === placeholders.length ? lines.join('') : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Writing a source value back

interface JsonLayout {
  /** The file's indent unit (' ', '  ', '\t', ...), or undefined for a file on one line. */
  unit?: string;
  eol: string;
  /** Between items of a one-line list (Python: ', ' without indent, ',' with it). */
  separator: string;
  /** Non-ASCII is escaped as \uXXXX (Python's ensure_ascii=True). */
  ascii: boolean;
}

function jsonLayout(text: string, root: JsonNode): JsonLayout {
  let unit: string | undefined;
  let separator = ', ';
  if (root.type === 'object' && root.members.length) {
    const first = root.members[0];
    const gap = text.slice(root.start + 1, first.keyStart);
    const nl = gap.search(/[\r\n][^\r\n]*$/);
    if (nl >= 0 && nl + 1 < gap.length) unit = gap.slice(nl + 1);
    // Python writes ', ' between items without indent and ',' with it (since 3.4)
    if (unit !== undefined) separator = ',';
    else if (root.members.length > 1) separator = text.slice(first.value.end, root.members[1].keyStart);
  }
  const ascii = !/[^\x00-\x7f]/.test(text) && /\\u(?!00[0-7])[0-9a-fA-F]{4}/.test(text);
  return { unit, eol: detectEol(text), separator, ascii };
}

/** The new JSON text of a cell's source value, in the original's style, keeping unchanged elements' bytes. */
function encodeSourceValue(text: string, cell: Cell, source: string, layout: JsonLayout): string {
  const node = cell.sourceNode!;
  const encode = (s: string) => encodeJsonString(s, layout.ascii);
  if (node.type === 'string') return encode(source);
  if (node.type !== 'array') throw new Error('source is neither a string nor a list');
  const lines = splitLinesPython(source);
  if (lines.length === 0) return '[]';
  const old = node.items.map((item) => decodeString(text, item));
  const items: string[] = [];
  let o = 0;
  for (const change of diffArrays(old, lines)) {
    if (change.removed) o += change.value.length;
    else if (change.added) items.push(...change.value.map(encode));
    else
      for (let k = 0; k < change.value.length; k++, o++)
        items.push(text.slice(node.items[o].start, node.items[o].end));
  }

  const n = node.items;
  if (n.length > 0) {
    const open = text.slice(node.start + 1, n[0].start);
    const close = text.slice(n[n.length - 1].end, node.end - 1);
    const multiline = /[\r\n]/.test(open);
    const separator =
      n.length > 1
        ? text.slice(n[0].end, n[1].start)
        : multiline
          ? `,${layout.eol}${open.slice(open.search(/[^\r\n]*$/))}`
          : layout.separator;
    return `[${open}${items.join(separator)}${close}]`;
  }
  // The original list was empty: indent like the lines around it
  if (layout.unit === undefined) return `[${items.join(layout.separator)}]`;
  const lineStart = text.lastIndexOf('\n', node.start) + 1;
  const keyIndent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const itemIndent = keyIndent + layout.unit;
  return `[${layout.eol}${itemIndent}${items.join(`,${layout.eol}${itemIndent}`)}${layout.eol}${keyIndent}]`;
}

/** Python's str.splitlines(keepends=True), which nbformat uses to store a source as a list of lines. */
export function splitLinesPython(s: string): string[] {
  return (
    s.match(
      /[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])|[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+$/g,
    ) ?? []
  );
}

/** A JSON string as Python's json module writes it (ensure_ascii as given); lone surrogates escaped. */
export function encodeJsonString(s: string, ascii: boolean): string {
  const json = JSON.stringify(s);
  return ascii
    ? json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : json;
}

// ---------------------------------------------------------------------------------------------------------
// A JSON scanner that keeps positions. As strict as Python's json.loads (which Jupyter reads with), including
// its NaN / Infinity / -Infinity; duplicate keys: the last one counts, as in Python and JSON.parse.

export type JsonNode =
  | { type: 'object'; start: number; end: number; members: JsonMember[] }
  | { type: 'array'; start: number; end: number; items: JsonNode[] }
  | { type: 'string' | 'number' | 'literal'; start: number; end: number };

export interface JsonMember {
  key: string;
  keyStart: number;
  value: JsonNode;
}

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
}

const MAX_DEPTH = 1000;

export function scanJson(text: string): JsonNode {
  let i = 0;
  const fail = (what: string, at = i): never => {
    const { line, column } = new LineIndex(text).position(at);
    throw new JsonSyntaxError(`${what} at line ${line} column ${column}`);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };
  const string = (): JsonNode => {
    const start = i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) fail('unterminated string', start);
      if (c === 34) break;
      if (c < 0x20) fail('control character in string');
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('invalid escape in string');
      } else i++;
    }
    i++;
    return { type: 'string', start, end: i };
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const members: JsonMember[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { type: 'object', start, end: i, members };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        const keyStart = i;
        const keyNode = string();
        const key = decodeString(text, keyNode);
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        members.push({ key, keyStart, value: value(depth + 1) });
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { type: 'object', start, end: i, members };
        } else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { type: 'array', start, end: i, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { type: 'array', start, end: i, items };
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    const m = /-?(?:Infinity|(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)|NaN|true|false|null/y;
    m.lastIndex = i;
    const found = m.exec(text);
    if (!found)
      fail(i >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
    i += found![0].length;
    return { type: /^[-\dI]|^NaN/.test(found![0]) ? 'number' : 'literal', start, end: i };
  };
  const root = value(0);
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return root;
}

/** The value of an object's member (the last of that name), if the node is an object that has it. */
function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  for (let k = node.members.length - 1; k >= 0; k--)
    if (node.members[k].key === key) return node.members[k].value;
  return undefined;
}

function stringAt(text: string, node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? decodeString(text, node) : undefined;
}

function decodeString(text: string, node: JsonNode): string {
  const raw = text.slice(node.start, node.end);
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}
