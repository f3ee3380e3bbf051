// The loop over files: walk the paths, process every file, and give results in path order whatever the
// scheduling, each as soon as every path before it is done (to the caller's onResult, so that a run of any size
// holds only the results that wait for an earlier file; or all of them at the end). One code path (worker.ts)
// does the per-file work, in worker threads for many files and in this thread for few (or --jobs 1). With
// workers each file goes through two steps:
//
// 1. scan: workers read every file once, in chunks, and settle the files that never mention ftplib (the
//    prefilter: most of a large tree, at the speed of reading it);
// 2. process: the files that do mention it go through the full pipeline, in path order (so that each result
//    goes out, and is dropped, soon after it is done), the largest of the next few first (so one big file is
//    not left for the end while the other workers wait), at most two in flight per worker.
//
// Both overlap the walk: once a directory walk has found enough files for the workers, they scan the files
// found while this thread goes on walking, and process what they find.
//
// With the project-wide pass (src/project/) the scan also notes each file's import lines, and processing
// waits for the plan, which needs every file scanned: files it cannot give a view to are processed as soon
// as it knows which, the connected modules it processed itself are settled with its results, the rest after.
//
// Stopping (options.signal, SIGINT in the CLI): no file is started after the signal, files in flight finish
// (so a file is written whole or not at all), and the run resolves with the results it has, `interrupted`.
// One file's failure, even one that crashes a worker, is an error result for that file; the run goes on.
// A crashed worker is replaced while there is work left (its file is never retried, so this ends). A worker
// that cannot start is not replaced: the run goes on with those that did, or in this thread when none did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { materialize, selectTransforms, type TransformSelection } from './load-transforms.js';
import { DEFAULT_MAX_FILE_SIZE, unchangedResult } from './prefilter.js';
import type { Processed, ProcessOptions } from './process-file.js';
import type { FileImports } from './project/imports.js';
import type { ProjectPlan } from './project/plan.js';
import type { ProjectView } from './project/types.js';
import type { FileResult, Transform } from './types.js';
import { collectFiles, type WalkOptions } from './walk.js';
import { errorResult, oneLine } from './errors.js';
import { PathOrder } from './path-order.js';
import {
  answer as answerRequest,
  FileWork,
  WORKER_MARK,
  type FromWorker,
  type ToWorker,
  type WorkerOptions,
} from './worker.js';

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
/** Files per scan request: a few milliseconds of reading, few enough messages. */
const SCAN_CHUNK = 256;
/** Requests a worker holds at once: the next is there as soon as it finishes one. */
const DEPTH = 2;
/**
 * Files to process are taken, the largest first, from the next this many places in path order: a result done
 * ahead of an earlier file waits for it, so this bounds how many wait (with the files in flight).
 */
const WINDOW = 16;
/**
 * At most this many processed files are started ahead of the first result not out yet: a bound on the results
 * waiting for an earlier file, whatever a slow file or the system's scheduling does (takeNext). Counted in
 * processed files, not places: the files the scan settled between two of them weigh nothing.
 */
const AHEAD = 64;
/**
 * In-process, the event loop gets a turn (a signal, a progress bar, a module the output loads) at least this
 * often (milliseconds): a callback given results meanwhile may be waiting for it.
 */
const YIELD_AFTER_MS = 10;
const WORKER_URL = new URL('./worker.js', import.meta.url);

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

/** Where the pool and the in-process loop put each file's result, by the file's index. */
type Settle = (index: number, result: FileResult) => void;

/** Path order, once every file is known. */
interface Ordering {
  /** Each file's place in path order, by index. */
  position: Int32Array;
  /** The place of the first file whose result has not gone out yet. */
  frontier: () => number;
}

/** The project pass's outcome for the run. */
interface Planned {
  /** Each connected file's view. */
  views?: Views;
  /** Connected modules the plan processed as their views would: their results (written, with --write). */
  done?: Map<string, FileResult>;
  /** Why the plan failed (then there are no views). */
  projectError?: string;
  /** The files it could not analyse (`path: why`). */
  projectFailed?: string[];
}

/**
 * The project-wide pass of a run. With a gated pool (started during the walk), the workers' scan found the
 * ftplib users and noted every file's imports: no user, no plan (a tree without ftplib costs nothing more);
 * the files the plan cannot reach are processed while it runs, and the pool is released when it is done. A
 * plan that fails leaves each file to be analysed alone: the run goes on, and says why (projectError).
 */
