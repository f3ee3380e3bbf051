// process-file: the part after the read (processBytes) writes nothing; bytes already read (by the worker's
// scan) are processed as given, without reading the file again.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadTransforms } from '../src/load-transforms.js';
import { processBytes, processFile } from '../src/run/process-file.js';
import type { Transform } from '../src/types.js';
import { tempDirs } from './helpers/temp.js';

const INSECURE = 'from ftplib import FTP\r\n\r\nftp = FTP("h")\r\nftp.login()\r\n';
const SECURE = 'from ftplib import FTP_TLS\r\n\r\nftp = FTP_TLS("h")\r\nftp.login()\r\nftp.prot_p()\r\n';

const newDir = tempDirs('pf');
let dir: string;
let transforms: Transform[];
beforeAll(async () => {
  transforms = await loadTransforms();
});
beforeEach(() => {
  dir = newDir();
});

describe('processBytes', () => {
  it('returns the result and the bytes to write, and writes nothing', async () => {
    const file = path.join(dir, 'a.py');
    const { result, out } = await processBytes(file, Buffer.from(INSECURE), transforms, { write: true });
    expect(result.status).toBe('changed');
    expect(out && Buffer.from(out).equals(Buffer.from(SECURE))).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('gives no bytes for an input that stays as it is', async () => {
    const generated = Buffer.from(`# @generated\n${INSECURE}`);
    const skipped = await processBytes('g.py', generated, transforms, {});
    expect(skipped).toEqual({
      result: {
        path: 'g.py',
        status: 'skipped',
        before: generated.toString(),
        after: generated.toString(),
        findings: [],
        skipReason: 'marked @generated',
      },
    });
    const large = await processBytes('big.py', Buffer.from(INSECURE), transforms, { maxFileSize: 10 });
    expect(large.out).toBeUndefined();
    expect(large.result.error).toBe(`file is larger than --max-file-size (${INSECURE.length} > 10 bytes)`);
  });
});

describe('processFile', () => {
  it('processes bytes it is given instead of reading the file, and writes them with --write', async () => {
    const file = path.join(dir, 'a.py');
    fs.writeFileSync(file, 'import os\n'); // what is on disk now is not what was read
    const result = await processFile(file, transforms, { write: true }, Buffer.from(INSECURE));
    expect(result.status).toBe('changed');
    expect(fs.readFileSync(file).equals(Buffer.from(SECURE))).toBe(true);
  });
});
