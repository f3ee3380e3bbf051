// The loop over files: walk the paths, process every file, and return results in path order whatever the
// scheduling. One code path (worker.ts) does the per-file work, in worker threads for many files and in this
// thread for few (or --jobs 1). With workers the run has two phases:
//
// 1. scan: workers read every file once, in chunks, and settle the files that never mention ftplib (the
//    prefilter: most of a large tree, at the speed of reading it);
// 2. process: the files that do mention it go through the full pipeline, largest first (so one big file is
//    not left for the end while the other workers wait), at most two in flight per worker.
//
// Stopping (options.signal, SIGINT in the CLI): no file is started after the signal, files in flight finish
// (so a file is written whole or not at all), and the run resolves with the results it has, `interrupted`.
// One file's failure, even one that crashes a worker, is an error result for that file; the run goes on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadTransforms, type TransformSelection } from './load-transforms.js';
import { unchangedResult } from './prefilter.js';
import { DEFAULT_MAX_FILE_SIZE, type ProcessOptions } from './process-file.js';
import type { FileResult, Transform } from './types.js';
import { collectFiles, type WalkOptions } from './walk.js';
import {
  FileWork,
  oneLine,
  WORKER_MARK,
  type FromWorker,
  type ToWorker,
  type WorkerOptions,
} from './worker.js';

export interface RunOptions extends ProcessOptions, TransformSelection, WalkOptions {
  /** Worker threads; default: the number of cores. 1 runs everything in this thread. */
  jobs?: number;
  /** Called as files finish (any order), e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Stops the run: no file is started once it is aborted, files being processed finish (and are written
   * whole), and the run resolves with the results of the files done, `interrupted: true`.
   */
  signal?: AbortSignal;
}

export interface RunResult {
  /** Sorted by path. After an interrupt: only the files that were done. */
  results: FileResult[];
  seconds: number;
  /** The signal stopped the run before every file was done. */
  interrupted?: boolean;
}

/** Below this many files per worker, starting workers costs more than it saves. */
const MIN_FILES_PER_WORKER = 64;
/** Files per scan request: a few milliseconds of reading, few enough messages. */
const SCAN_CHUNK = 256;
/** Requests a worker holds at once: the next is there as soon as it finishes one. */
const DEPTH = 2;
/** In-process, the event loop gets a turn (a signal, a progress bar) at least this often (files). */
const YIELD_EVERY = 256;
const WORKER_URL = new URL('./worker.js', import.meta.url);

export async function run(paths: string[], options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  if (options.signal?.aborted) return { results: [], seconds: seconds(), interrupted: true };
  const setup = await prepare(options);
  // A directory may hold many files: workers boot while this thread walks, and one of them loads the
  // pipeline (the other core is free meanwhile); they are let go if the walk finds few files
  const early =
    setup.pooled && setup.maxJobs > 1 && paths.some((p) => isDirectory(p, options.cwd))
      ? startEarly(setup)
      : [];
  let walked: Awaited<ReturnType<typeof collectFiles>>;
  try {
    walked = await collectFiles(paths, options);
  } catch (err) {
    for (const h of early) h.retire();
    throw err;
  }
  const walkErrors: FileResult[] = walked.errors.map((e) => ({
    path: e.path,
    status: 'error',
    before: '',
    after: '',
    findings: [],
    error: e.message,
  }));
  const { results, interrupted } = await execute(walked.files, setup, early);
  const done = results.filter((r): r is FileResult => r !== undefined);
  const all = [...done, ...walkErrors].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { results: all, seconds: seconds(), ...(interrupted ? { interrupted } : {}) };
}

/** Processes files and returns their results in the order given (after an interrupt, only those done). */
export async function processFiles(files: string[], options: RunOptions = {}): Promise<FileResult[]> {
  const { results } = await execute(files, await prepare(options), []);
  return results.filter((r): r is FileResult => r !== undefined);
}

interface Setup {
  transforms: Transform[];
  workerOptions: WorkerOptions;
  /** --jobs, or the number of cores. */
  maxJobs: number;
  /** Worker threads can be used: compiled worker beside us, options that can cross into them. */
  pooled: boolean;
  onProgress: RunOptions['onProgress'];
  signal: AbortSignal | undefined;
  /** The stop flag the workers check before each file. */
  stop: SharedArrayBuffer;
}

