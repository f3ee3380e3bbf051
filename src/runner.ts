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
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { loadTransforms, type TransformSelection } from './load-transforms.js';
import { DEFAULT_MAX_FILE_SIZE, type ProcessOptions } from './process-file.js';
import type { FileResult, Transform } from './types.js';
import { collectFiles, type WalkOptions } from './walk.js';
import {
  FileWork,
  oneLine,
  unchangedResult,
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
  const { files, errors } = await collectFiles(paths, options);
  const walkErrors: FileResult[] = errors.map((e) => ({
    path: e.path,
    status: 'error',
    before: '',
    after: '',
    findings: [],
    error: e.message,
  }));
  const { results, interrupted } = await processAll(files, options);
  const done = results.filter((r): r is FileResult => r !== undefined);
  const all = [...done, ...walkErrors].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { results: all, seconds: seconds(), ...(interrupted ? { interrupted } : {}) };
}

/** Processes files and returns their results in the order given (after an interrupt, only those done). */
export async function processFiles(files: string[], options: RunOptions = {}): Promise<FileResult[]> {
  const { results } = await processAll(files, options);
  return results.filter((r): r is FileResult => r !== undefined);
}

interface Outcome {
  /** By index into the files; undefined for a file not done (interrupted). */
  results: (FileResult | undefined)[];
  interrupted: boolean;
}

async function processAll(files: string[], options: RunOptions): Promise<Outcome> {
  // Load once here first: a transform that cannot load is one clear error, not one per file
  const transforms = await loadTransforms(options);
  if (options.signal?.aborted) return { results: [], interrupted: true };
  const { onProgress, signal, ...rest } = options;
  const workerOptions: WorkerOptions = { ...rest, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  const jobs = Math.max(
    1,
    Math.min(options.jobs ?? os.availableParallelism(), Math.ceil(files.length / MIN_FILES_PER_WORKER)),
  );
  if (jobs > 1 && workersAvailable() && cloneable(workerOptions))
    return new Pool(files, workerOptions, jobs, onProgress, signal).run();
  return inProcess(files, new FileWork(workerOptions, transforms), onProgress, signal);
}

async function inProcess(
  files: string[],
  work: FileWork,
  onProgress: RunOptions['onProgress'],
  signal: AbortSignal | undefined,
): Promise<Outcome> {
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

type Request = { kind: 'scan'; start: number; end: number } | { kind: 'process'; index: number };

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Requests sent and not answered, oldest first (a worker answers in order). */
  outstanding: Request[];
  error?: string;
  retiring: boolean;
}

/** The worker pool of one run (see the top of this file for the two phases). */
class Pool {
  private readonly results: (FileResult | undefined)[];
  private readonly slots = new Set<Slot>();
  private readonly stop = new SharedArrayBuffer(4);
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
    private readonly options: WorkerOptions,
    private readonly jobs: number,
    private readonly onProgress: RunOptions['onProgress'],
    private readonly signal: AbortSignal | undefined,
  ) {
    this.results = new Array<FileResult | undefined>(files.length);
  }

  run(): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      const onAbort = () => this.interrupt();
      this.signal?.addEventListener('abort', onAbort, { once: true });
      const settle = this.resolve;
      this.resolve = (outcome) => {
        this.signal?.removeEventListener('abort', onAbort);
        settle(outcome);
      };
      for (let i = 0; i < this.jobs; i++) this.spawn();
      if (this.signal?.aborted) this.interrupt();
    });
  }

  private spawn(): void {
    const worker = new Worker(WORKER_URL, {
      workerData: { mark: WORKER_MARK, options: this.options, stop: this.stop },
    });
    const slot: Slot = { worker, ready: false, outstanding: [], retiring: false };
    this.slots.add(slot);
    worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
    worker.on('error', (err) => (slot.error ??= oneLine(err)));
    worker.on('exit', (code) => this.onExit(slot, code));
    this.feed(slot);
  }

  /** Gives a worker work until it holds DEPTH requests or there is none to give. */
  private feed(slot: Slot): void {
    while (!this.stopping && slot.outstanding.length < DEPTH) {
      let msg: ToWorker;
      if (this.scanNext < this.files.length) {
        const start = this.scanNext;
        const end = Math.min(this.files.length, start + SCAN_CHUNK);
        this.scanNext = end;
        slot.outstanding.push({ kind: 'scan', start, end });
        msg = { type: 'scan', start, files: this.files.slice(start, end) };
      } else if (this.queue?.length) {
        const index = this.queue.shift()!;
        slot.outstanding.push({ kind: 'process', index });
        msg = { type: 'process', index, file: this.files[index] };
      } else break;
      slot.worker.postMessage(msg);
    }
    this.maybeFinish();
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    if (msg.type === 'ready') {
      slot.ready = true;
      return;
    }
    const req = slot.outstanding.shift();
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
    this.feed(slot);
  }

  /** Once every file is scanned: the rest, largest first (ties in path order). */
  private startProcessing(): void {
    if (this.queue || this.scanNext < this.files.length) return;
    for (const s of this.slots) if (s.outstanding.some((r) => r.kind === 'scan')) return;
    this.found.sort((a, b) => b.size - a.size || a.index - b.index);
    this.queue = this.found.map((f) => f.index);
    for (const s of this.slots) this.feed(s);
  }

  private settle(index: number, result: FileResult): void {
    this.results[index] = result;
    this.done++;
    this.onProgress?.(this.done, this.files.length);
  }

  /** A worker that stopped: ours (retiring) or a crash, whose file in progress becomes an error result. */
  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    if (slot.retiring || this.finished) return;
    const why = slot.error ?? `exited with code ${code}`;
    if (!slot.ready) {
      this.fail(new Error(`a worker thread could not start: ${why}`));
      return;
    }
    const [current, ...rest] = slot.outstanding;
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
    if (!this.stopping && this.hasWork()) this.spawn();
    this.startProcessing();
    this.maybeFinish();
  }

  private hasWork(): boolean {
    return this.scanNext < this.files.length || (this.queue ? this.queue.length > 0 : this.found.length > 0);
  }

  private interrupt(): void {
    if (this.stopping || this.finished) return;
    this.stopping = true;
    Atomics.store(new Int32Array(this.stop), 0, 1);
    this.maybeFinish();
  }

  private maybeFinish(): void {
    if (this.finished) return;
    for (const s of this.slots) if (s.outstanding.length) return;
    const complete = this.done === this.files.length;
    if (!complete && !this.stopping) {
      // Nothing in flight and files left: the queue is about to be built, or every worker is gone
      if (this.slots.size === 0 && this.hasWork()) this.spawn();
      return;
    }
    this.finished = true;
    for (const s of this.slots) {
      s.retiring = true;
      void s.worker.terminate();
    }
    this.resolve({ results: this.results, interrupted: !complete });
  }

  private fail(err: unknown): void {
    if (this.finished) return;
    this.finished = true;
    for (const s of this.slots) void s.worker.terminate();
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

function workersAvailable(): boolean {
  // Under a TypeScript test runner this module is src/runner.ts and there is no compiled worker beside it
  return fs.existsSync(fileURLToPath(WORKER_URL));
}
