// The loop over files: walk the paths, process every file, and give results in path order whatever the
// scheduling, each as soon as every path before it is done (to the caller's onResult, so that a run of any size
// holds only the results that wait for an earlier file; or all of them at the end). One code path (worker.ts)
// does the per-file work, in worker threads for many files (the pool, pool.ts: scan, then process) and in
// this thread for few (or --jobs 1).
//
// The pool overlaps the walk: once a directory walk has found enough files for the workers, they scan the
// files found while this thread goes on walking, and process what they find.
//
// With the project-wide pass (src/project/, project-run.ts) the scan also notes each file's import lines, and
// processing waits for the plan, which needs every file scanned: files it cannot give a view to are processed
// as soon as it knows which, the connected modules it processed itself are settled with its results, the rest
// after.
//
// Stopping (options.signal, SIGINT in the CLI): no file is started after the signal, files in flight finish
// (so a file is written whole or not at all), and the run resolves with the results it has, `interrupted`.
// One file's failure, even one that crashes a worker, is an error result for that file; the run goes on.
// A crashed worker is replaced while there is work left (its file is never retried, so this ends). A worker
// that cannot start is not replaced: the run goes on with those that did, or in this thread when none did.
import fs from 'node:fs';
import path from 'node:path';
import type { TransformSelection } from '../load-transforms.js';
import type { ProcessOptions } from './process-file.js';
import type { ProjectView } from '../project/types.js';
import type { FileResult } from '../types.js';
import { collectFiles, type WalkOptions } from './walk.js';
import { errorResult } from '../errors.js';
import { PathOrder } from './path-order.js';
import { Pool, type Ordering, type Outcome, type Settle } from './pool.js';
import { planProjectRun, type Planned } from './project-run.js';
import { prepare, type Setup } from './run-setup.js';
import { startEarly, type WorkerHandle } from './worker-handles.js';
import { FileWork } from './worker.js';

export interface RunOptions
  extends ProcessOptions, TransformSelection, Omit<WalkOptions, 'onFile' | 'signal'> {
  /** Worker threads; default: the number of cores. 1 runs everything in this thread. */
  jobs?: number;
  /**
   * Follow ftplib across the modules of the directories given (src/project/): on by default; false
   * analyses each file alone.
   */
  project?: boolean;
  /** Called as files finish (any order), e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with each file's result in path order, as soon as every path before it is done; the run then
   * keeps none (`results` is empty), so that a run of any size holds only the results waiting for an earlier
   * file. A callback that throws stops the run (as the signal does) and the run rejects with its error.
   */
  onResult?: (result: FileResult) => void;
  /**
   * Stops the run: no file is started once it is aborted, files being processed finish (and are written
   * whole), and the run resolves with the results of the files done, `interrupted: true`.
   */
  signal?: AbortSignal;
}

export interface RunResult {
  /** Sorted by path. After an interrupt: only the files that were done. Empty when `onResult` took them. */
  results: FileResult[];
  seconds: number;
  /** The signal stopped the run before every file was done. */
  interrupted?: boolean;
  /** Why a worker thread could not start: the run went on with fewer threads, or in this one. */
  workerStartError?: string;
  /** Why the project-wide pass failed: the run went on with each file analysed alone (as --no-project). */
  projectError?: string;
  /**
   * Files the project-wide pass could not analyse, each as `path: why`: each was analysed alone, and what it
   * gives its importers was not followed (the rest of the project was).
   */
  projectFailed?: string[];
  /** What the project-wide pass gave each connected file (to analyse one again the same way: --interactive). */
  views?: Map<string, ProjectView>;
}

/** Below this many files per worker, starting workers costs more than it saves. */
const MIN_FILES_PER_WORKER = 64;

/**
 * In-process, the event loop gets a turn (a signal, a progress bar, a module the output loads) at least this
 * often (milliseconds): a callback given results meanwhile may be waiting for it.
 */
const YIELD_AFTER_MS = 10;

/** What tests can give a run beside its options. */
export interface InternalOptions {
  /** The script worker threads run (default: worker.js beside this module). */
  workerUrl?: URL;
  /** Worker threads' heap limits (default: workerLimits()). */
  workerLimits?: HeapLimits;
}

/** What a worker thread's heap may grow to (Node's ResourceLimits, megabytes). */
export interface HeapLimits {
  maxYoungGenerationSizeMb?: number;
  maxOldGenerationSizeMb?: number;
}

export async function run(
  paths: string[],
  options: RunOptions = {},
  internal: InternalOptions = {},
): Promise<RunResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  if (options.signal?.aborted) return { results: [], seconds: seconds(), interrupted: true };
  // The run's own stop: the caller's signal, or a callback that failed
  const stop = new AbortController();
  const forward = () => stop.abort();
  options.signal?.addEventListener('abort', forward, { once: true });
  try {
    return await runStoppable(paths, options, internal, stop, seconds);
  } finally {
    options.signal?.removeEventListener('abort', forward);
  }
}

