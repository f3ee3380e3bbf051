// `ftptls -i` / `--interactive`: the run as usual (walk, prefilter, pipeline: nothing written), then each changed
// file reviewed change by change in the terminal (src/review/review-file.ts), and only what was accepted
// written, atomically, file by file as each review ends. The CLI hands over here once the flags are read.
import fs from 'node:fs/promises';
import pc from 'picocolors';
import { ioMessage, oneLine } from '../errors.js';
import { loadTransforms, TransformLoadError } from '../load-transforms.js';
import { isNotebookPath } from '../prefilter.js';
import { startProgress } from '../run/progress.js';
import { runWarnings } from '../run/run-warnings.js';
import { findingLines, summarize, tallyLine } from '../report/summary.js';
import { optionsByFile, runConfigured, type ConfigMode } from '../config/run.js';
import type { ProjectView } from '../project/types.js';
import type { RunOptions } from '../run/runner.js';
import { DecodeError, decodeSource, encodeSource } from '../source-text.js';
import type { FileResult } from '../types.js';
import { writeFileAtomic } from '../run/write-file.js';
import { ABORT, openKeys, type KeyReader } from './keys.js';
import { reviewSource, type Answer, type ReviewIO } from './review-file.js';
import { HELP, PROMPT, printable, showBookkeeping, showChange, showManual } from './show.js';

export interface InteractiveRequest {
  paths: string[];
  /** The run's options, as the CLI made them from its flags. */
  options: RunOptions;
  /** How configuration files are found (each file is reviewed with its own configuration's settings). */
  mode: ConfigMode;
  /** Flags that make no sense with a review: refused. */
  format: string;
  check: boolean;
  color: boolean;
  errColor: boolean;
}

const EXIT = { ok: 0, failure: 2, interrupted: 130 } as const;

const ANSWERS: Record<string, Exclude<Answer, 'abort'>> = {
  y: 'yes',
  n: 'no',
  a: 'all',
  d: 'done',
  q: 'quit',
};

export async function interactiveMode(request: InteractiveRequest): Promise<number> {
  const { paths, options } = request;
  const refuse = (message: string) => {
    process.stderr.write(`ftptls: ${message}\n`);
    return EXIT.failure;
  };
  if (paths.includes('-')) return refuse('--interactive reviews files; it cannot read standard input (-)');
  if (request.check) return refuse('--interactive and --check cannot be combined');
  if (request.format !== 'diff')
    return refuse(
      `--interactive shows its own review; it cannot be combined with --format ${request.format}`,
    );
  if (!process.stdin.isTTY || !process.stdout.isTTY)
    return refuse(
      '--interactive needs a terminal (standard input and output); use --write to apply every change',
    );

  let transforms;
  try {
    transforms = await loadTransforms(options);
  } catch (err) {
    if (err instanceof TransformLoadError) return refuse(err.message);
    throw err;
  }
  const fileOptions = optionsByFile(options, request.mode);
  const started = Date.now();
  const progress = startProgress(process.stderr, request.errColor);
  let outcome: Awaited<ReturnType<typeof runConfigured>>;
  try {
    outcome = await runConfigured(
      paths,
      { ...options, write: false, onProgress: progress.update },
      request.mode,
    );
  } finally {
    progress.stop();
  }
  const warnings = runWarnings(outcome);
  if (warnings) process.stderr.write(warnings);

  const c = pc.createColors(request.color);
  const err = process.stderr;
  const final: FileResult[] = [];
  let accepted = 0;
  let declined = 0;
  let written = 0;
  let quit = false;
  const keys = openKeys(process.stdin);
  try {
    for (const [i, r] of outcome.results.entries()) {
      if (r.status !== 'changed') {
        final.push(r);
        for (const line of findingLines([r])) err.write(`${line}\n`);
        continue;
      }
      if (quit || isNotebookPath(r.path) || r.cells) {
        const reason = quit
          ? 'not reviewed: the review was quit'
          : 'notebooks are not reviewed interactively (run without -i for their diff, --write to apply it)';
        final.push(notReviewed(r, reason));
        if (!quit) err.write(`${printable(r.path)}: skipped: ${reason}\n`);
        continue;
      }
      const view = outcome.views?.get(r.path);
      const reviewed = await reviewFile(r, transforms, fileOptions(r.path), keys, c, view);
      if (reviewed === ABORT) {
        err.write(
          `ftptls: interrupted: ${printable(r.path)} not written; ${written} file${written === 1 ? '' : 's'} ` +
            `written before it, ${outcome.results.length - i - 1} after it untouched\n`,
        );
        return EXIT.interrupted;
      }
      final.push(reviewed.result);
      accepted += reviewed.accepted;
      declined += reviewed.declined;
      quit ||= reviewed.quit;
      const where = printable(r.path);
      if (reviewed.result.status === 'error')
        err.write(`${where}: error: ${oneLine(reviewed.result.error)}\n`);
      else if (reviewed.result.status === 'changed') {
        written++;
        err.write(`fixed ${where} (${reviewed.accepted} accepted, ${reviewed.declined} declined)\n`);
      } else err.write(`${where}: no change accepted; not changed\n`);
    }
  } finally {
    keys.close();
  }
  const summary = summarize(final, (Date.now() - started) / 1000);
  err.write(
    `ftptls: review: ${accepted} change${accepted === 1 ? '' : 's'} accepted, ${declined} declined` +
      `${quit ? ' (quit)' : ''}\n`,
  );
  err.write(`${tallyLine(summary, 'write')}\n`);
  return summary.errors > 0 ? EXIT.failure : EXIT.ok;
}

