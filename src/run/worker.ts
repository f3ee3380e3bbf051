// The per-file work, shared by the worker threads and the in-process path (one code path, as in jscodeshift):
//
// - scan: read a file's bytes and look for `ftplib`; a file that never mentions it is unchanged, and needs
//   neither decoding nor the parser (the prefilter of process-file.ts, done here without loading it). This is
//   the whole cost of most files of a large tree, so it is synchronous, into one reused buffer.
// - process: the full pipeline (process-file.ts) for the files that do mention it. The heavy modules
//   (web-tree-sitter, the transforms) are loaded on the first such file, or earlier when the runner says so
//   ('preload': the pool, once the scan has found enough files for this thread), so a worker that only scans
//   starts in milliseconds.
//
// As a worker thread (started by runner.ts with WORKER_MARK in workerData) it answers the runner's messages;
// a shared stop flag (SIGINT) is checked before each file, so a worker finishes the file it is on and no other.
import fs from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { errorResult, oneLine } from '../errors.js';
import { mentionsFtplib, sizeError, unchangedResult } from '../prefilter.js';
import { fileImports, type FileImports } from '../project/imports.js';
import type { ProcessOptions } from './process-file.js';
import type { TransformSelection } from '../load-transforms.js';
import type { ProjectView } from '../project/types.js';
import type { FileResult, Transform } from '../types.js';

export const WORKER_MARK = 'ftptls-worker';

/** Open without blocking: a FIFO named like a source file must not hang the run (process-file reports it). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export interface WorkerOptions extends ProcessOptions, TransformSelection {
  /** Resolved by the runner (process-file's default when not given). */
  maxFileSize: number;
}

/** Runner -> worker. */
export type ToWorker =
  | { type: 'preload' }
  /** `imports`: also note each file's imports for the project-wide pass (src/project/imports.ts). */
  | { type: 'scan'; start: number; files: string[]; imports?: boolean }
  | { type: 'process'; index: number; file: string; project?: ProjectView };

/** Worker -> runner. A result whose `after` equals its `before` travels once, with `same` set. */
export type FromWorker =
  | { type: 'ready' }
  /** `imports`: by position in the chunk, null for a file not read (the plan reads it, or reports it). */
  | {
      type: 'scanned';
      start: number;
      candidates: number[];
      sizes: number[];
      imports?: (FileImports | null)[];
    }
  | { type: 'result'; index: number; result: FileResult; same: boolean }
  | { type: 'dropped'; index: number };

export class FileWork {
  private buffer = Buffer.allocUnsafe(256 * 1024);
  private pipeline?: Promise<{
    processFile: typeof import('./process-file.js').processFile;
    transforms: Transform[];
  }>;

  constructor(
    private readonly options: WorkerOptions,
    /** The run's own (in-process), called on the first file that needs them; a worker loads its own then. */
    private readonly transforms?: () => Promise<Transform[]>,
  ) {}

  /**
   * `unchanged` when the file certainly needs no work: a regular file within the size limit whose bytes never
   * mention ftplib. Anything else goes through the full pipeline, which also reports every problem
   * (unreadable, not a regular file, too large). `size`: the bytes read or the file's size, 0 when unknown.
   * `noteImports`: also what the project pass needs of the bytes read (`imports`, when they were).
   */
  scan(path: string, noteImports = false): { unchanged: boolean; size: number; imports?: FileImports } {
    const { unchanged, size, imports } = this.read(path, noteImports);
    return { unchanged, size, imports };
  }

