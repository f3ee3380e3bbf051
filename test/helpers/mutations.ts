// Changes to a Python file that mean nothing to Python, for the metamorphic test (test/metamorphic.test.ts):
// ftptls must change the mutated file exactly as it changes the original, with the same mutation applied
// to its output. Each mutation is decided on the input (does it apply? which names to rename?) and then applied
// the same way to the input and to ftptls's output of it. Where a mutation needs to know what is code and what
// is a string, a bracket or a line continuation, it asks tree-sitter-python, never a regular expression.
import type { Node, Tree } from 'web-tree-sitter';
import { applyEdits } from '../../src/edits.js';
import { LineIndex } from '../../src/line-index.js';
import { countSyntaxErrors, parse } from '../../src/parser.js';
import { detectEol, type SourceMeta } from '../../src/source-text.js';
import type { Edit, Finding } from '../../src/types.js';

/** Decoded text (no BOM) and how its bytes were written, as decodeSource gives them. */
export interface Source {
  text: string;
  meta: SourceMeta;
}

/** A mutated source and the edits (sorted, in the offsets of the text mutated) that made its text. */
export interface Mutant extends Source {
  edits: Edit[];
}

/** How a mutant's Python AST relates to the original's (the test checks it with Python's own ast module). */
export type AstRelation =
  | { kind: 'same' }
  | { kind: 'docstring' }
  | { kind: 'if-true' }
  | { kind: 'rename'; names: Record<string, string> };

/** A mutation decided for one input. */
export interface Prepared {
  /** What was decided, for the test's name (e.g. the names renamed). */
  detail?: string;
  ast: AstRelation;
  /** Mutates the input, or ftptls's output of it. Throws when the text no longer allows it. */
  apply(src: Source): Mutant;
}

export interface Mutation {
  name: string;
  /** How to mutate this input and its output, or (a string) why the mutation does not apply to it. */
  prepare(input: Source): Prepared | string;
}

// --- what the parser says about a text ------------------------------------------------------------------

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the line's end of line (or of the end of the text). */
  end: number;
  /** Length of the leading run of spaces, tabs and form feeds. */
  indent: number;
  blank: boolean;
  /** Starts inside a string token (a triple-quoted string's inner line): its bytes belong to the string. */
  inString: boolean;
  /** Starts inside brackets or after a backslash continuation: not the first line of a logical line. */
  continuation: boolean;
  /** Its first character (after the indentation) starts a comment. */
  comment: boolean;
}

interface Identifier {
  start: number;
  end: number;
  name: string;
  /** The `attr` of `x.attr`, the name of a keyword argument `f(name=...)`, or a name in an import. */
  role: 'name' | 'attribute' | 'keyword' | 'import';
}

interface Analysis {
  lines: Line[];
  parses: boolean;
  /** The contents of every string literal (between its quotes). */
  stringContents: string[];
  identifiers: Identifier[];
  /** Names assigned a constructor call of ftplib's classes: `x = FTP(...)`, `x: T = ftplib.FTP_TLS(...)`, `with FTP() as x`. */
  connections: string[];
  hasFutureImport: boolean;
  /** The first statement (not a comment) is a string: a docstring (or an f-string that cannot be moved). */
  hasDocstring: boolean;
  hasStatements: boolean;
  /** The comments before the first statement. */
  headerComments: string[];
}

const LONE_CR = /\r(?!\n)/g;

/** Parses the text as ftptls does (each lone CR read as LF, offsets unchanged) and reads what mutations need. */
export function analyse(text: string): Analysis {
  const tree = parse(text.replace(LONE_CR, '\n'));
  try {
    return read(text, tree);
  } finally {
    tree.delete();
  }
}

const CLASS_NAMES = new Set(['FTP', 'FTP_TLS']);
const IMPORTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