async function planProjectRun(
  paths: string[],
  files: string[],
  setup: Setup,
  pool: Pool | undefined,
): Promise<Planned> {
  // the plan's code loads and the parser starts as soon as the scan finds a user, while the scan goes on
  const code = (pool?.found ?? Promise.resolve(true)).then((found) => (found ? planCode() : undefined));
  code.catch(() => undefined); // (a run that returns before it is awaited)
  const planned: Planned = {};
  try {
    let imports: Map<string, FileImports> | undefined;
    if (pool) {
      const scan = await pool.scanned;
      if (scan.users.length === 0 || setup.signal?.aborted) return planned;
      imports = scan.imports;
    }
    const [{ planProject }, { BUILTIN_TRANSFORMS }] = (await code) ?? (await planCode());
    // the built-in transforms only: a module's summary is about ftplib, and a custom transform runs once per
    // file, in the workers, never here (so only without one does the plan's processing stand for the run's)
    const all = await setup.transforms();
    const transforms = all.filter((t) => BUILTIN_TRANSFORMS.includes(t));
    const result: ProjectPlan | undefined = await planProject(paths, files, {
      ...setup.workerOptions,
      transforms,
      signal: setup.signal,
      imports,
      onReach: pool && ((mayGetView, summarised) => pool.releaseSome(mayGetView, summarised)),
      reuse: transforms.length === all.length,
    }).catch((err: unknown) => {
      planned.projectError = oneLine(err);
      return undefined;
    });
    planned.views = result?.views;
    if (result?.failed) planned.projectFailed = result.failed;
    if (result?.processed?.size) planned.done = await written(result.processed, setup);
  } finally {
    pool?.release(planned.views, planned.done);
  }
  return planned;
}

/** What the project pass runs on; the parser started (a failure is the plan's to meet). */
function planCode() {
  return Promise.all([
    import('./project/plan.js'),
    import('../transforms/index.js'),
    import('./parser.js').then(({ initParser }) => initParser().catch(() => undefined)),
  ]);
}

/** The plan's processed modules, written with --write (those left once the run is stopped are not). */
async function written(processed: Map<string, Processed>, setup: Setup): Promise<Map<string, FileResult>> {
  const { writeProcessed } = await import('./process-file.js');
  const out = new Map<string, FileResult>();
  for (const [file, p] of processed) {
    if (setup.signal?.aborted) break;
    out.set(file, await writeProcessed(file, p, setup.workerOptions));
  }
  return out;
}

interface Setup {
  /** Loaded on first use: a run whose files never mention ftplib needs none of their code. */
  transforms: () => Promise<Transform[]>;
  workerOptions: WorkerOptions;
  /** --jobs, or the number of cores. */
  maxJobs: number;
  /** Worker threads can be used: compiled worker beside us, options that can cross into them. */
  pooled: boolean;
  onProgress: RunOptions['onProgress'];
  signal: AbortSignal | undefined;
  /** The stop flag the workers check before each file. */
  stop: SharedArrayBuffer;
  /** The script worker threads run. */
  workerUrl: URL;
  workerLimits: HeapLimits;
  /** A file that runs a worker out of heap is redone in this thread (roomToRedo). */
  roomToRedo: boolean;
  /** Why a worker thread could not start. Once set, the run starts no more: the next would fail the same way. */
  workerStartError?: string;
}

