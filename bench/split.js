#!/usr/bin/env node
// The machine's ceiling for --jobs: the per-file pipeline (the built FileWork the runner's workers use) over
// every .py file under DIR, in this thread (THREADS = 1) or in THREADS worker threads each given every
// THREADS-th file: no walk, no pool, no messages, no output. bench.js times it beside ftptls --jobs 1 / 2, so
// the --jobs 2 target can be read against what two threads can do at all on this machine.
//
//   node bench/split.js DIR THREADS
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { pyFiles } from './py-files.js';

const DIST_WORKER = new URL('../dist/src/run/worker.js', import.meta.url);

async function processAll(files) {
  const { FileWork } = await import(DIST_WORKER.href);
  const work = new FileWork({ maxFileSize: 5 * 1024 * 1024 });
  for (const file of files) await work.file(file);
}

if (isMainThread) {
  const [dir, threadsArg] = process.argv.slice(2);
  const threads = Number(threadsArg ?? 1);
  const files = pyFiles(dir);
  if (threads <= 1) await processAll(files);
  else
    await Promise.all(
      Array.from({ length: threads }, (_, k) => {
        const share = files.filter((_f, i) => i % threads === k);
        const worker = new Worker(new URL(import.meta.url), { workerData: share });
        return new Promise((resolve, reject) => {
          worker.on('message', resolve);
          worker.on('error', reject);
        });
      }),
    );
} else {
  await processAll(workerData);
  parentPort.postMessage('done');
}