function read(text: string, tree: Tree): Analysis {
  const strings: [number, number][] = [];
  const stringContents: string[] = [];
  /** Offsets of the brackets outside strings: +1 opens, -1 closes. */
  const brackets: [number, number][] = [];
  const continuationEnds = new Set<number>();
  const identifiers: Identifier[] = [];
  const connections: string[] = [];
  /** Local names of ftplib's classes: `from ftplib import FTP as SecureFTP` adds SecureFTP. */
  const classNames = new Set(CLASS_NAMES);
  let hasFutureImport = false;

  const cursor = tree.walk();
  try {
    let inString = 0;
    let inImport = 0;
    for (;;) {
      const node = cursor.currentNode;
      const type = node.type;
      if (type === 'string') {
        if (inString === 0) strings.push([node.startIndex, node.endIndex]);
        const start = node.children.find((c) => c?.type === 'string_start');
        const end = node.children.find((c) => c?.type === 'string_end');
        if (start && end) stringContents.push(text.slice(start.endIndex, end.startIndex));
        inString++;
      } else if (IMPORTS.has(type)) {
        if (type === 'future_import_statement') hasFutureImport = true;
        if (type === 'import_from_statement' && node.childForFieldName('module_name')?.text === 'ftplib') {
          for (const alias of node.descendantsOfType('aliased_import')) {
            const name = alias?.childForFieldName('name')?.text;
            const as = alias?.childForFieldName('alias')?.text;
            if (name && as && CLASS_NAMES.has(name)) classNames.add(as);
          }
        }
        inImport++;
      } else if (inString === 0 && (type === '(' || type === '[' || type === '{')) {
        brackets.push([node.startIndex, 1]);
      } else if (inString === 0 && (type === ')' || type === ']' || type === '}')) {
        brackets.push([node.startIndex, -1]);
      } else if (type === 'line_continuation') {
        continuationEnds.add(node.endIndex);
      } else if (type === 'identifier') {
        const parent = node.parent;
        let role: Identifier['role'] = 'name';
        if (inImport > 0) role = 'import';
        else if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.equals(node))
          role = 'attribute';
        else if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.equals(node))
          role = 'keyword';
        identifiers.push({ start: node.startIndex, end: node.endIndex, name: node.text, role });
      } else if (type === 'assignment') {
        const left = node.childForFieldName('left');
        if (left?.type === 'identifier' && isConstructor(node.childForFieldName('right'), classNames))
          connections.push(left.text);
      } else if (type === 'as_pattern' && node.parent?.type === 'with_item') {
        const target = node.childForFieldName('alias');
        const name = target?.type === 'as_pattern_target' ? target.firstNamedChild : target;
        if (name?.type === 'identifier' && isConstructor(node.firstNamedChild, classNames))
          connections.push(name.text);
      }
      if (cursor.gotoFirstChild()) continue;
      for (;;) {
        const left = cursor.currentNode.type;
        if (left === 'string') inString--;
        else if (IMPORTS.has(left)) inImport--;
        if (cursor.gotoNextSibling()) break;
        if (!cursor.gotoParent()) {
          return finish();
        }
      }
    }
  } finally {
    cursor.delete();
  }

  function finish(): Analysis {
    const root = tree.rootNode;
    let first = root.firstNamedChild;
    const headerComments: string[] = [];
    while (first?.type === 'comment') {
      headerComments.push(first.text);
      first = first.nextNamedSibling;
    }
    const firstExpression = first?.type === 'expression_statement' ? first.firstNamedChild : null;
    const hasDocstring =
      firstExpression?.type === 'string' || firstExpression?.type === 'concatenated_string';
    return {
      lines: readLines(text, strings, brackets, continuationEnds),
      parses: countSyntaxErrors(tree) === 0,
      stringContents,
      identifiers,
      connections: [...new Set(connections)],
      hasFutureImport,
      hasDocstring,
      hasStatements: first !== null,
      headerComments,
    };
  }
}

/** A call of FTP, FTP_TLS (or an alias of either from `from ftplib import`), or of `<anything>.FTP(_TLS)`. */
function isConstructor(node: Node | null, names: Set<string>): boolean {
  if (node?.type !== 'call') return false;
  const callee = node.childForFieldName('function');
  if (callee?.type === 'identifier') return names.has(callee.text);
  if (callee?.type === 'attribute') return CLASS_NAMES.has(callee.childForFieldName('attribute')?.text ?? '');
  return false;
}

