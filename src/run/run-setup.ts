// What a run sets up before its first file: the options the per-file work gets, how many threads, whether
// worker threads can be used at all, and the heap each worker may grow to.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { materialize, selectTransforms } from '../load-transforms.js';
import { DEFAULT_MAX_FILE_SIZE } from '../prefilter.js';
import type { HeapLimits, InternalOptions, RunOptions } from './runner.js';
import type { Transform } from '../types.js';
import type { WorkerOptions } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

export interface Setup {
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

export async function prepare(
  options: RunOptions,
  internal: InternalOptions,
  signal: AbortSignal,
): Promise<Setup> {
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

function workersAvailable(): boolean {
  // Under a TypeScript test runner this module is src/run/runner.ts and there is no compiled worker beside it
  return fs.existsSync(fileURLToPath(WORKER_URL));
}