async function prepare(options: RunOptions, internal: InternalOptions, signal: AbortSignal): Promise<Setup> {
  // Checked once here first: a transform that cannot load is one clear error, not one per file
  const selected = await selectTransforms(options);
  let transforms: Promise<Transform[]> | undefined;
  // (`project` is the runner's flag: a file's project view is given per file, never as an option)
  const { onProgress, onResult: _onResult, signal: _signal, project: _project, ...rest } = options;
  const workerOptions: WorkerOptions = { ...rest, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  const limits = internal.workerLimits ?? workerLimits();
  return {
    transforms: () => (transforms ??= materialize(selected)),
    workerOptions,
    maxJobs: Math.max(1, options.jobs ?? os.availableParallelism()),
    pooled: workersAvailable() && cloneable(workerOptions),
    onProgress,
    signal,
    stop: new SharedArrayBuffer(4),
    workerUrl: internal.workerUrl ?? WORKER_URL,
    workerLimits: limits,
    roomToRedo: roomToRedo(limits),
  };
}

interface Outcome {
  /** Some files were not done (the run was stopped). */
  interrupted: boolean;
}

/** What the gated scan found: the files that mention ftplib (or could not be scanned), and each file's imports. */
interface Scan {
  users: string[];
  imports: Map<string, FileImports>;
}

/** The project pass's view of each connected file: those are processed whatever the prefilter says. */
type Views = Map<string, ProjectView> | undefined;

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

function startEarly(setup: Setup): WorkerHandle[] {
  const handles: WorkerHandle[] = [];
  // No more than there are cores before we know how many files there are
  const count = Math.min(setup.maxJobs, os.availableParallelism());
  for (let i = 0; i < count; i++) {
    const handle = tryStartWorker(setup);
    if (handle) handles.push(handle);
  }
  handles[0]?.send({ type: 'preload' });
  return handles;
}

function isDirectory(p: string, cwd: string | undefined): boolean {
  try {
    return fs.statSync(cwd ? path.resolve(cwd, p) : p).isDirectory();
  } catch {
    return false;
  }
}

/** `guess`: processed while the project pass runs, as if it gave the file no view (Pool.releaseSome). */
type Request =
  { kind: 'scan'; start: number; end: number } | { kind: 'process'; index: number; guess?: boolean };

/** What the pool hands requests to: a worker thread, or this thread when none can start. */
interface Handle {
  /** Requests sent and not answered, oldest first (requests are answered in order). */
  readonly outstanding: Request[];
  owner?: Owner;
  send(msg: ToWorker): void;
  retire(): void;
}

interface Owner {
  onMessage(handle: Handle, msg: FromWorker): void;
  /** The answer to the oldest outstanding request could not be read. */
  onMessageError(handle: Handle, err: unknown): void;
  onExit(handle: WorkerHandle, code: number): void;
}

/** A new worker thread, or undefined when one cannot start in this run. */
function tryStartWorker(setup: Setup): WorkerHandle | undefined {
  if (setup.workerStartError !== undefined) return undefined;
  try {
    return new WorkerHandle(setup);
  } catch (err) {
    setup.workerStartError = oneLine(err);
    return undefined;
  }
}

/** One worker thread and what the runner knows about it. */
class WorkerHandle implements Handle {
  readonly worker: Worker;
  /** It has started (sent 'ready'). */
  ready = false;
  exited = false;
  readonly outstanding: Request[] = [];
  error?: string;
  /** Terminated by us: its exit is no crash. */
  retiring = false;
  /** It stopped because its heap reached its limit (workerLimits). */
  outOfMemory = false;
  owner?: Owner;

  /** Throws when the thread cannot be created (tryStartWorker). */
  constructor(setup: Setup) {
    this.worker = startWorker(
      setup.workerUrl,
      { mark: WORKER_MARK, options: setup.workerOptions, stop: setup.stop },
      setup.workerLimits,
    );
    this.worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') this.ready = true;
      else this.owner?.onMessage(this, msg);
    });
    this.worker.on('messageerror', (err) => this.owner?.onMessageError(this, err));
    this.worker.on('error', (err) => {
      this.error ??= oneLine(err);
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') this.outOfMemory = true;
    });
    this.worker.on('exit', (code) => {
      this.exited = true;
      if (!this.ready && !this.retiring) setup.workerStartError ??= this.error ?? `exited with code ${code}`;
      this.owner?.onExit(this, code);
    });
  }

  send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  retire(): void {
    this.retiring = true;
    void this.worker.terminate();
  }
}

/**
 * Answers the pool's requests in this thread, with the code the workers run (FileWork), as serve() in
 * worker.ts does: the pool's last resort when no worker thread can start.
 */
class InThreadHandle implements Handle {
  readonly outstanding: Request[] = [];
  owner?: Owner;
  private readonly work: FileWork;
  private readonly stop: Int32Array;
  private retired = false;
  /** One request at a time, in order, as a worker answers them. */
  private answering = Promise.resolve();

  constructor(setup: Setup) {
    this.work = new FileWork(setup.workerOptions, setup.transforms);
    this.stop = new Int32Array(setup.stop);
  }

