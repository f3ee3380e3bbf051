// A worker thread: loads the transforms once, then processes the chunks of files the runner hands it.
import { parentPort, workerData } from 'node:worker_threads';
import { loadTransforms } from './load-transforms.js';
import { initParser } from './parser.js';
import { processFile } from './process-file.js';
import type { RunOptions } from './runner.js';

const options = (workerData as { options: RunOptions }).options;
const transforms = await loadTransforms(options);
await initParser();

parentPort!.on(
  'message',
  async (msg: { type: 'chunk'; start: number; files: string[] } | { type: 'stop' }) => {
    if (msg.type === 'stop') {
      parentPort!.close();
      return;
    }
    const results = [];
    for (const file of msg.files) results.push(await processFile(file, transforms, options));
    parentPort!.postMessage({ type: 'results', start: msg.start, results });
  },
);
parentPort!.postMessage({ type: 'ready' });
