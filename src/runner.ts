// The loop over files: walk the paths, process every file (worker threads for many files, in-process for few,
// one code path), and return results in path order whatever the scheduling.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadTransforms, type TransformSelection } from './load-transforms.js';
import { processFile, type ProcessOptions } from './process-file.js';
import type { FileResult, Transform } from './types.js';
import { collectFiles, type WalkOptions } from './walk.js';

export interface RunOptions extends ProcessOptions, TransformSelection, WalkOptions {
  /** Worker threads; default: the number of cores. 1 runs everything in this thread. */
  jobs?: number;
  /** Called as each file finishes (any order), e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface RunResult {
  results: FileResult[];
  seconds: number;
}

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_PER_WORKER = 64;
const CHUNK = 16;
const WORKER_URL = new URL('./worker.js', import.meta.url);

export async function run(paths: string[], options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const { files, errors } = await collectFiles(paths, options);
  const walkErrors: FileResult[] = errors.map((e) => ({
    path: e.path,
    status: 'error',
    before: '',
    after: '',
    findings: [],
    error: e.message,
  }));
  const results = await processFiles(files, options);
  const all = [...results, ...walkErrors].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { results: all, seconds: (performance.now() - started) / 1000 };
}

/** Processes files and returns their results in the order given. */
export async function processFiles(files: string[], options: RunOptions = {}): Promise<FileResult[]> {
  // Load once here first: a transform that cannot load is one clear error, not one per worker
  const transforms = await loadTransforms(options);
  const jobs = Math.max(
    1,
    Math.min(options.jobs ?? os.availableParallelism(), Math.ceil(files.length / MIN_FILES_PER_WORKER)),
  );
  if (jobs <= 1 || !workersAvailable()) return inProcess(files, transforms, options);
  return inWorkers(files, options, jobs);
}

async function inProcess(
  files: string[],
  transforms: Transform[],
  options: RunOptions,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    results.push(await processFile(file, transforms, options));
    options.onProgress?.(results.length, files.length);
  }
  return results;
}

/** Workers pull chunks of files; results are stored by index so output order equals input order. */
function inWorkers(files: string[], options: RunOptions, jobs: number): Promise<FileResult[]> {
  const results = new Array<FileResult>(files.length);
  const { onProgress, ...serializable } = options;
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    let alive = jobs;
    const workers: Worker[] = [];
    const fail = (err: unknown) => {
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const give = (worker: Worker) => {
      if (next >= files.length) {
        worker.postMessage({ type: 'stop' });
        return;
      }
      const start = next;
      next = Math.min(files.length, next + CHUNK);
      worker.postMessage({ type: 'chunk', start, files: files.slice(start, next) });
    };
    for (let i = 0; i < jobs; i++) {
      const worker = new Worker(WORKER_URL, { workerData: { options: serializable } });
      workers.push(worker);
      worker.on(
        'message',
        (msg: { type: 'ready' } | { type: 'results'; start: number; results: FileResult[] }) => {
          if (msg.type === 'results') {
            msg.results.forEach((r, j) => (results[msg.start + j] = r));
            done += msg.results.length;
            onProgress?.(done, files.length);
          }
          give(worker);
        },
      );
      worker.on('error', fail);
      worker.on('exit', () => {
        if (--alive === 0) {
          if (done === files.length) resolve(results);
          else reject(new Error('a worker stopped before its files were done'));
        }
      });
    }
  });
}

function workersAvailable(): boolean {
  // Under a TypeScript test runner this module is src/runner.ts and there is no compiled worker beside it
  return fs.existsSync(fileURLToPath(WORKER_URL));
}