  send(msg: ToWorker): void {
    this.answering = this.answering.then(async () => {
      // A turn of the event loop before each request lets a signal (or a progress bar) in
      await new Promise((resolve) => setImmediate(resolve));
      if (this.retired) return;
      let answer: FromWorker | undefined;
      try {
        answer = await answerRequest(this.work, msg, this.stop);
      } catch (err) {
        this.owner?.onMessageError(this, err);
        return;
      }
      if (answer) this.owner?.onMessage(this, answer);
    });
  }

  retire(): void {
    this.retired = true;
  }
}

/** The worker pool of one run (see the top of this file for the two steps). */
class Pool implements Owner {
  private readonly handles = new Set<Handle>();
  private scanNext = 0;
  /**
   * Files the scan could not settle, with their sizes, waiting to be processed: sorted by path order, the next
   * last (takeNext). Before the walk is over, the order found stands in for path order.
   */
  private queue: { index: number; size: number }[] = [];
  private queueSorted = true;
  /** Each file's place in path order, once every file is known (ordered). */
  private position?: Int32Array;
  /** The place of the first result not out yet (ordered): no more than AHEAD files are started past it. */
  private frontier?: () => number;
  /** Places of the files started for processing whose results may not be out yet (takeNext's bound). */
  private readonly ahead = new Set<number>();
  /** takeNext held files back for the frontier: a result that moves it lets them go (feedAll). */
  private held = false;
  private done = 0;
  /** Workers that crashed after they started. */
  private crashes = 0;
  /** This thread, for the files that ran a worker out of heap (redoHere). */
  private heavy?: InThreadHandle;
  /** Every file is known: the walk is over (always, unless the pool takes files as the walk finds them). */
  private complete: boolean;
  private stopping = false;
  private finished = false;
  private resolve!: (outcome: Outcome) => void;
  /**
   * Gated (the project-wide pass): files are scanned but none is processed, and the files the scan does not
   * take are not settled, until release() gives the project views (those files may need processing too).
   */
  private released: boolean;
  private views?: Views;
  /** Files the project pass processed already: settled with its result. */
  private planned?: Map<string, FileResult>;
  /** Gated: what the scan left unsettled (no ftplib in them), and what it found to process (paths). */
  private readonly unsettled: number[] = [];
  private readonly candidates: string[] = [];
  /** Gated: files to process held until the project pass says whether it has a view for them. */
  private waiting: { index: number; size: number }[] = [];
  /**
   * Gated, while the plan runs: held files processed meanwhile as if they got no view (in path order, on
   * one core: the plan has the other), their results kept for release() to take or drop (at most WINDOW).
   */
  private guesses: { index: number; size: number }[] = [];
  private readonly guessed = new Map<number, FileResult>();
  private readonly guessing = new Set<number>();
  /** Gated: what the scan noted of each file it read, for the project pass. */
  private readonly imports = new Map<string, FileImports>();
  private scansOut = 0;
  private whenScanned?: (scan: Scan) => void;
  private whenFound?: (found: boolean) => void;
  /** Gated: resolves once every file is scanned (no user when stopped). */
  readonly scanned: Promise<Scan>;
  /** Gated: resolves once the scan finds a file that mentions ftplib (false: it found none, or stopped). */
  readonly found: Promise<boolean>;

  constructor(
    /** The files, in the order given; a pool started during the walk is given more with add(). */
    private readonly files: string[],
    /** Where each file's result goes, as it is known. */
    private readonly onSettled: Settle,
    private readonly setup: Setup,
    private readonly jobs: number,
    private readonly early: WorkerHandle[],
    walking = false,
    planned: Planned = {},
    gated = false,
  ) {
    this.complete = !walking;
    this.views = planned.views;
    this.planned = planned.done;
    this.released = !gated;
    this.scanned = new Promise((resolve) => (this.whenScanned = resolve));
    this.found = new Promise((resolve) => (this.whenFound = resolve));
  }

  /**
   * Gated: the files to process that the project pass cannot give a view are processed now, alone; in a run
   * that writes nothing, the others too, as a guess, but those it processes itself (`summarised`).
   */
  releaseSome(mayGetView: (file: string) => boolean, summarised: ReadonlySet<string>): void {
    if (this.released || this.finished) return;
    const held = this.waiting;
    this.waiting = [];
    for (const item of held) {
      const file = this.files[item.index];
      if (!mayGetView(file)) this.queue.push(item);
      else {
        this.waiting.push(item);
        // (with --write a guess the plan overrules would have written the file)
        if (!this.setup.workerOptions.write && !summarised.has(file)) this.guesses.push(item);
      }
    }
    this.queueSorted = false;
    // in path order, the next last: their results go out as soon as the plan is done
    this.guesses.sort((a, b) => this.place(b.index) - this.place(a.index));
    this.feedAll();
  }

