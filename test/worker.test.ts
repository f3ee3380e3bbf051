// The workers' fast scan (src/run/worker.ts FileWork.scan) settles a file as unchanged exactly when the full
// pipeline would find it unchanged without parsing, notebooks included: real files on disk, both asked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWork } from '../src/run/worker.js';
import { tempDirs } from './helpers/temp.js';

const tmp = tempDirs('worker')();

function notebook(name: string, code: string, padding = 0): string {
  const file = path.join(tmp, name);
  const nb = {
    cells: [
      { cell_type: 'code', metadata: {}, source: [code], outputs: [], execution_count: null },
      { cell_type: 'markdown', metadata: {}, source: ['x'.repeat(padding)] },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
  fs.writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
  return file;
}

describe('the fast scan on notebooks', () => {
  const limit = 2000;
  const cases = [
    ['no ftplib', notebook('plain.ipynb', 'import os\n'), 'unchanged'],
    ['ftplib', notebook('uses.ipynb', 'from ftplib import FTP\nFTP("h")\n'), 'changed'],
    // a notebook may be 20 times --max-file-size (its outputs)
    ['over the limit, within 20 times it', notebook('big.ipynb', 'import os\n', limit * 5), 'unchanged'],
    ['over 20 times the limit', notebook('huge.ipynb', 'import os\n', limit * 25), 'error'],
  ] as const;

  for (const [name, file, status] of cases) {
    it(`${name}: ${status}, and the scan settles it only if unchanged`, async () => {
      const work = new FileWork({ maxFileSize: limit });
      expect((await work.file(file)).status).toBe(status);
      const scanned = work.scan(file);
      expect(scanned.unchanged).toBe(status === 'unchanged');
      expect(scanned.size).toBe(fs.statSync(file).size);
    });
  }
});
