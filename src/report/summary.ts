// The run's tally and the per-finding lines for stderr: views over FileResults, as in jscodeshift's and
// LibCST's end-of-run summaries.
import type { FileResult } from '../types.js';

export interface Summary {
  /** Files looked at (every FileResult). */
  files: number;
  changed: number;
  unchanged: number;
  skipped: number;
  errors: number;
  /** Findings by status, over all files. */
  fixed: number;
  suppressed: number;
  manual: number;
  /** Wall-clock seconds of the run. */
  seconds: number;
}

export type Mode = 'dry-run' | 'write' | 'check';

export function summarize(results: FileResult[], seconds: number): Summary {
  const tally = new Tally();
  for (const r of results) tally.add(r);
  return tally.summary(seconds);
}

/** The summary counted as results come, for a run that does not keep them. */
export class Tally {
  private readonly counts: Omit<Summary, 'seconds'> = {
    files: 0,
    changed: 0,
    unchanged: 0,
    skipped: 0,
    errors: 0,
    fixed: 0,
    suppressed: 0,
    manual: 0,
  };

  add(r: FileResult): void {
    const s = this.counts;
    s.files++;
    if (r.status === 'error') s.errors++;
    else s[r.status]++;
    for (const f of r.findings) s[f.status]++;
  }

  summary(seconds: number): Summary {
    return { ...this.counts, seconds };
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One line for the end of a run, e.g.
 * `ftptls: 3 files changed, 10 unchanged, 1 skipped, 0 errors · 12 fixed, 1 suppressed, 2 manual · 0.41s (dry run: nothing written)`.
 * "changed" counts files whose text the transforms changed; the parenthesis says what happened to them.
 */
export function tallyLine(s: Summary, mode: Mode): string {
  const files = `${plural(s.changed, 'file', 'files')} changed, ${s.unchanged} unchanged, ${s.skipped} skipped, ${plural(s.errors, 'error', 'errors')}`;
  const findings = `${s.fixed} fixed, ${s.suppressed} suppressed, ${s.manual} manual`;
  const seconds = `${(Number.isFinite(s.seconds) ? Math.max(0, s.seconds) : 0).toFixed(2)}s`;
  let what: string;
  if (mode === 'write')
    what = s.changed ? `${plural(s.changed, 'file', 'files')} written` : 'nothing to write';
  else if (mode === 'check')
    what = s.changed
      ? `check: ${plural(s.changed, 'file needs', 'files need')} changes`
      : 'check: nothing to change';
  else what = 'dry run: nothing written';
  return `ftptls: ${files} · ${findings} · ${seconds} (${what})`;
}

/**
 * Lines for stderr: one per manual finding, `path:line:col: manual: message (reason)`, and one per file that
 * failed, `path: error: message`. Files in the order given (the runner sorts them), findings by position.
 */
export function findingLines(results: FileResult[]): string[] {
  return results.flatMap(fileFindingLines);
}

/** findingLines of one file. */
export function fileFindingLines(r: FileResult): string[] {
  const lines: string[] = [];
  if (r.status === 'error') lines.push(`${r.path}: error: ${oneLine(r.error ?? 'could not be processed')}`);
  const manual = r.findings
    .filter((f) => f.status === 'manual')
    .sort((a, b) => a.line - b.line || a.column - b.column);
  for (const f of manual) {
    const reason = f.reason ? ` (${oneLine(f.reason)})` : '';
    lines.push(`${r.path}:${f.line}:${f.column}: manual: ${oneLine(f.message)}${reason}`);
  }
  return lines;
}

/** Messages go on one line whatever they contain. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