  /**
   * Gated: processing may begin; `views` are the project pass's, for files the scan did not take, and `done`
   * the files it processed already.
   */
  release(views: Views, done?: Map<string, FileResult>): void {
    if (this.released || this.finished) return;
    this.released = true;
    this.views = views;
    this.planned = done;
    this.guesses = [];
    for (const { index, size } of this.waiting.splice(0)) {
      const guess = this.guessed.get(index);
      // a guess stands for a file the plan gave no view; one still out is taken when it comes
      if (views?.has(this.files[index]) || (!guess && !this.guessing.has(index))) this.take(index, size);
      else if (guess) this.settle(index, guess);
    }
    for (const i of this.unsettled.splice(0))
      if (views?.has(this.files[i])) this.take(i, 0);
      else this.settle(i, unchangedResult(this.files[i]));
    this.feedAll();
  }

  /** A file to process: queued, or settled with the result the project pass has for it. */
  private take(index: number, size: number): void {
    const result = this.planned?.get(this.files[index]);
    if (result) this.settle(index, result);
    else this.enqueue(index, size);
  }

  private checkScanned(): void {
    if (this.released || !this.whenScanned) return;
    if (this.complete && this.scanNext >= this.files.length && this.scansOut === 0) {
      this.whenScanned({ users: this.candidates, imports: this.imports });
      this.whenScanned = undefined;
      this.whenFound?.(this.candidates.length > 0);
    }
  }