function readLines(
  text: string,
  strings: [number, number][],
  brackets: [number, number][],
  continuationEnds: Set<number>,
): Line[] {
  const lines: Line[] = [];
  let b = 0;
  let depth = 0;
  let s = 0;
  for (let start = 0; start <= text.length;) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const next = text.startsWith('\r\n', end) ? end + 2 : end + 1;
    if (start === text.length && lines.length > 0) break; // no empty line after the final end of line
    let indent = 0;
    while (start + indent < end && ' \t\f'.includes(text[start + indent])) indent++;
    while (b < brackets.length && brackets[b][0] < start) depth += brackets[b++][1];
    while (s < strings.length && strings[s][1] <= start) s++;
    const inString = s < strings.length && strings[s][0] < start && start < strings[s][1];
    lines.push({
      start,
      end,
      indent,
      blank: start + indent === end,
      inString,
      continuation: inString || depth > 0 || continuationEnds.has(start),
      comment: text[start + indent] === '#',
    });
    start = next;
  }
  return lines;
}

// --- positions -----------------------------------------------------------------------------------------

/**
 * Where an offset of the text before `edits` is after them. Text inserted at the offset goes before a start
 * (an insertion at a line's start pushes what starts there) and after an end (text appended at the end of a
 * file follows what ends there); a replaced range's start stays, its end moves with the replacement. An offset
 * inside a replaced range has no image: that throws.
 */
export function mapForward(offset: number, edits: Edit[], bias: 'start' | 'end' = 'start'): number {
  let shift = 0;
  for (const e of edits) {
    if (offset < e.start) break;
    if (offset === e.start && (e.start < e.end || bias === 'end')) break;
    if (offset < e.end) throw new Error(`offset ${offset} is inside the mutated range ${e.start}-${e.end}`);
    shift += e.text.length - (e.end - e.start);
  }
  return offset + shift;
}

/** `line N` in a message: the line it names after the mutation. */
function mapLineRefs(message: string, before: LineIndex, after: LineIndex, edits: Edit[]): string {
  return message.replace(
    /\b(lines?) (\d+)\b/g,
    (_, word: string, n: string) =>
      `${word} ${after.position(mapForward(before.offset(Number(n), 1), edits)).line}`,
  );
}

/**
 * The findings of the original as they must be for the mutant: positions moved by the mutation's edits
 * (lines where lines were added, columns where indentation or a name's length changed), and line numbers in
 * messages moved with them.
 */
export function mapFindings(findings: Finding[], original: string, mutant: Mutant): Finding[] {
  const before = new LineIndex(original);
  const after = new LineIndex(mutant.text);
  const move = (line: number, column: number, bias: 'start' | 'end') =>
    after.position(mapForward(before.offset(line, column), mutant.edits, bias));
  return findings.map((f) => {
    const start = move(f.line, f.column, 'start');
    const end = move(f.endLine, f.endColumn, 'end');
    const out: Finding = {
      ...f,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: mapLineRefs(f.message, before, after, mutant.edits),
    };
    if (f.reason !== undefined) out.reason = mapLineRefs(f.reason, before, after, mutant.edits);
    return out;
  });
}

/**
 * A renamed mutant's findings with the fresh names put back in messages and reasons. Fresh names occur nowhere
 * in the original, so this is exact, where renaming the old names in the original's messages would also hit
 * English words and marker texts (`a`, `use-ftp-tls`).
 */
export function unrename(findings: Finding[], ast: AstRelation): Finding[] {
  if (ast.kind !== 'rename') return findings;
  const back = (s: string): string => {
    for (const [from, to] of Object.entries(ast.names)) s = s.replaceAll(to, from);
    return s;
  };
  return findings.map((f) => {
    const out: Finding = { ...f, message: back(f.message) };
    if (f.reason !== undefined) out.reason = back(f.reason);
    return out;
  });
}

// --- the mutations ---------------------------------------------------------------------------------------

function mutant(src: Source, edits: Edit[], meta: Partial<SourceMeta> = {}): Mutant {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const text = applyEdits(src.text, sorted);
  return { text, meta: { ...src.meta, ...meta, eol: detectEol(text) }, edits: sorted };
}

const same: AstRelation = { kind: 'same' };

/** Lines put above line 1 push a coding cookie down: a cookie that is not UTF-8 must stay on line 1 or 2. */
function cookieMayMove(input: Source): string | undefined {
  return input.meta.encoding === 'utf-8'
    ? undefined
    : `its ${input.meta.encoding} coding cookie must stay on line 1 or 2`;
}

