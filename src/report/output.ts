// What the CLI prints for a run of files, result by result as the run hands them on in path order, each
// result dropped once printed: the diff, the summary lines and the JSON report go to stdout as they come; the
// SARIF report waits in a temporary file for the end of the run (its rules and notifications, which only the
// whole run knows, come before the results). Stderr gets its lines at the end, as always: the finding lines,
// the files written, the tally (short lines, kept meanwhile; a progress bar may be on stderr until then).
import { encodeText } from '../source-text.js';
import type { FileResult } from '../types.js';
import type { JsonReportWriter } from './json.js';
import type { RuleInfo, SarifWriter } from './sarif.js';
import { fileFindingLines, Tally, tallyLine, type Mode, type Summary } from './summary.js';

export type Format = 'diff' | 'json' | 'sarif' | 'summary';

export interface OutputOptions {
  format: Format;
  mode: Mode;
  color: boolean;
  /** Called before the first byte goes to stdout (the CLI takes a progress bar off a shared terminal). */
  beforeWrite?: () => void;
  /**
   * Results will come in numbers (a directory): load the diff's module at once, so that none waits for it.
   * Otherwise it is loaded for the first changed file (a file without ftplib never needs it).
   */
  preload?: boolean;
}

/** Where the output goes: the CLI's process.stdout and process.stderr. */
export interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Loads what the format needs (the diff's module only once a file changed: it costs start-up time). */
export async function startOutput(options: OutputOptions, streams: Streams): Promise<RunOutput> {
  let json: JsonReportWriter | undefined;
  let sarif: SarifWriter | undefined;
  if (options.format === 'json') json = new (await import('./json.js')).JsonReportWriter();
  if (options.format === 'sarif') {
    const [{ SarifWriter }, { fileSpill }] = await Promise.all([import('./sarif.js'), import('./spill.js')]);
    sarif = new SarifWriter(fileSpill());
  }
  const output = new RunOutput(options, streams, json, sarif);
  // (a failure to load shows when a diff needs the module)
  if (options.format === 'diff' && options.preload) output.loadDiff().catch(() => undefined);
  return output;
}

export class RunOutput {
  private readonly tally = new Tally();
  /** Stderr's lines, printed at the end: the findings', then the files written. */
  private readonly findingLines: string[] = [];
  private readonly written: string[] = [];
  private started = false;
  /** Diffs in order, each once the diff's module has loaded (results wait meanwhile: see preload). */
  private writing: Promise<void> = Promise.resolve();
  private diff?: Promise<typeof import('./diff.js')>;
  /** The first diff that could not be made or printed. */
  private failure?: { error: unknown };

  constructor(
    private readonly options: OutputOptions,
    private readonly streams: Streams,
    private readonly json?: JsonReportWriter,
    private readonly sarif?: SarifWriter,
  ) {}

  /** The next result in path order. */
  add(r: FileResult): void {
    this.tally.add(r);
    for (const line of fileFindingLines(r)) this.findingLines.push(line);
    if (this.options.mode === 'write' && r.status === 'changed') this.written.push(r.path);
    switch (this.options.format) {
      case 'diff':
        if (r.status === 'changed') {
          const { color } = this.options;
          const diff = this.loadDiff();
          // a failure is kept for the end (finish or interrupt throw it), never left unhandled meanwhile
          this.writing = this.writing
            .then(async () => {
              if (!this.failure) this.out(diffBytes((await diff).unifiedDiff, r, color));
            })
            .catch((error: unknown) => {
              this.failure ??= { error };
            });
        }
        return;
      case 'json':
        if (!this.started) this.out(this.json!.head());
        return this.out(this.json!.file(r));
      case 'sarif':
        return this.sarif!.add(r);
      case 'summary':
        if (r.status !== 'unchanged')
          this.out(
            `${r.status}\t${r.path}${r.error ? `\t${r.error}` : r.skipReason ? `\t${r.skipReason}` : ''}\n`,
          );
        return;
    }
  }

  loadDiff(): Promise<typeof import('./diff.js')> {
    return (this.diff ??= import('./diff.js'));
  }

  /** Files seen so far, and those changed among them. */
  counts(): Summary {
    return this.tally.summary(0);
  }

  /**
   * The run is over: the end of the report (the JSON summary, the SARIF report with `rules`, asked for only
   * then), then stderr's lines and the tally. Resolves with the tally's summary once stdout has taken everything.
   */
  async finish(seconds: number, rules: () => Promise<RuleInfo[]>): Promise<Summary> {
    await this.endReport(rules);
    const { stderr } = this.streams;
    for (const line of this.findingLines) stderr.write(`${line}\n`);
    for (const file of this.written) stderr.write(`fixed ${file}\n`);
    const summary = this.tally.summary(seconds);
    stderr.write(`${tallyLine(summary, this.options.mode)}\n`);
    return summary;
  }

  /**
   * The run was stopped: what was printed stays, a JSON report is closed over the files in it (the SARIF
   * report, printed only at the end, is not printed); stderr's lines are not printed.
   */
  async interrupt(): Promise<void> {
    await this.settled();
    if (this.json) this.endJson();
    this.sarif?.close();
    await this.drained();
  }

  /** Lets go of what the report holds (the SARIF report's temporary file) when the run failed. */
  close(): void {
    this.sarif?.close();
  }

  /** Every diff printed, or the first that could not be made thrown. */
  private async settled(): Promise<void> {
    await this.writing;
    if (this.failure) throw this.failure.error;
  }

  private async endReport(rules: () => Promise<RuleInfo[]>): Promise<void> {
    await this.settled();
    if (this.json) this.endJson();
    if (this.sarif) {
      try {
        for (const piece of this.sarif.finish(await rules())) await this.outAsync(piece);
        this.out('\n');
      } finally {
        this.sarif.close();
      }
    }
    await this.drained();
  }

  private endJson(): void {
    // the CLI's JSON report counts no time: the same run gives the same bytes
    if (!this.started) this.out(this.json!.head());
    this.out(`${this.json!.tail(this.tally.summary(0))}\n`);
  }

  private out(data: string | Uint8Array): void {
    if (!this.started) {
      this.started = true;
      this.options.beforeWrite?.();
    }
    this.streams.stdout.write(data);
  }

  /** out(), waiting while stdout's buffer is full (the SARIF report is written in one go, at the end). */
  private async outAsync(data: string): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.options.beforeWrite?.();
    }
    if (!this.streams.stdout.write(data)) await drain(this.streams.stdout);
  }

  private async drained(): Promise<void> {
    const stdout = this.streams.stdout as NodeJS.WritableStream & { writableNeedDrain?: boolean };
    if (stdout.writableNeedDrain) await drain(stdout);
  }
}

function drain(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** A file's diff in the file's own bytes (its BOM, its encoding), so `git apply` / `patch` can apply it. */
function diffBytes(
  unifiedDiff: typeof import('./diff.js').unifiedDiff,
  r: FileResult,
  color: boolean,
): Buffer {
  // A notebook: one diff per changed cell, of the cell's source, headed `a/nb.ipynb:cell 3` (src/notebook.ts).
  // A cell's last line has no newline as a rule: no "\ No newline" note unless one side does have it.
  if (r.cells)
    return Buffer.from(
      r.cells
        .map((c) => {
          const nl = /[\r\n]$/.test(c.before) || /[\r\n]$/.test(c.after) ? '' : '\n';
          return unifiedDiff(`${r.path}:cell ${c.cell}`, c.before + nl, c.after + nl, { color });
        })
        .join(''),
      'utf8',
    );
  const bom = r.bom ? '\ufeff' : '';
  const text = unifiedDiff(r.path, bom + r.before, bom + r.after, { color });
  const encoding = r.encoding ?? 'utf-8';
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  try {
    return encodeText(text, encoding);
  } catch {
    return Buffer.from(text, 'utf8'); // e.g. a path the file's encoding cannot hold
  }
}