  run(): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      const { signal } = this.setup;
      const onAbort = () => this.interrupt();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.resolve = (outcome) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      // Workers started early (the first one has the pipeline loading), then new ones up to `jobs` (feedAll)
      const early = this.early.filter((h) => !h.exited);
      for (const h of early.slice(this.jobs)) h.retire();
      for (const h of early.slice(0, this.jobs)) this.adopt(h);
      // Started during the walk, the pool may come after the signal: then it starts no file
      if (signal?.aborted) this.interrupt();
      this.feedAll();
    });
  }

  /** One more file found by the walk. */
  add(file: string): void {
    this.files.push(file);
    if (this.files.length - this.scanNext >= SCAN_CHUNK) this.feedAll();
  }

  /** The walk is over: no file will be added. */
  end(): void {
    if (this.complete) return;
    this.complete = true;
    this.feedAll();
    this.endWalk();
  }

  private adopt(handle: Handle): void {
    this.handles.add(this.ownedBy(handle));
  }

  private ownedBy<H extends Handle>(handle: H): H {
    handle.owner = this;
    return handle;
  }

  /** Work for every worker, round by round: the two largest files go to two workers, not both to one. */
  private feedAll(): void {
    if (this.finished) return;
    this.held = false;
    this.startWorkers();
    for (let depth = 1; depth <= DEPTH; depth++) for (const h of [...this.handles]) this.feed(h, depth);
    this.maybeFinish();
  }

  /**
   * Up to `jobs` workers while there is work to hand out (so a crashed one is replaced); when none can be
   * started and none is left, this thread does the work.
   */
  private startWorkers(): void {
    while (this.handles.size < this.jobs && !this.stopping && this.hasWork()) {
      const handle = this.tooManyCrashes() ? undefined : tryStartWorker(this.setup);
      if (handle) this.adopt(handle);
      else {
        if (this.handles.size === 0) this.adopt(new InThreadHandle(this.setup));
        return;
      }
    }
  }

  /**
   * A bound on replacements whatever crashes the workers: a crash at work costs a file its result (or a scan
   * chunk its scan), so workers that crash more often than there are files crash on their own.
   */
  private tooManyCrashes(): boolean {
    return this.crashes > this.files.length;
  }

  /** Gives a worker work until it holds `depth` requests or there is none to give. */
  private feed(handle: Handle, depth = DEPTH): void {
    if (handle === this.heavy) return; // it takes only the files redoHere gives it
    while (!this.stopping && !this.finished && handle.outstanding.length < depth) {
      let msg: ToWorker;
      // A file to process goes to a worker not processing one yet: done while the walk and the scan go on, the
      // big files are not all left for the end. Otherwise scan, in whole chunks while the walk goes on.
      const unscanned = this.files.length - this.scanNext;
      const scannable = unscanned >= SCAN_CHUNK || (this.complete && unscanned > 0);
      const processing = handle.outstanding.some((r) => r.kind === 'process');
      const index = this.queue.length && (!processing || !scannable) ? this.takeNext() : undefined;
      if (index !== undefined) {
        handle.outstanding.push({ kind: 'process', index });
        const file = this.files[index];
        const project = this.views?.get(file);
        msg = { type: 'process', index, file, ...(project ? { project } : {}) };
      } else if (
        this.guesses.length &&
        !this.released &&
        !processing &&
        this.guessing.size < Math.max(1, this.jobs - 1) &&
        // their results wait for release(): a bound on them too
        this.guessed.size + this.guessing.size < WINDOW
      ) {
        const { index } = this.guesses.pop()!;
        this.guessing.add(index);
        handle.outstanding.push({ kind: 'process', index, guess: true });
        msg = { type: 'process', index, file: this.files[index] };
      } else if (scannable) {
        const start = this.scanNext;
        const end = Math.min(this.files.length, start + SCAN_CHUNK);
        this.scanNext = end;
        handle.outstanding.push({ kind: 'scan', start, end });
        this.scansOut++;
        msg = { type: 'scan', start, files: this.files.slice(start, end) };
        if (!this.released) msg.imports = true;
      } else break;
      handle.send(msg);
    }
  }

  /** Every file is known: from now on the files to process are taken in path order. */
  ordered({ position, frontier }: Ordering): void {
    this.position = position;
    this.frontier = frontier;
    this.queueSorted = false;
  }

  /** A file's place in path order (before the walk is over, in the order found). */
  private place(index: number): number {
    return this.position ? this.position[index] : index;
  }

  /**
   * The largest of the files within WINDOW places after the next one in path order: results go out in path
   * order, so a file done far ahead of the others would wait, its result held meanwhile; among the next few,
   * the largest first still keeps one big file from being left for the end while the other workers wait.
   * The next one is taken once it is the largest left there, after fewer than WINDOW others. Once AHEAD files
   * are started past the first result not out yet (a slow file, a thread the system put aside), only that
   * first file itself is: then fewer than AHEAD processed results wait, whatever the scheduling.
   */
  private takeNext(): number | undefined {
    const { queue } = this;
    if (!this.queueSorted) {
      queue.sort((a, b) => this.place(b.index) - this.place(a.index));
      this.queueSorted = true;
    }
    const first = this.place(queue[queue.length - 1].index);
    let end = first + WINDOW;
    if (this.frontier) {
      const frontier = this.frontier();
      for (const place of this.ahead) if (place < frontier) this.ahead.delete(place);
      if (this.ahead.size >= AHEAD) end = first === frontier ? first + 1 : first;
    }
    let best = -1;
    for (let k = queue.length - 1; k >= 0 && this.place(queue[k].index) < end; k--)
      if (best < 0 || queue[k].size > queue[best].size) best = k;
    if (best < 0) {
      this.held = true;
      return undefined;
    }
    const { index } = queue.splice(best, 1)[0];
    if (this.frontier) this.ahead.add(this.place(index));
    return index;
  }

  private enqueue(index: number, size: number): void {
    if (!this.released) return void this.waiting.push({ index, size });
    this.queue.push({ index, size });
    this.queueSorted = false;
  }

  onMessage(handle: Handle, msg: FromWorker): void {
    const req = handle.outstanding.shift();
    if (msg.type === 'scanned' && req?.kind === 'scan') {
      this.scansOut--;
      msg.imports?.forEach((noted, k) => noted && this.imports.set(this.files[req.start + k], noted));
      let c = 0;
      for (let i = req.start; i < req.end; i++) {
        if (c < msg.candidates.length && msg.candidates[c] === i) {
          this.take(i, msg.sizes[c]);
          if (!this.released) this.candidates.push(this.files[i]);
          c++;
        } else if (!this.released) this.unsettled.push(i);
        else if (this.views?.has(this.files[i])) this.take(i, 0);
        else this.settle(i, unchangedResult(this.files[i]));
      }
      if (this.candidates.length) this.whenFound?.(true);
      this.checkScanned();
      // New files to process: any worker may take them
      this.feedAll();
      return;
    }
    if (msg.type === 'result') {
      const result = msg.same ? { ...msg.result, after: msg.result.before } : msg.result;
      if (req?.kind === 'process' && req.guess) this.guessDone(req.index, result);
      else this.settle(msg.index, result);
    } else if (req?.kind === 'process' && req.guess) this.guessing.delete(req.index);
    // 'dropped': stopped before it started; nothing to record
    if (this.held)
      this.feedAll(); // the frontier may have moved: files held back for it may go
    else this.feed(handle);
    this.maybeFinish();
  }

  /** A guess's result: kept until release(), then taken unless the file got a view (processed again then). */
  private guessDone(index: number, result: FileResult): void {
    this.guessing.delete(index);
    if (!this.released) this.guessed.set(index, result);
    else if (!this.views?.has(this.files[index])) this.settle(index, result);
  }

  onMessageError(handle: Handle, err: unknown): void {
    const req = handle.outstanding.shift();
    const why = oneLine(err);
    if (req) this.unanswered(req, `internal error: an answer from a worker could not be read: ${why}`);
    this.feedAll();
  }

  private settle(index: number, result: FileResult): void {
    this.done++;
    this.onSettled(index, result);
    this.setup.onProgress?.(this.done, this.files.length);
  }

  /** A worker that stopped: ours (retiring), one that never started, or a crash. */
  onExit(handle: WorkerHandle, code: number): void {
    this.handles.delete(handle);
    if (handle.retiring || this.finished) return;
    if (!handle.ready) {
      // It started on none of its requests: no file is to blame (and tryStartWorker starts no more)
      for (const req of handle.outstanding) this.handOut(req);
    } else {
      this.crashes++;
      // The request it was on is the one that crashed it; the others it held are handed out again
      const [current, ...rest] = handle.outstanding;
      const why = handle.error ?? `exited with code ${code}`;
      if (current?.kind === 'process' && handle.outOfMemory && this.setup.roomToRedo) this.redoHere(current);
      else if (current) this.unanswered(current, `crashed a worker thread: ${why}`);
      for (const req of rest) this.handOut(req);
    }
    // Also what finishes: the crashed file may have been the last, with no worker left
    this.feedAll();
  }

  /**
   * A file whose processing ran a worker out of heap (its limit is workerLimits'): processed again in this
   * thread, whose heap is V8's own (or the user's --max-old-space-size), one such file at a time.
   */
  private redoHere(req: Request & { kind: 'process' }): void {
    this.heavy ??= this.ownedBy(new InThreadHandle(this.setup));
    this.heavy.outstanding.push(req);
    const file = this.files[req.index];
    const project = req.guess ? undefined : this.views?.get(file);
    this.heavy.send({ type: 'process', index: req.index, file, ...(project ? { project } : {}) });
  }

  /**
   * A request that gets no answer: a file to process is an error result, never retried (so a file that would
   * crash every worker crashes one); a scan chunk's files are processed one by one, which isolates the one at
   * fault.
   */
  private unanswered(req: Request, error: string): void {
    if (req.kind === 'scan') return this.handOut(req);
    // a guess that crashed: what processing the file alone gives (never retried, unless it gets a view)
    if (req.guess) return this.guessDone(req.index, errorResult(this.files[req.index], error));
    const file = this.files[req.index];
    this.settle(req.index, errorResult(file, error));
  }

  /** A request not started, for another worker: a file to process goes first, a scan chunk file by file. */
  private handOut(req: Request): void {
    if (req.kind === 'process' && req.guess) {
      this.guessing.delete(req.index);
      if (!this.released) this.guesses.push({ index: req.index, size: Number.MAX_SAFE_INTEGER });
      else if (!this.views?.has(this.files[req.index])) this.take(req.index, Number.MAX_SAFE_INTEGER);
      return;
    }
    if (req.kind === 'process') return this.enqueue(req.index, Number.MAX_SAFE_INTEGER);
    for (let i = req.start; i < req.end; i++) this.enqueue(i, 0);
    // a scan chunk's files are processed one by one instead; for the project pass they are found files
    // (it checks each for ftplib itself)
    this.scansOut--;
    if (!this.released) for (let i = req.start; i < req.end; i++) this.candidates.push(this.files[i]);
    this.checkScanned();
  }

  /** The walk is over: a gated pool may have scanned everything already. */
  private endWalk(): void {
    this.checkScanned();
  }

  private hasWork(): boolean {
    return this.scanNext < this.files.length || this.queue.length > 0;
  }

  interrupt(): void {
    if (this.stopping || this.finished) return;
    this.stopping = true;
    this.whenScanned?.({ users: [], imports: this.imports });
    this.whenScanned = undefined;
    this.whenFound?.(false);
    Atomics.store(new Int32Array(this.setup.stop), 0, 1);
    this.maybeFinish();
  }

  private maybeFinish(): void {
    if (this.finished) return;
    if (!this.released && !this.stopping) return; // the project pass has not said what to process
    for (const h of this.handles) if (h.outstanding.length) return;
    if (this.heavy?.outstanding.length) return;
    const all = this.complete && this.done === this.files.length;
    if (!all && !this.stopping) return; // more to come from the walk, or from workers still to be fed
    this.finished = true;
    for (const h of this.handles) h.retire();
    this.heavy?.retire();
    this.resolve({ interrupted: !all });
  }
}

