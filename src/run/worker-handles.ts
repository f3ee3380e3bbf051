// The threads a pool hands requests to: worker threads (started with the parent's Node options, less those a
// worker refuses), or this thread answering them with the same code when none can start.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { oneLine } from '../errors.js';
import type { Setup } from './run-setup.js';
import type { HeapLimits } from './runner.js';
import { answer as answerRequest, FileWork, WORKER_MARK, type FromWorker, type ToWorker } from './worker.js';

/** `guess`: processed while the project pass runs, as if it gave the file no view (Pool.releaseSome). */
export type Request =
  { kind: 'scan'; start: number; end: number } | { kind: 'process'; index: number; guess?: boolean };

/** What the pool hands requests to: a worker thread, or this thread when none can start. */
export interface Handle {
  /** Requests sent and not answered, oldest first (requests are answered in order). */
  readonly outstanding: Request[];
  owner?: Owner;
  send(msg: ToWorker): void;
  retire(): void;
}

export interface Owner {
  onMessage(handle: Handle, msg: FromWorker): void;
  /** The answer to the oldest outstanding request could not be read. */
  onMessageError(handle: Handle, err: unknown): void;
  onExit(handle: WorkerHandle, code: number): void;
}

/** A new worker thread, or undefined when one cannot start in this run. */
export function tryStartWorker(setup: Setup): WorkerHandle | undefined {
  if (setup.workerStartError !== undefined) return undefined;
  try {
    return new WorkerHandle(setup);
  } catch (err) {
    setup.workerStartError = oneLine(err);
    return undefined;
  }
}

/** One worker thread and what the runner knows about it. */
export class WorkerHandle implements Handle {
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
export class InThreadHandle implements Handle {
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

export function startEarly(setup: Setup): WorkerHandle[] {
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

/** The Node options workers start with: the parent's, less those a worker cannot take (found on the first). */
let execArgv: string[] | undefined;

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
