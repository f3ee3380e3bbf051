// The library API for batch scripts: the same FileResult objects the CLI prints, and the Transform interface
// that the built-in transforms implement and custom transforms (`--transform ./my-transform.js`) implement too.
//
//   import { run, transformSource } from 'ftptls';
//   const { results, summary } = await run(['repo/'], { write: true });
//   const result = await transformSource(text, { path: 'upload.py' });
import { runConfigured } from './config/run.js';
import { loadTransforms, type TransformSelection } from './load-transforms.js';
import { summarize, Tally, type Summary } from './report/summary.js';
import {
  run as runFiles,
  type RunOptions as RunnerOptions,
  type RunResult as RunnerResult,
} from './run/runner.js';
import {
  transformSource as transformText,
  type TransformSourceOptions as PipelineOptions,
} from './transform-source.js';
import type { FileResult } from './types.js';

/** Options of {@link transformSource}. The whole object is also what transforms see as `ctx.options`. */
export interface TransformSourceOptions extends Omit<PipelineOptions, 'transforms'>, TransformSelection {}

/**
 * Transforms Python source text (decoded, without a BOM) and returns the same result the CLI reports for a
 * file: `status` (changed / unchanged / skipped / error), `before`, `after`, `findings` and `error` or
 * `skipReason`. Nothing is read or written. `transforms` selects as `--transform` does: built-in names, paths
 * of transform modules, or Transform objects (these run after the built-ins).
 *
 * Rejects (TransformLoadError) only when the selection cannot be loaded; a problem with the text itself is a
 * result with status `error`.
 */
export async function transformSource(
  text: string,
  options: TransformSourceOptions = {},
): Promise<FileResult> {
  const transforms = await loadTransforms(options);
  return transformText(text, { ...options, transforms });
}

/** Options of {@link run}: what the CLI's flags set, by the same names (`write`, `transforms`, `jobs`, ...). */
export interface RunOptions extends RunnerOptions {
  /**
   * Configuration files: none are read unless asked, so a script's options are the whole story. `'discover'`
   * finds them as the CLI does (each file gets the closest pyproject.toml with [tool.ftptls], or ftptls.toml,
   * from its folder upward); a path (relative to `cwd`; write `./discover` for a file of that name) uses that
   * file for every file, as `--config` does. The options given here win over the file's, as flags do.
   */
  config?: 'discover' | string;
}

export interface RunResult extends RunnerResult {
  /** The tally the CLI prints at the end of a run (files by status, findings by status, seconds). */
  summary: Summary;
}

/**
 * Runs ftptls over files and directories, as the CLI does: walks them (honouring .gitignore and
 * `ignorePatterns`), processes every Python file (in worker threads when there are many), and with
 * `write: true` rewrites changed files in place, atomically. One file's failure never stops the run: it is a
 * result with status `error`. Without `write` nothing is written: use `results` (before/after, findings) and
 * `summary` (e.g. `summary.changed > 0` is what `--check` fails on; `summary.errors > 0` is exit status 2).
 *
 * Transform objects in `transforms` cannot cross into worker threads, so with any of them the run stays in
 * this thread (`jobs: 1`); transform module paths work in workers.
 *
 * `onResult` takes each result in path order as soon as every path before it is done, and the run keeps
 * none (`results` is empty; `summary` still counts them): a run of any size then holds only the results
 * that wait for an earlier file.
 */
export async function run(paths: string[], options: RunOptions = {}): Promise<RunResult> {
  const { config, onResult, ...rest } = options;
  const inline = (rest.transforms ?? []).some((t) => typeof t !== 'string');
  // With onResult the results are not kept: the summary is counted as they go by
  const tally = onResult ? new Tally() : undefined;
  const given: RunnerOptions = {
    ...rest,
    ...(inline ? { jobs: 1 } : {}),
    ...(onResult
      ? {
          onResult: (r: FileResult) => {
            tally!.add(r);
            onResult(r);
          },
        }
      : {}),
  };
  let result: RunnerResult;
  if (config === undefined) result = await runFiles(paths, given);
  else {
    const mode =
      config === 'discover' ? ({ kind: 'discover' } as const) : { kind: 'file' as const, file: config };
    const { transforms: _transforms, ...configured } = await runConfigured(paths, given, mode);
    result = configured;
  }
  const summary = tally ? tally.summary(result.seconds) : summarize(result.results, result.seconds);
  return { ...result, summary };
}

/**
 * The low-level, synchronous pipeline (after `await initParser()`): runs exactly the Transform objects given
 * in `transforms` (all non-opt-in built-ins when omitted), with no selection and no module loading.
 */
export {
  transformSourceSync,
  type TransformSourceOptions as TransformSourceSyncOptions,
} from './transform-source.js';
export { loadTransforms, TransformLoadError, type TransformSelection } from './load-transforms.js';
export { ConfigError } from './config/file.js';
export { initParser } from './parser.js';
export { Bindings, type Scope, type BindingSite, type ClassReference } from './analysis/bindings.js';
export type { Value } from './analysis/value.js';
export { summarize, type Summary } from './report/summary.js';
export { jsonReport, type JsonReport, type JsonFile, type JsonFinding } from './report/json.js';
export { unifiedDiff } from './report/diff.js';
export { BUILTIN_TRANSFORMS } from '../transforms/index.js';
export type {
  Edit,
  FileResult,
  FileStatus,
  Finding,
  FindingStatus,
  Node,
  RawFinding,
  Transform,
  TransformContext,
  TransformOptions,
  TransformResult,
  Tree,
} from './types.js';
export type { Suppressor, SiteKind } from './suppression.js';