async function runStoppable(
  paths: string[],
  options: RunOptions,
  internal: InternalOptions,
  stop: AbortController,
  seconds: () => number,
): Promise<RunResult> {
  const setup = await prepare(options, internal, stop.signal);
  // Results in path order, handed to the caller's callback (or kept for the caller) as soon as they can be
  const results: FileResult[] = [];
  let failure: { error: unknown } | undefined;
  const order = new PathOrder((result) => {
    if (failure) return;
    try {
      if (options.onResult) options.onResult(result);
      else results.push(result);
    } catch (error) {
      failure = { error };
      stop.abort();
    }
  });
  const settle = (index: number, result: FileResult) => order.settle(index, result);
  // A directory may hold many files: workers boot while this thread walks, and one of them loads the
  // pipeline (the other core is free meanwhile); they are let go if the walk finds few files
  const early =
    setup.pooled && setup.maxJobs > 1 && paths.some((p) => isDirectory(p, options.cwd))
      ? startEarly(setup)
      : [];
  // Files found are held back until there are enough for every early worker; then the pool starts on them
  // and takes the rest as the walk finds them. A walk that finds fewer runs as before (execute).
  const held: string[] = [];
  let pool: Pool | undefined;
  let pooled: Promise<Outcome> | undefined;
  // The project-wide pass needs every file before any is processed: then the pool starts after the walk
  const project = options.project !== false && paths.some((p) => isDirectory(p, options.cwd));
  const onFile = (file: string) => {
    if (pool) return pool.add(file);
    held.push(file);
    if (early.length && held.length >= early.length * MIN_FILES_PER_WORKER) {
      // for the project pass, gated: the files are scanned while the walk goes on, processed after it
      pool = new Pool(held, settle, setup, early.length, early, true, {}, project);
      pooled = pool.run();
    }
  };
  let walked: Awaited<ReturnType<typeof collectFiles>>;
  try {
    walked = await collectFiles(paths, { ...options, onFile });
  } catch (err) {
    // Nothing more is started: the files found so far are not to be written for a run that failed
    pool?.interrupt();
    await pooled?.catch(() => undefined);
    for (const h of early) h.retire();
    throw err;
  }
  pool?.end();
  // Every file is known: results can go out in path order (a pool started during the walk numbered its files
  // in the order found, a run started after it in the walk's sorted order)
  const walkErrors = walked.errors.map((e) => errorResult(e.path, e.message));
  const ordering = {
    position: order.start(pool ? held : walked.files, walkErrors),
    frontier: () => order.frontier,
  };
  pool?.ordered(ordering); // it takes the files to process in path order from now on
  const planned = project ? await planProjectRun(paths, walked.files, setup, pool) : {};
  const { views, projectError, projectFailed } = planned;
  const { interrupted } = await (pooled ?? execute(walked.files, settle, ordering, setup, early, planned));
  order.finish();
  if (failure) throw failure.error;
  const { workerStartError } = setup;
  return {
    results,
    seconds: seconds(),
    ...(interrupted ? { interrupted } : {}),
    ...(workerStartError !== undefined ? { workerStartError } : {}),
    ...(projectError !== undefined ? { projectError } : {}),
    ...(projectFailed ? { projectFailed } : {}),
    ...(views ? { views } : {}),
  };
}

async function execute(
  files: string[],
  settle: Settle,
  ordering: Ordering,
  setup: Setup,
  early: WorkerHandle[],
  planned: Planned,
): Promise<Outcome> {
  const jobs = Math.max(1, Math.min(setup.maxJobs, Math.ceil(files.length / MIN_FILES_PER_WORKER)));
  if (jobs > 1 && setup.pooled && !setup.signal?.aborted) {
    const pool = new Pool(files, settle, setup, jobs, early, false, planned);
    pool.ordered(ordering);
    return pool.run();
  }
  for (const h of early) h.retire();
  if (setup.signal?.aborted) return { interrupted: true };
  return inProcess(files, settle, new FileWork(setup.workerOptions, setup.transforms), setup, planned);
}

async function inProcess(
  files: string[],
  settle: Settle,
  work: FileWork,
  { onProgress, signal }: Setup,
  { views, done }: Planned,
): Promise<Outcome> {
  let turn = performance.now();
  for (const [index, file] of files.entries()) {
    // Scanning alone, or the pipeline's synchronous work, never gives the event loop a turn
    if (performance.now() - turn >= YIELD_AFTER_MS) {
      await new Promise((r) => setImmediate(r));
      turn = performance.now();
    }
    if (signal?.aborted) return { interrupted: true };
    settle(index, done?.get(file) ?? (await work.file(file, views?.get(file))));
    onProgress?.(index + 1, files.length);
  }
  return { interrupted: false };
}

function isDirectory(p: string, cwd: string | undefined): boolean {
  try {
    return fs.statSync(cwd ? path.resolve(cwd, p) : p).isDirectory();
  } catch {
    return false;
  }
}