/** Options must cross into the workers as data (a Transform object or a callback cannot). */
function cloneable(options: WorkerOptions): boolean {
  try {
    structuredClone(options);
    return true;
  } catch {
    return false;
  }
}

/** The Node options workers start with: the parent's, less those a worker cannot take (found on the first). */
let execArgv: string[] | undefined;

/**
 * A worker's heap. The young generation: V8's default (32 MB of semi-spaces here) lets each worker's heap grow
 * by tens of megabytes of garbage over a long run; 24 MB keeps the run's peak memory flat for no measurable
 * time (all-match tree, peak RSS: 8,000 files 238-257 -> 202-211 MB, 20,000 files 265-325 -> 218-224 MB). The
 * old generation: V8 lets a heap grow to four times what it kept at its last full collection when the heap
 * may grow past 2 GB, and less below that; the pipeline keeps a few megabytes between files, so a lower
 * ceiling is the same work with less garbage waiting (see WORKER_OLD_MB). A file that needs more than the
 * ceiling runs its worker out of heap and is done again in this thread (Pool.redoHere), when this thread has
 * room for it (roomToRedo).
 */
function workerLimits(): HeapLimits {
  // never more than this thread has (`node --max-old-space-size=64 ftptls ...` is obeyed by the workers too)
  return { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: Math.min(WORKER_OLD_MB, ownHeapMb()) };
}