/** A mutation that puts `lines(eol)` above the first line. */
function prepend(name: string, lines: (eol: string) => string, ast: AstRelation = same): Mutation {
  return {
    name,
    prepare(input) {
      const why = cookieMayMove(input);
      if (why) return why;
      const eol = input.meta.eol;
      return { ast, apply: (src) => mutant(src, [{ start: 0, end: 0, text: lines(eol) }]) };
    },
  };
}

/** `# ftptls: skip-file` counts only before the first statement (README): a statement put first moves it. */
const SKIP_FILE = /#\s*ftptls\s*:\s*skip-file/i;

const blankLinesFirst = prepend('blank lines first', (eol) => eol + eol);
const whitespaceLineFirst = prepend('whitespace-only line first', (eol) => ` \t  ${eol}`);
const commentFirst = prepend('comment line first', (eol) => `# a comment line put first${eol}`);

const docstringFirst: Mutation = {
  name: 'docstring first',
  prepare(input) {
    const why = cookieMayMove(input);
    if (why) return why;
    const a = analyse(input.text);
    if (!a.parses) return 'the input does not parse';
    // a second string statement would make the docstring an expression (and a later __future__ import an error)
    if (a.hasDocstring) return 'the file already starts with a docstring';
    if (a.headerComments.some((c) => SKIP_FILE.test(c)))
      return 'a docstring would move its `# ftptls: skip-file` after the first statement, where it does not count';
    const eol = input.meta.eol;
    return {
      ast: { kind: 'docstring' },
      apply: (src) => mutant(src, [{ start: 0, end: 0, text: `"""A docstring put first."""${eol}` }]),
    };
  },
};

const ENDS_OF_LINE = /\r\n|\r|\n/g;

const crlf: Mutation = {
  name: 'CRLF line endings',
  prepare(input) {
    if (!/\r\n|\r|\n/.test(input.text)) return 'the file has no line ending';
    if (!/\n|\r(?!\n)/.test(input.text.replace(/\r\n/g, ''))) return 'the file already has CRLF line endings';
    return {
      ast: same,
      apply(src) {
        const edits: Edit[] = [];
        for (const m of src.text.matchAll(ENDS_OF_LINE)) {
          if (m[0] !== '\r\n') edits.push({ start: m.index, end: m.index + m[0].length, text: '\r\n' });
        }
        return mutant(src, edits);
      },
    };
  },
};

const bom: Mutation = {
  name: 'UTF-8 BOM',
  prepare(input) {
    if (input.meta.bom) return 'the file already has a BOM';
    if (input.meta.encoding !== 'utf-8') return `a BOM would contradict its ${input.meta.encoding} cookie`;
    if (input.meta.cookie !== undefined && !/^utf[-_]8(?:$|[-_])/i.test(input.meta.cookie))
      return `Python refuses a BOM with the cookie spelled '${input.meta.cookie}'`;
    return { ast: same, apply: (src) => mutant(src, [], { bom: true }) };
  },
};

const trailingBlankLines: Mutation = {
  name: 'trailing blank lines',
  prepare(input) {
    const eol = input.meta.eol;
    return {
      ast: same,
      apply: (src) => mutant(src, [{ start: src.text.length, end: src.text.length, text: eol + eol }]),
    };
  },
};

const FINAL_ENDS_OF_LINE = /(?:\r\n|\r|\n)+$/;

const noFinalNewline: Mutation = {
  name: 'no final newline',
  prepare(input) {
    if (!FINAL_ENDS_OF_LINE.test(input.text)) return 'the file already ends without a newline';
    return {
      ast: same,
      apply(src) {
        const m = FINAL_ENDS_OF_LINE.exec(src.text);
        return mutant(src, m ? [{ start: m.index, end: src.text.length, text: '' }] : []);
      },
    };
  },
};

/**
 * Each 4-space level of the indentation of each logical line becomes a tab. Lines inside strings keep their
 * bytes (they are the string's), and so do continuation lines (inside brackets or after a backslash), whose
 * indentation Python ignores. Comment lines are converted where their indentation is whole levels.
 */