  /**
   * As scan, plus the file's whole bytes when it needs the pipeline and they were read: valid until the next
   * read (one reused buffer).
   */
  private read(
    path: string,
    noteImports = false,
  ): { unchanged: boolean; size: number; bytes?: Buffer; imports?: FileImports } {
    let fd: number;
    try {
      // Relative paths are relative to options.cwd, as in process-file.ts
      fd = fs.openSync(this.options.cwd ? resolve(this.options.cwd, path) : path, OPEN_FLAGS);
    } catch {
      return { unchanged: false, size: 0 };
    }
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || sizeError(path, stat.size, this.options.maxFileSize))
        return { unchanged: false, size: stat.size };
      // A file changed while the run reads it is raced whatever we do; one read per file is what counts here
      const want = stat.size;
      if (this.buffer.length < want) this.buffer = Buffer.allocUnsafe(Math.max(want, this.buffer.length * 2));
      let got = 0;
      for (let n; got < want && (n = fs.readSync(fd, this.buffer, got, want - got, null)) > 0;) got += n;
      const bytes = this.buffer.subarray(0, got);
      const imports = noteImports ? fileImports(path, bytes) : undefined;
      if (!(imports ? imports.ftplib : mentionsFtplib(bytes))) return { unchanged: true, size: got, imports };
      // Whole only if nothing follows (the file did not grow since fstat): else the pipeline reads it again
      const whole = got === want && fs.readSync(fd, Buffer.alloc(1), 0, 1, null) === 0;
      return { unchanged: false, size: got, bytes: whole ? bytes : undefined, imports };
    } catch {
      return { unchanged: false, size: 0 };
    } finally {
      fs.closeSync(fd);
    }
  }

  /**
   * The full pipeline for one file (from `bytes` when the caller has read them, else from disk); an unexpected
   * exception is an error result for that file.
   */
  async process(path: string, bytes?: Uint8Array, project?: ProjectView): Promise<FileResult> {
    try {
      const { processFile, transforms } = await this.loadPipeline();
      return await processFile(
        path,
        transforms,
        project ? { ...this.options, project } : this.options,
        bytes,
      );
    } catch (err) {
      return errorResult(path, `internal error: ${oneLine(err)}`);
    }
  }

  /**
   * Scan, then the full pipeline only when the scan cannot settle it, on the bytes the scan read; a file the
   * project pass connected (`project`) always goes through it.
   */
  async file(path: string, project?: ProjectView): Promise<FileResult> {
    const { unchanged, bytes } = this.read(path);
    // A copy: the scan buffer is reused by the next file
    if (unchanged && !project) return unchangedResult(path);
    return this.process(path, bytes && Buffer.from(bytes), project);
  }

  /** Starts loading the pipeline in the background (a worker that has found files to process). */
  preload(): void {
    this.loadPipeline().catch(() => undefined); // a failure is reported by process(), per file
  }

  private loadPipeline() {
    this.pipeline ??= (async () => {
      const [{ processFile }, { loadTransforms }, { initParser }] = await Promise.all([
        import('./process-file.js'),
        import('../load-transforms.js'),
        import('../parser.js'),
      ]);
      const [transforms] = await Promise.all([
        this.transforms ? this.transforms() : loadTransforms(this.options),
        initParser(),
      ]);
      return { processFile, transforms };
    })();
    return this.pipeline;
  }
}

/**
 * The answer to one runner request (none for 'preload'): what a worker thread sends back, and what the runner's
 * in-thread fallback computes the same way. `stop[0] != 0`: the run is being stopped, no file is started.
 */
export async function answer(
  work: FileWork,
  msg: ToWorker,
  stop: Int32Array,
): Promise<FromWorker | undefined> {
  if (msg.type === 'preload') {
    work.preload();
    return undefined;
  }
  if (msg.type === 'scan') {
    const candidates: number[] = [];
    const sizes: number[] = [];
    const imports: (FileImports | null)[] = [];
    msg.files.forEach((file, i) => {
      const scanned = work.scan(file, msg.imports);
      if (!scanned.unchanged) {
        candidates.push(msg.start + i);
        sizes.push(scanned.size);
      }
      if (msg.imports) imports.push(scanned.imports ?? null);
    });
    return { type: 'scanned', start: msg.start, candidates, sizes, ...(msg.imports ? { imports } : {}) };
  }
  if (Atomics.load(stop, 0) !== 0) return { type: 'dropped', index: msg.index };
  // Read again here, synchronously: a worker has nothing else to do meanwhile, and waiting on the thread pool
  // for an asynchronous read left it idle for a good part of each file
  return { type: 'result', index: msg.index, result: await work.file(msg.file, msg.project), same: false };
}

// ---- as a worker thread --------------------------------------------------------------------------------

interface WorkerData {
  mark: typeof WORKER_MARK;
  options: WorkerOptions;
  /** Int32Array over it: [0] != 0 once the run is being stopped. */
  stop: SharedArrayBuffer;
}

function serve(data: WorkerData): void {
  const port = parentPort!;
  const work = new FileWork(data.options);
  const stop = new Int32Array(data.stop);
  const send = (msg: FromWorker) => port.postMessage(msg);
  // Messages are handled one at a time, in order: a file is never started while another is in flight
  let queue = Promise.resolve();
  port.on('message', (msg: ToWorker) => {
    queue = queue.then(async () => {
      const reply = await answer(work, msg, stop);
      if (reply?.type !== 'result') {
        if (reply) send(reply);
        return;
      }
      // A result whose text did not change carries it once
      const { index, result } = reply;
      const same = result.after === result.before;
      try {
        send({ type: 'result', index, result: same ? { ...result, after: '' } : result, same });
      } catch (err) {
        // e.g. a custom transform's finding holding a function: the result cannot cross threads
        const error = `internal error: the result cannot be passed between threads: ${oneLine(err)}`;
        send({ type: 'result', index, result: errorResult(result.path, error), same: true });
      }
    });
  });
  send({ type: 'ready' });
}

if (!isMainThread && (workerData as WorkerData | undefined)?.mark === WORKER_MARK)
  serve(workerData as WorkerData);