/** This thread's heap limit, megabytes. */
function ownHeapMb(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
}

/**
 * Whether this thread has much more heap than a worker: only then is a file that ran a worker out of heap
 * worth redoing here (with no more, it would run this thread out of heap too, and end the whole run).
 */
function roomToRedo(limits: HeapLimits): boolean {
  const worker = limits.maxOldGenerationSizeMb;
  return worker !== undefined && ownHeapMb() >= 1.5 * worker;
}

/**
 * Peak RSS, 2,000 files of the bench's all-match tree (dry run, both cores, three interleaved runs): V8's own
 * ceiling 258-278 MB, 1,024 MB 195-213 MB (512 MB: 190-201 MB), for about 5% more CPU time (more full
 * collections, each of a small heap). The pipeline's largest need, a 5 MB file (--max-file-size) with a site
 * on every other line, is about 460 MB; past the ceiling a file is redone in this thread.
 */
const WORKER_OLD_MB = 1024;

function startWorker(url: URL, workerData: unknown, limits: HeapLimits): Worker {
  execArgv ??= workerExecArgv();
  const resourceLimits = limits;
  try {
    return new Worker(url, { workerData, execArgv, resourceLimits });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
    // V8 and process-wide options (`node --max-old-space-size=4096 ftptls ...`) apply to workers anyway;
    // Node names the ones it refuses: "... invalid execArgv flags: --a, --b"
    const refused = new Set((err as Error).message.replace(/^[^:]*:\s*/, '').split(', '));
    execArgv = execArgv.filter((a) => !refused.has(a));
    return new Worker(url, { workerData, execArgv, resourceLimits });
  }
}

/**
 * The parent's Node options, less those a worker refuses or that are about the parent's own input (a script
 * run as `node --input-type=module -e ...` would otherwise get no worker at all).
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--input-type=')) continue;
    if (['--input-type', '-e', '--eval', '-p', '--print'].includes(a)) {
      i++; // and its value
      continue;
    }
    out.push(a);
  }
  return out;
}

function workersAvailable(): boolean {
  // Under a TypeScript test runner this module is src/runner.ts and there is no compiled worker beside it
  return fs.existsSync(fileURLToPath(WORKER_URL));
}