function toTabs(src: Source): Mutant {
  const a = analyse(src.text);
  if (!a.parses) throw new Error('the text does not parse');
  const edits: Edit[] = [];
  for (const line of a.lines) {
    if (line.blank || line.continuation || line.indent === 0) continue;
    const indent = src.text.slice(line.start, line.start + line.indent);
    if (!/^(?: {4})+$/.test(indent)) {
      if (line.comment) continue;
      throw new Error(`line ${a.lines.indexOf(line) + 1} is not indented with 4-space levels`);
    }
    edits.push({ start: line.start, end: line.start + line.indent, text: '\t'.repeat(indent.length / 4) });
  }
  return mutant(src, edits);
}

const tabs: Mutation = {
  name: 'tabs for 4-space indentation',
  prepare(input) {
    try {
      const m = toTabs(input);
      if (m.edits.length === 0) return 'no logical line is indented';
    } catch (err) {
      return (err as Error).message;
    }
    return { ast: same, apply: toTabs };
  },
};

/**
 * The whole module inside `if True:`: every line that holds code or a comment gets one more level of
 * indentation, except the lines that start inside a string (their bytes are the string's). The level is a
 * tab where the file indents with tabs, so that Python's tab/space consistency check still passes.
 */
function indentUnderIfTrue(src: Source, level: string): Mutant {
  const a = analyse(src.text);
  if (!a.parses) throw new Error('the text does not parse');
  const edits: Edit[] = [{ start: 0, end: 0, text: `if True:${src.meta.eol}` }];
  for (const line of a.lines) {
    if (line.blank || line.inString) continue;
    edits.push({ start: line.start, end: line.start, text: level });
  }
  return mutant(src, edits);
}

const ifTrue: Mutation = {
  name: 'module indented into if True',
  prepare(input) {
    const why = cookieMayMove(input);
    if (why) return why;
    const a = analyse(input.text);
    if (!a.parses) return 'the input does not parse';
    if (!a.hasStatements) return 'the file has no statement';
    if (a.hasFutureImport) return '`from __future__` imports must stay at module level';
    if (a.headerComments.some((c) => SKIP_FILE.test(c)))
      return '`# ftptls: skip-file` counts only before the first statement, which `if True:` would become';
    const tabbed = a.lines.some(
      (l) => !l.blank && !l.inString && input.text.slice(l.start, l.start + l.indent).includes('\t'),
    );
    const level = tabbed ? '\t' : '    ';
    return { ast: { kind: 'if-true' }, apply: (src) => indentUnderIfTrue(src, level) };
  },
};

/** Names that read variables by name at run time: a file using any of them is not renamed. */
const DYNAMIC = new Set(['locals', 'globals', 'vars', 'eval', 'exec', '__dict__']);

const renameConnection: Mutation = {
  name: 'connection variable renamed',
  prepare(input) {
    const a = analyse(input.text);
    if (!a.parses) return 'the input does not parse';
    if (a.connections.length === 0) return 'no name is assigned FTP(...) or FTP_TLS(...)';
    if (a.identifiers.some((i) => DYNAMIC.has(i.name)))
      return 'it reads names at run time (locals(), getattr...)';
    const names: Record<string, string> = {};
    const refused: string[] = [];
    for (const name of a.connections) {
      const fresh = `conn_renamed_${name}`;
      const clash =
        name.startsWith('__') ||
        input.text.includes(fresh) ||
        a.identifiers.some((i) => i.name === name && i.role !== 'name') ||
        a.stringContents.includes(name);
      if (clash) refused.push(name);
      else names[name] = fresh;
    }
    if (Object.keys(names).length === 0)
      return `${refused.join(', ')}: also an attribute, keyword or imported name, or a string's text`;
    const apply = (src: Source): Mutant => {
      const b = analyse(src.text);
      if (!b.parses) throw new Error('the text does not parse');
      const edits = b.identifiers
        .filter((i) => i.role === 'name' && Object.hasOwn(names, i.name))
        .map((i) => ({ start: i.start, end: i.end, text: names[i.name] }));
      return mutant(src, edits);
    };
    const detail = Object.entries(names)
      .map(([from, to]) => `${from} -> ${to}`)
      .join(', ');
    return { detail, ast: { kind: 'rename', names }, apply };
  },
};

export const MUTATIONS: Mutation[] = [
  blankLinesFirst,
  whitespaceLineFirst,
  commentFirst,
  crlf,
  bom,
  trailingBlankLines,
  noFinalNewline,
  tabs,
  ifTrue,
  docstringFirst,
  renameConnection,
];
