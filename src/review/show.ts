// What a person sees of a change in an interactive review: where it is, the finding's message, and the change
// as a coloured hunk with a few lines of context, in the file as accepted so far.
import { LineIndex } from '../line-index.js';
import { lineHunks, splitLinesLf } from '../report/diff.js';
import type { Edit, Finding } from '../types.js';
import type { StageOutput } from '../transform-source.js';
import { applied, shifted, type Change } from './review-file.js';

type Colors = ReturnType<typeof import('picocolors').createColors>;

/** Lines of context around a change. */
const CONTEXT = 3;

export const PROMPT = '[y]es / [n]o / [a]ll remaining in this file / [d]one with this file / [q]uit';

export const HELP = [
  'y - make this change',
  'n - do not make this change',
  'a - make this change and every remaining change in this file',
  'd - make none of the remaining changes in this file (the accepted ones are written)',
  'q - as d, and review no further file',
  'Ctrl-C - stop at once: this file is not written',
].join('\n');

export function showChange(change: Change, c: Colors): string {
  const { stage, finding } = change;
  const at = new LineIndex(applied(stage, change.base)).position(shifted(finding.start, change.base));
  const head =
    c.bold(`${printable(change.path)}:${at.line}:${at.column}`) +
    ` ${c.dim(`${stage.transform.name} · change ${change.number}`)}` +
    (change.again ? ` ${c.yellow('(asked again: your answers since changed it)')}` : '');
  const lines = [head, `  ${printable(finding.message)}`];
  if (change.viaImports) lines.push(c.dim('  (the change is made in the import)'));
  if (change.edits.length === 0) lines.push(c.dim('  (no edit of its own)'));
  return `\n${lines.join('\n')}\n${hunks(stage, change.base, change.edits, c)}`;
}

/** The edits a decided stage makes to match the answers (the imports), shown for information. */
export function showBookkeeping(
  path: string,
  stage: StageOutput,
  base: Edit[],
  edits: Edit[],
  c: Colors,
): string {
  const head = c.dim(`${printable(path)}: ${stage.transform.name}: to match the answers (imports):`);
  return `\n${head}\n${hunks(stage, base, edits, c)}`;
}

export function showManual(path: string, f: Finding, c: Colors): string {
  const reason = f.reason ? ` (${oneLine(f.reason)})` : '';
  return `${c.yellow(`${printable(path)}:${f.line}:${f.column}: manual:`)} ${oneLine(f.message)}${reason}\n`;
}

/** The hunks of `edits` over the stage's text with `base` applied; the "\r" of CRLF lines left out. */
function hunks(stage: StageOutput, base: Edit[], edits: Edit[], c: Colors): string {
  const before = splitLinesLf(applied(stage, base));
  const after = splitLinesLf(applied(stage, [...base, ...edits]));
  const out: string[] = [];
  for (const h of lineHunks(before, after, CONTEXT)) {
    const oldCount = h.ops.filter((o) => o.kind !== '+').length;
    const newCount = h.ops.filter((o) => o.kind !== '-').length;
    out.push(c.cyan(`@@ -${h.oldStart + 1},${oldCount} +${h.newStart + 1},${newCount} @@`));
    for (const op of h.ops) {
      const text = op.kind + printable(op.line.replace(/\r?\n$/, ''));
      out.push(op.kind === '-' ? c.red(text) : op.kind === '+' ? c.green(text) : text);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

function oneLine(s: string): string {
  return printable(s.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * The file's text as the terminal should show it: control characters (an escape sequence in a string, a form
 * feed, a lone CR) as `^[`-style caret notation, never sent to the terminal as they are. Tabs stay.
 */
export function printable(s: string): string {
  return s.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (ch) =>
    ch === '\x7f' ? '^?' : `^${String.fromCharCode(ch.charCodeAt(0) + 64)}`,
  );
}