/** A changed file left as it is: its fixes are not made, what else it had is still reported. */
function notReviewed(r: FileResult, reason: string): FileResult {
  return {
    ...r,
    status: 'skipped',
    skipReason: reason,
    after: r.before,
    findings: r.findings.filter((f) => f.status !== 'fixed'),
  };
}

type Colors = ReturnType<typeof pc.createColors>;

interface Reviewed {
  result: FileResult;
  accepted: number;
  declined: number;
  quit: boolean;
}

/** Reads the file again, reviews it, writes what was accepted. ABORT: Ctrl-C, nothing written. */
async function reviewFile(
  r: FileResult,
  transforms: Awaited<ReturnType<typeof loadTransforms>>,
  options: RunOptions,
  keys: KeyReader,
  c: Colors,
  /** What the project-wide pass gave this file, so that it is analysed again the same way. */
  view?: ProjectView,
): Promise<Reviewed | typeof ABORT> {
  const fail = (error: string): Reviewed => ({
    result: { ...r, status: 'error', error, after: r.before, findings: [] },
    accepted: 0,
    declined: 0,
    quit: false,
  });
  let bytes: Buffer;
  let decoded: ReturnType<typeof decodeSource>;
  try {
    bytes = await fs.readFile(r.path);
    decoded = decodeSource(bytes);
  } catch (e) {
    return fail(e instanceof DecodeError ? e.message : ioMessage(e));
  }
  const { text, meta } = decoded;
  const io: ReviewIO = {
    async ask(change) {
      process.stdout.write(showChange(change, c));
      for (;;) {
        process.stdout.write(c.bold(`Apply this change? ${PROMPT} `));
        const key = await keys.next();
        if (key === ABORT) {
          process.stdout.write('^C\n');
          return 'abort';
        }
        const answer = ANSWERS[key];
        if (answer) {
          process.stdout.write(`${answer}\n`);
          return answer;
        }
        process.stdout.write(`\n${HELP}\n`);
      }
    },
    manual(f) {
      process.stderr.write(showManual(r.path, f, c));
    },
    bookkeeping(stage, base, edits) {
      process.stdout.write(showBookkeeping(r.path, stage, base, edits, c));
    },
  };
  // the run's own options, less the runner's `project` flag; a connected file's view is the pipeline's `project`
  const { project: _flag, ...rest } = options;
  const pipeline = view ? { ...rest, project: view } : rest;
  const review = await reviewSource(text, { ...pipeline, path: r.path, transforms, eol: meta.eol }, io);
  if (review.aborted) return ABORT;
  const done = { accepted: review.accepted, declined: review.declined, quit: review.quit };
  const result: FileResult = { ...review.result, encoding: meta.encoding, bom: meta.bom };
  if (result.status !== 'changed') return { result, ...done };
  let data: Buffer;
  try {
    data = encodeSource(result.after, meta);
  } catch (e) {
    return { ...fail(oneLine(e)), declined: done.declined, quit: done.quit };
  }
  try {
    // the file may have been edited while it was being reviewed: then the answers are not for it
    const now = await fs.readFile(r.path);
    if (!now.equals(bytes)) {
      const changed = fail('changed on disk during the review; not written');
      return { ...changed, declined: done.declined, quit: done.quit };
    }
    await writeFileAtomic(r.path, data);
  } catch (e) {
    return { ...fail(`could not write: ${ioMessage(e)}`), declined: done.declined, quit: done.quit };
  }
  return { result, ...done };
}