async function prepare(options: RunOptions): Promise<Setup> {
  // Load once here first: a transform that cannot load is one clear error, not one per file
  const transforms = await loadTransforms(options);
  const { onProgress, signal, ...rest } = options;
  const workerOptions: WorkerOptions = { ...rest, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  return {
    transforms,
    workerOptions,
    maxJobs: Math.max(1, options.jobs ?? os.availableParallelism()),
    pooled: workersAvailable() && cloneable(workerOptions),
    onProgress,
    signal,
    stop: new SharedArrayBuffer(4),
  };
}

interface Outcome {
  /** By index into the files; undefined for a file not done (interrupted). */
  results: (FileResult | undefined)[];
  interrupted: boolean;
}

async function execute(files: string[], setup: Setup, early: WorkerHandle[]): Promise<Outcome> {
  const jobs = Math.max(1, Math.min(setup.maxJobs, Math.ceil(files.length / MIN_FILES_PER_WORKER)));
  if (jobs > 1 && setup.pooled && !setup.signal?.aborted) return new Pool(files, setup, jobs, early).run();
  for (const h of early) h.retire();
  if (setup.signal?.aborted) return { results: [], interrupted: true };
  return inProcess(files, new FileWork(setup.workerOptions, setup.transforms), setup);
}

async function inProcess(files: string[], work: FileWork, { onProgress, signal }: Setup): Promise<Outcome> {
  const results: FileResult[] = [];
  for (const file of files) {
    // Scanning alone never gives the event loop a turn: let a signal in now and then
    if (results.length % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
    if (signal?.aborted) return { results, interrupted: true };
    results.push(await work.file(file));
    onProgress?.(results.length, files.length);
  }
  return { results, interrupted: false };
}

function startEarly(setup: Setup): WorkerHandle[] {
  const handles: WorkerHandle[] = [];
  // No more than there are cores before we know how many files there are
  const count = Math.min(setup.maxJobs, os.availableParallelism());
  for (let i = 0; i < count; i++) handles.push(new WorkerHandle(setup));
  handles[0].send({ type: 'preload' });
  return handles;
}

function isDirectory(p: string, cwd: string | undefined): boolean {
  try {
    return fs.statSync(cwd ? path.resolve(cwd, p) : p).isDirectory();
  } catch {
    return false;
  }
}

type Request = { kind: 'scan'; start: number; end: number } | { kind: 'process'; index: number };

interface Owner {
  onMessage(handle: WorkerHandle, msg: FromWorker): void;
  onExit(handle: WorkerHandle, code: number): void;
}

/** One worker thread and what the runner knows about it. */
class WorkerHandle {
  readonly worker: Worker;
  /** It has started (sent 'ready'). */
  ready = false;
  exited = false;
  /** Requests sent and not answered, oldest first (a worker answers in order). */
  readonly outstanding: Request[] = [];
  error?: string;
  /** Terminated by us: its exit is no crash. */
  retiring = false;
  owner?: Owner;

  constructor(setup: Setup) {
    this.worker = new Worker(WORKER_URL, {
      workerData: { mark: WORKER_MARK, options: setup.workerOptions, stop: setup.stop },
      execArgv: workerExecArgv(),
    });
    this.worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') this.ready = true;
      else this.owner?.onMessage(this, msg);
    });
    this.worker.on('error', (err) => (this.error ??= oneLine(err)));
    this.worker.on('exit', (code) => {
      this.exited = true;
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

/** The worker pool of one run (see the top of this file for the two phases). */
class Pool implements Owner {
  private readonly results: (FileResult | undefined)[];
  private readonly handles = new Set<WorkerHandle>();
  private scanNext = 0;
  /** Files the scan could not settle, with their sizes; sorted into `queue` when the scan is complete. */
  private found: { index: number; size: number }[] = [];
  private queue: number[] | undefined;
  private done = 0;
  private stopping = false;
  private finished = false;
  private resolve!: (outcome: Outcome) => void;
  private reject!: (err: unknown) => void;

  constructor(
    private readonly files: string[],
    private readonly setup: Setup,
    private readonly jobs: number,
    private readonly early: WorkerHandle[],
  ) {
    this.results = new Array<FileResult | undefined>(files.length);
  }

  run(): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      const { signal } = this.setup;
      const onAbort = () => this.interrupt();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.resolve = (outcome) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      this.reject = (err) => {
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      };
      // Workers started early (the first one has the pipeline loading), then new ones up to `jobs`
      const early = this.early.filter((h) => !h.exited);
      for (const h of early.slice(this.jobs)) h.retire();
      for (const h of early.slice(0, this.jobs)) this.adopt(h);
      while (this.handles.size < this.jobs) this.adopt(new WorkerHandle(this.setup));
      for (const h of [...this.handles]) this.feed(h);
    });
  }

  private adopt(handle: WorkerHandle): void {
    handle.owner = this;
    this.handles.add(handle);
  }

  /** Gives a worker work until it holds `depth` requests or there is none to give. */
  private feed(handle: WorkerHandle, depth = DEPTH): void {
    while (!this.stopping && handle.outstanding.length < depth) {
      let msg: ToWorker;
      if (this.scanNext < this.files.length) {
        const start = this.scanNext;
        const end = Math.min(this.files.length, start + SCAN_CHUNK);
        this.scanNext = end;
        handle.outstanding.push({ kind: 'scan', start, end });
        msg = { type: 'scan', start, files: this.files.slice(start, end) };
      } else if (this.queue?.length) {
        const index = this.queue.shift()!;
        handle.outstanding.push({ kind: 'process', index });
        msg = { type: 'process', index, file: this.files[index] };
      } else break;
      handle.send(msg);
    }
    this.maybeFinish();
  }

  onMessage(handle: WorkerHandle, msg: FromWorker): void {
    const req = handle.outstanding.shift();
    if (msg.type === 'scanned' && req?.kind === 'scan') {
      let c = 0;
      for (let i = req.start; i < req.end; i++) {
        if (c < msg.candidates.length && msg.candidates[c] === i) {
          this.found.push({ index: i, size: msg.sizes[c] });
          c++;
        } else this.settle(i, unchangedResult(this.files[i]));
      }
      this.startProcessing();
    } else if (msg.type === 'result') {
      this.settle(msg.index, msg.same ? { ...msg.result, after: msg.result.before } : msg.result);
    }
    // 'dropped': stopped before it started; nothing to record
    this.feed(handle);
  }

  /** Once every file is scanned: the rest, largest first (ties in path order). */
  private startProcessing(): void {
    if (this.queue || this.scanNext < this.files.length) return;
    for (const h of this.handles) if (h.outstanding.some((r) => r.kind === 'scan')) return;
    this.found.sort((a, b) => b.size - a.size || a.index - b.index);
    this.queue = this.found.map((f) => f.index);
    this.found = [];
    // Round by round, so the two largest files go to two workers, not both to the first
    for (let depth = 1; depth <= DEPTH; depth++) for (const h of [...this.handles]) this.feed(h, depth);
  }

  private settle(index: number, result: FileResult): void {
    this.results[index] = result;
    this.done++;
    this.setup.onProgress?.(this.done, this.files.length);
  }

  /** A worker that stopped: ours (retiring) or a crash, whose file in progress becomes an error result. */
  onExit(handle: WorkerHandle, code: number): void {
    this.handles.delete(handle);
    if (handle.retiring || this.finished) return;
    const why = handle.error ?? `exited with code ${code}`;
    if (!handle.ready) {
      this.fail(new Error(`a worker thread could not start: ${why}`));
      return;
    }
    const [current, ...rest] = handle.outstanding;
    // The file it was on is the one that crashed it; everything else it held is handed out again (a scan
    // chunk as single files, which isolates a file that crashes even the scan)
    const retry = (req: Request) => {
      if (req.kind === 'process') this.queue!.unshift(req.index);
      else for (let i = req.start; i < req.end; i++) this.found.push({ index: i, size: 0 });
    };
    if (current?.kind === 'process') {
      this.settle(current.index, {
        path: this.files[current.index],
        status: 'error',
        before: '',
        after: '',
        findings: [],
        error: `crashed a worker thread: ${why}`,
      });
    } else if (current) retry(current);
    for (const req of rest) retry(req);
    if (!this.stopping && this.hasWork()) this.adopt(new WorkerHandle(this.setup));
    this.startProcessing();
    for (const h of [...this.handles]) this.feed(h);
    // The crashed file may have been the last one, with no worker left to feed (feed is what finishes)
    this.maybeFinish();
  }

  private hasWork(): boolean {
    return this.scanNext < this.files.length || (this.queue ? this.queue.length > 0 : this.found.length > 0);
  }

  private interrupt(): void {
    if (this.stopping || this.finished) return;
    this.stopping = true;
    Atomics.store(new Int32Array(this.setup.stop), 0, 1);
    this.maybeFinish();
  }

  private maybeFinish(): void {
    if (this.finished) return;
    for (const h of this.handles) if (h.outstanding.length) return;
    const complete = this.done === this.files.length;
    if (!complete && !this.stopping) {
      // Nothing in flight and files left: every worker is gone (crashed)
      if (this.handles.size === 0 && this.hasWork()) {
        const h = new WorkerHandle(this.setup);
        this.adopt(h);
        this.feed(h);
      }
      return;
    }
    this.finished = true;
    for (const h of this.handles) h.retire();
    this.resolve({ results: this.results, interrupted: !complete });
  }

  private fail(err: unknown): void {
    if (this.finished) return;
    this.finished = true;
    for (const h of this.handles) h.retire();
    this.reject(err);
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
