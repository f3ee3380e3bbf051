// The runner against the BUILT code (dist/): vitest cannot load a .ts file as a worker thread, so the worker
// pool is only real there. In-process and pool must agree byte for byte, results come in path order, a file
// that crashes a worker is one error result (and the worker is replaced), a worker that cannot start or an
// answer that cannot be read never stops the run, and SIGINT (the CLI) leaves every file old or new, never half.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFile, generateTree } from '../bench/generate.js';
import { BIN, runCli } from './helpers/run-cli.js';
import type { FileResult } from '../src/types.js';

const DIST = path.join(import.meta.dirname, '..', 'dist', 'src');
type Runner = typeof import('../src/run/runner.js');
type ProcessFileModule = typeof import('../src/run/process-file.js');
type WorkerModule = typeof import('../src/run/worker.js');

let runner: Runner;
let tmp: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'run', 'runner.js')))
    throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` (npm test does) before this test');
  runner = (await import(pathToFileURL(path.join(DIST, 'run', 'runner.js')).href)) as Runner;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-runner-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * Generated modules cut short: these tests need many files for the pool, not real modules' length (the SIGINT
 * tests keep it: their run must outlast the signal).
 */
const SMALL = { maxLines: 60 };

/** A tree of generated files plus the awkward ones: no ftplib, undecodable, a syntax error, empty. */
function mixedTree(name: string, count: number): string {
  const dir = path.join(tmp, name);
  generateTree(dir, { count, ...SMALL });
  const odd = path.join(dir, 'odd');
  fs.mkdirSync(odd);
  fs.writeFileSync(path.join(odd, 'plain.py'), 'print("nothing to see")\n');
  fs.writeFileSync(path.join(odd, 'empty.py'), '');
  fs.writeFileSync(
    path.join(odd, 'latin.py'),
    Buffer.from('# -*- coding: ascii -*-\nimport ftplib\nx = "\xe9"\n', 'latin1'),
  );
  fs.writeFileSync(path.join(odd, 'broken.py'), 'from ftplib import FTP\ndef f(:\n    FTP("h")\n');
  fs.writeFileSync(
    path.join(odd, 'crlf.py'),
    'from ftplib import FTP\r\nftp = FTP("h")\r\nftp.login("u", "p")\r\n',
  );
  return dir;
}

/**
 * A custom transform that ends its worker thread (exit 3) on a file marked CRASH_THE_WORKER. Options: with
 * `probeLog` it first appends "<threadId> <file name>" to that file, for every file it is given; with
 * `crashFirst` (a path) the crash creates that file, and every other file waits for it. A file marked
 * EAT_THE_HEAP makes it hold 128 MB while it runs.
 */
function crashTransform(): string {
  const file = path.join(tmp, 'crash-transform.mjs');
  fs.writeFileSync(
    file,
    `import fs from 'node:fs';
import path from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
const nap = new Int32Array(new SharedArrayBuffer(4));
export default {
  name: 'crash-probe',
  description: 'ends its worker thread on a marked file',
  run(ctx) {
    const { probeLog, crashFirst } = ctx.options;
    if (probeLog) fs.appendFileSync(probeLog, threadId + ' ' + path.basename(ctx.path) + '\\n');
    if (ctx.source.includes('CRASH_THE_WORKER')) {
      if (crashFirst) fs.writeFileSync(crashFirst, '');
      if (!isMainThread) process.exit(3);
      throw new Error('would have crashed a worker');
    }
    if (ctx.source.includes('THROW_IN_TRANSFORM')) throw new Error('boom\\nsecond line');
    // 128 MB held at once: more than a worker given a small heap has, nothing to this thread's
    if (ctx.source.includes('EAT_THE_HEAP')) {
      const held = [];
      for (let i = 0; i < 16; i++) held.push(new Array(1 << 20).fill(i));
      if (held.length !== 16) throw new Error('unreachable');
    }
    while (crashFirst && !fs.existsSync(crashFirst)) Atomics.wait(nap, 0, 0, 10);
    return { findings: [] };
  },
};
`,
  );
  return file;
}

/** The lines crashTransform's probe log holds, as [threadId, file name]. */
function probed(log: string): string[][] {
  return fs
    .readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' '));
}

/** A script for the pool's worker threads to run instead of the built worker (the runner's `workerUrl`). */
function workerScript(name: string, text: string): URL {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return pathToFileURL(file);
}

/** The built worker, for worker scripts that go on to run it. */
const builtWorker = () => JSON.stringify(pathToFileURL(path.join(DIST, 'run', 'worker.js')).href);

/** Enough files for two workers, cheap to run: most without ftplib, a few generated ones that use it. */
function smallTree(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `plain${i}.py`), `x = ${i}\n`);
  for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(dir, `job_${i}.py`), generateFile(i));
  return dir;
}

const strip = (rs: FileResult[]) => rs.map((r) => ({ ...r }));

describe('runner (built)', () => {
  it('worker pool and in-process give identical results, in path order', async () => {
    const dir = mixedTree('same', 300);
    const one = await runner.run([dir], { jobs: 1 });
    const pool = await runner.run([dir], { jobs: 2 });
    expect(one.results).toHaveLength(305);
    expect(strip(pool.results)).toEqual(strip(one.results));
    const paths = pool.results.map((r) => r.path);
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const by = new Map(pool.results.map((r) => [path.relative(dir, r.path), r]));
    expect(by.get('odd/plain.py')?.status).toBe('unchanged');
    expect(by.get('odd/empty.py')?.status).toBe('unchanged');
    expect(by.get('odd/latin.py')?.status).toBe('error');
    expect(by.get('odd/broken.py')?.status).toBe('error');
    expect(by.get('odd/crlf.py')?.after).toContain('FTP_TLS("h")\r\n');
    for (const r of pool.results) if (r.error) expect(r.error).not.toContain('\n');
    expect(pool.results.filter((r) => r.status === 'changed').length).toBeGreaterThan(200);
  });

  it('onResult: results go out in path order as they are done, and few wait (the pool works in path order)', async () => {
    const dir = path.join(tmp, 'stream');
    generateTree(dir, { count: 600, ...SMALL });
    for (const jobs of [2, 1]) {
      const given: string[] = [];
      let done = 0;
      let waiting = 0;
      const { results } = await runner.run([dir], {
        jobs,
        onProgress: (d) => (done = d),
        onResult: (r) => {
          given.push(r.path);
          waiting = Math.max(waiting, done - given.length);
        },
      });
      expect(results).toEqual([]);
      expect(given).toHaveLength(600);
      expect(given).toEqual([...given].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      // at most 64 files are started past the first result not out, and at most 16 processed while the project
      // pass plans wait for it to end: under 80 wait, whatever the system's scheduling does
      expect(waiting, `jobs ${jobs}`).toBeLessThan(80);
    }
  });

  it('onResult: a slow file holds back the files 64 past it, not the whole run', async () => {
    const dir = path.join(tmp, 'slow-first');
    generateTree(dir, { count: 400, ...SMALL });
    // first in path order, and slow: every other file could be done while it runs
    fs.writeFileSync(path.join(dir, 'a_slow.py'), 'import ftplib  # TAKE_A_SECOND\nftp = ftplib.FTP("h")\n');
    const slow = path.join(tmp, 'slow-transform.mjs');
    fs.writeFileSync(
      slow,
      `const nap = new Int32Array(new SharedArrayBuffer(4));
export default {
  name: 'slow-probe',
  description: 'takes a second over a marked file',
  run(ctx) {
    if (ctx.source.includes('TAKE_A_SECOND')) Atomics.wait(nap, 0, 0, 1000);
    return { findings: [] };
  },
};
`,
    );
    let done = 0;
    let waiting = 0;
    const given: string[] = [];
    await runner.run([dir], {
      jobs: 2,
      project: false,
      transforms: ['ftp-to-ftp-tls', slow],
      onProgress: (d) => (done = d),
      onResult: (r) => {
        given.push(r.path);
        waiting = Math.max(waiting, done - given.length);
      },
    });
    expect(given).toHaveLength(401);
    expect(given[0]).toBe(path.join(dir, 'a_slow.py'));
    // the other worker does the next 63 files and waits: at most 63 wait (all 400, without the bound)
    expect(waiting).toBeLessThan(64);
    expect(waiting).toBeGreaterThan(16);
  });

  it('files far apart in path order are processed side by side (the bound counts processed files, not places)', async () => {
    const dir = path.join(tmp, 'far-apart');
    fs.mkdirSync(dir);
    // two files to process with 150 the scan settles between them: more than 64 places apart
    for (const name of ['a_first.py', 'z_last.py'])
      fs.writeFileSync(path.join(dir, name), 'import ftplib  # MEET\nftp = ftplib.FTP("h")\n');
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `m_plain${i}.py`), `x = ${i}\n`);
    const marks = path.join(tmp, 'far-apart-marks');
    fs.mkdirSync(marks);
    const meet = path.join(tmp, 'meet-transform.mjs');
    // each marked file waits (up to 5 s) for the other one to be started: it meets it only if both are in flight
    fs.writeFileSync(
      meet,
      `import fs from 'node:fs';
import path from 'node:path';
const nap = new Int32Array(new SharedArrayBuffer(4));
const marks = ${JSON.stringify(marks)};
export default {
  name: 'meet-probe',
  description: 'records whether the other marked file was started while this one ran',
  run(ctx) {
    if (!ctx.source.includes('MEET')) return { findings: [] };
    const me = path.basename(ctx.path);
    fs.writeFileSync(path.join(marks, me), '');
    let met = false;
    for (let i = 0; i < 250 && !met; i++) {
      met = fs.readdirSync(marks).some((m) => m !== me && !m.endsWith('.log'));
      if (!met) Atomics.wait(nap, 0, 0, 20);
    }
    fs.writeFileSync(path.join(marks, me + '.log'), met ? 'met' : 'alone');
    return { findings: [] };
  },
};
`,
    );
    await runner.run([dir], { jobs: 2, project: false, transforms: ['ftp-to-ftp-tls', meet] });
    const log = (name: string) => fs.readFileSync(path.join(marks, `${name}.log`), 'utf8');
    expect([log('a_first.py'), log('z_last.py')]).toEqual(['met', 'met']);
  });

  it('really runs the pool in worker threads', async () => {
    const dir = mixedTree('threads', 200);
    const log = path.join(tmp, 'threads.log');
    const probe = path.join(tmp, 'probe-transform.mjs');
    fs.writeFileSync(
      probe,
      `import fs from 'node:fs';
import { threadId } from 'node:worker_threads';
export default {
  name: 'thread-probe',
  description: 'records the thread it runs in',
  run(ctx) {
    fs.appendFileSync(ctx.options.probeLog, threadId + '\\n');
    return { findings: [] };
  },
};
`,
    );
    const { results } = await runner.run([dir], { jobs: 2, transforms: [probe], probeLog: log });
    expect(results.filter((r) => r.status === 'error').map((r) => path.basename(r.path))).toEqual([
      'broken.py',
      'latin.py',
    ]);
    const threads = new Set(fs.readFileSync(log, 'utf8').trim().split('\n'));
    expect(threads.has('0')).toBe(false); // not the main thread
    expect(threads.size).toBe(2);
  });

  it('the fast scan settles exactly what process-file settles without parsing', async () => {
    const pf = (await import(
      pathToFileURL(path.join(DIST, 'run', 'process-file.js')).href
    )) as ProcessFileModule;
    const wk = (await import(pathToFileURL(path.join(DIST, 'run', 'worker.js')).href)) as WorkerModule;
    const dir = path.join(tmp, 'scan');
    fs.mkdirSync(dir);
    const plain = path.join(dir, 'plain.py');
    fs.writeFileSync(plain, 'import os\n');
    expect(await pf.processFile(plain, [], {})).toEqual({
      path: plain,
      status: 'unchanged',
      before: '',
      after: '',
      findings: [],
    });
    const { DEFAULT_MAX_FILE_SIZE } = (await import(
      pathToFileURL(path.join(DIST, 'prefilter.js')).href
    )) as typeof import('../src/prefilter.js');
    const work = new wk.FileWork({ maxFileSize: DEFAULT_MAX_FILE_SIZE });
    expect(work.scan(plain).unchanged).toBe(true);
    // Anything else is left to the full pipeline, which reports it
    const big = path.join(dir, 'big.py');
    fs.writeFileSync(big, 'x = 1\n'.repeat(100));
    expect(new wk.FileWork({ maxFileSize: 10 }).scan(big).unchanged).toBe(false);
    expect(work.scan(path.join(dir, 'missing.py')).unchanged).toBe(false);
    expect(work.scan(dir).unchanged).toBe(false);
    const uses = path.join(dir, 'uses.py');
    fs.writeFileSync(uses, '# ftplib\n');
    expect(work.scan(uses).unchanged).toBe(false);
    // Too large for the limit but no ftplib: an error in both modes, never "unchanged"
    for (const jobs of [1, 2]) {
      const { results } = await runner.run([dir], { jobs, maxFileSize: 50 });
      expect(results.find((r) => r.path === big)?.status).toBe('error');
    }
  });

  it('scans relative paths from options.cwd, not from the current directory', async () => {
    // The same relative path exists here (this repository) without ftplib; the one under cwd uses FTP
    const rel = path.join('test', 'helpers', 'ftps_server.py');
    expect(fs.readFileSync(rel, 'utf8')).not.toContain('ftplib');
    const dir = mixedTree('cwd', 200);
    fs.mkdirSync(path.join(dir, 'test', 'helpers'), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), 'from ftplib import FTP\nftp = FTP("h")\nftp.login()\n');
    for (const jobs of [1, 2]) {
      const { results } = await runner.run(['test', 'pkg00'], { jobs, cwd: dir });
      expect(results.length).toBeGreaterThan(64);
      expect(results.find((r) => r.path === rel)).toMatchObject({ status: 'changed' });
    }
  });

  it('a file that crashes its worker is an error result; the run goes on', async () => {
    const dir = mixedTree('crash', 300);
    fs.writeFileSync(path.join(dir, 'odd', 'crash1.py'), 'import ftplib  # CRASH_THE_WORKER\n');
    fs.writeFileSync(path.join(dir, 'pkg01', 'crash2.py'), 'import ftplib  # CRASH_THE_WORKER\n');
    fs.writeFileSync(path.join(dir, 'odd', 'throws.py'), 'import ftplib  # THROW_IN_TRANSFORM\n');
    const crash = crashTransform();
    const pool = await runner.run([dir], { jobs: 2, transforms: [crash] });
    const one = await runner.run([dir], { jobs: 1, transforms: [crash] });
    expect(pool.results).toHaveLength(308);
    const errors = (rs: FileResult[]) =>
      Object.fromEntries(
        rs.filter((r) => r.status === 'error').map((r) => [path.relative(dir, r.path), r.error]),
      );
    expect(errors(pool.results)).toEqual({
      'odd/broken.py': expect.stringMatching(/^syntax error/),
      'odd/latin.py': expect.any(String),
      'odd/crash1.py': 'crashed a worker thread: exited with code 3',
      'pkg01/crash2.py': 'crashed a worker thread: exited with code 3',
      'odd/throws.py': 'transform crash-probe failed: boom',
    });
    // Every other file: exactly the in-process result
    const isCrash = (r: FileResult) => r.path.includes('crash');
    expect(strip(pool.results.filter((r) => !isCrash(r)))).toEqual(
      strip(one.results.filter((r) => !isCrash(r))),
    );
  });

  it('a file that runs its worker out of heap is processed again in this thread: the same result', async () => {
    const dir = mixedTree('heap', 200);
    fs.writeFileSync(
      path.join(dir, 'odd', 'heavy.py'),
      'import ftplib  # EAT_THE_HEAP\nftp = ftplib.FTP("h")\n',
    );
    const log = path.join(tmp, 'heap.log');
    const transforms = ['ftp-to-ftp-tls', crashTransform()];
    // a worker heap the pipeline fits in, the transform's 128 MB does not
    const workerLimits = { maxOldGenerationSizeMb: 48 };
    const pool = await runner.run([dir], { jobs: 2, transforms, probeLog: log }, { workerLimits });
    const one = await runner.run([dir], { jobs: 1, transforms });
    expect(strip(pool.results)).toEqual(strip(one.results));
    const heavy = pool.results.find((r) => r.path.endsWith('heavy.py'));
    expect(heavy).toMatchObject({ status: 'changed', after: expect.stringContaining('ftplib.FTP_TLS("h")') });
    // given to a worker first, which ran out of heap, then done in this thread (thread id 0)
    const runs = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line.endsWith(' heavy.py'));
    expect(runs).toHaveLength(2);
    expect(runs[0]).not.toMatch(/^0 /);
    expect(runs[1]).toBe('0 heavy.py');
  });

  it('with no more heap here than a worker has, such a file is an error result, and the run goes on', () => {
    // `node --max-old-space-size=64`: this thread would run out of heap too, and end the whole run
    const dir = mixedTree('no-room', 200);
    fs.writeFileSync(
      path.join(dir, 'odd', 'heavy.py'),
      'import ftplib  # EAT_THE_HEAP\nftp = ftplib.FTP("h")\n',
    );
    const script = path.join(tmp, 'no-room.mjs');
    fs.writeFileSync(
      script,
      `const runner = await import(${JSON.stringify(pathToFileURL(path.join(DIST, 'run', 'runner.js')).href)});
const transforms = ['ftp-to-ftp-tls', ${JSON.stringify(crashTransform())}];
const { results } = await runner.run([process.argv[2]], { jobs: 2, transforms }, { workerLimits: { maxOldGenerationSizeMb: 100 } });
const heavy = results.find((r) => r.path.endsWith('heavy.py'));
console.log(JSON.stringify({ files: results.length, heavy: heavy.status, error: heavy.error, changed: results.filter((r) => r.status === 'changed').length }));
`,
    );
    const r = spawnSync(process.execPath, ['--max-old-space-size=64', script, dir], { encoding: 'utf8' });
    expect(r.status, r.stderr.slice(-1000)).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      files: 206,
      heavy: 'error',
      error: expect.stringMatching(/^crashed a worker thread: .*memory/),
    });
    expect(out.changed).toBeGreaterThan(150);
  });

  it('ends when the last files crash every worker, with none left to hand work to', async () => {
    // Only two files mention ftplib: one to each worker, both crash, and no file is left to start a new one
    const dir = path.join(tmp, 'all-crash');
    fs.mkdirSync(dir);
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, `plain${i}.py`), `x = ${i}\n`);
    for (const name of ['crash1.py', 'crash2.py'])
      fs.writeFileSync(path.join(dir, name), 'import ftplib  # CRASH_THE_WORKER\n');
    const crash = crashTransform();
    const { results } = await runner.run([dir], { jobs: 2, transforms: [crash] });
    expect(results).toHaveLength(202);
    expect(results.filter((r) => r.status === 'error').map((r) => [path.basename(r.path), r.error])).toEqual([
      ['crash1.py', 'crashed a worker thread: exited with code 3'],
      ['crash2.py', 'crashed a worker thread: exited with code 3'],
    ]);
  });

  it('replaces a crashed worker while there is work left, and never gives its file to another', async () => {
    // The crashing file is the largest that mentions ftplib, so the first given out, and the others wait for
    // its crash (crashFirst): when it crashes, the other worker has finished none and holds at most two, so
    // files are left and a replacement must start
    const dir = path.join(tmp, 'replace');
    fs.mkdirSync(dir);
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `plain${i}.py`), `x = ${i}\n`);
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `uses${i}.py`), 'import ftplib\n');
    fs.writeFileSync(path.join(dir, 'crash.py'), `import ftplib  # CRASH_THE_WORKER\n${'#\n'.repeat(100)}`);
    const log = path.join(tmp, 'replace.log');
    const crashFirst = path.join(tmp, 'replace.crashed');
    const transforms = [crashTransform()];
    // Each worker thread notes its start, then runs the built worker
    const started = path.join(tmp, 'replace.started');
    const workerUrl = workerScript(
      'notes-its-start.mjs',
      `import fs from 'node:fs';
import { threadId } from 'node:worker_threads';
fs.appendFileSync(${JSON.stringify(started)}, threadId + '\\n');
await import(${builtWorker()});
`,
    );
    const { results } = await runner.run(
      [dir],
      { jobs: 2, transforms, probeLog: log, crashFirst },
      { workerUrl },
    );
    expect(results).toHaveLength(171);
    expect(results.filter((r) => r.status === 'error').map((r) => [path.basename(r.path), r.error])).toEqual([
      ['crash.py', 'crashed a worker thread: exited with code 3'],
    ]);
    // Each file that mentions ftplib went to the transform once: the crashing one too
    const lines = probed(log);
    expect(lines.map(([, file]) => file).sort()).toEqual(
      ['crash.py', ...Array.from({ length: 20 }, (_, i) => `uses${i}.py`)].sort(),
    );
    expect(lines.some(([thread]) => thread === '0')).toBe(false);
    // Two workers, and one that replaced the crashed one (which may or may not get a file: the other may
    // finish them first): three threads started
    expect(new Set(fs.readFileSync(started, 'utf8').trim().split('\n')).size).toBe(3);
  });

  it('goes on in this thread when no worker can start', async () => {
    const dir = smallTree('no-worker');
    const crash = crashTransform();
    const one = await runner.run([dir], { jobs: 1, transforms: [crash] });
    const cannotStart = [
      new URL('http://127.0.0.1/worker.js'), // new Worker() throws: not a file URL
      workerScript('throws-at-once.mjs', "throw new Error('this worker cannot start');\n"),
      workerScript('exits-at-once.mjs', 'process.exit(5);\n'),
    ];
    for (const workerUrl of cannotStart) {
      const log = path.join(tmp, `no-worker-${path.basename(workerUrl.pathname)}.log`);
      const { results, workerStartError } = await runner.run(
        [dir],
        { jobs: 2, transforms: [crash], probeLog: log },
        { workerUrl },
      );
      expect(strip(results), workerUrl.href).toEqual(strip(one.results));
      expect(workerStartError, workerUrl.href).toMatch(/^[^\n]+$/);
      expect(one.workerStartError).toBeUndefined();
      expect(new Set(probed(log).map(([thread]) => thread))).toEqual(new Set(['0']));
    }
  });

  it('goes on with the workers that started when another cannot start', async () => {
    const dir = smallTree('one-starts');
    const crash = crashTransform();
    const one = await runner.run([dir], { jobs: 1, transforms: [crash] });
    // Only the first worker to make the ticket directory starts; the others fail before they are ready
    const workerUrl = workerScript(
      'first-starts.mjs',
      `import fs from 'node:fs';
import { workerData } from 'node:worker_threads';
try {
  fs.mkdirSync(workerData.options.ticket);
} catch {
  throw new Error('no ticket: this worker cannot start');
}
await import(${builtWorker()});
`,
    );
    const log = path.join(tmp, 'one-starts.log');
    const ticket = path.join(tmp, 'one-starts.ticket');
    const { results, workerStartError } = await runner.run(
      [dir],
      { jobs: 2, transforms: [crash], probeLog: log, ticket },
      { workerUrl },
    );
    expect(strip(results)).toEqual(strip(one.results));
    expect(workerStartError).toContain('no ticket: this worker cannot start');
    const threads = new Set(probed(log).map(([thread]) => thread));
    expect(threads.has('0')).toBe(false);
    expect(threads.size).toBe(1);
  });

  it('an answer from a worker that cannot be read is an error result for its file; the run goes on', async () => {
    const dir = smallTree('unreadable');
    fs.writeFileSync(path.join(dir, 'unreadable.py'), 'import ftplib\n');
    // The built worker, but its answer for unreadable.py holds a clone the runner cannot deserialize (a
    // BlockList whose clone names a class that cannot be cloned): the worker thread sees no error
    const workerUrl = workerScript(
      'unreadable-answer.mjs',
      `import { BlockList } from 'node:net';
import { parentPort } from 'node:worker_threads';
function unreadable() {
  const list = new BlockList();
  const clone = Object.getOwnPropertySymbols(BlockList.prototype).find(
    (s) => s.description === 'messaging_clone_symbol',
  );
  list[clone] = () => ({ data: {}, deserializeInfo: 'net:Socket' });
  return list;
}
const post = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (msg) =>
  post(msg.type === 'result' && msg.result.path.endsWith('unreadable.py') ? { ...msg, result: unreadable() } : msg);
await import(${builtWorker()});
`,
    );
    const { results } = await runner.run([dir], { jobs: 2 }, { workerUrl });
    const one = await runner.run([dir], { jobs: 1 });
    const isUnreadable = (r: FileResult) => r.path.endsWith('unreadable.py');
    expect(results.find(isUnreadable)).toEqual({
      path: path.join(dir, 'unreadable.py'),
      status: 'error',
      before: '',
      after: '',
      findings: [],
      error: expect.stringMatching(/^internal error: an answer from a worker could not be read: [^\n]+$/),
    });
    expect(strip(results.filter((r) => !isUnreadable(r)))).toEqual(
      strip(one.results.filter((r) => !isUnreadable(r))),
    );
  });

  it('an aborted signal stops the run: files done are whole, the run says it was interrupted', async () => {
    const dir = mixedTree('abort', 400);
    for (const jobs of [1, 2]) {
      const controller = new AbortController();
      const { results, interrupted } = await runner.run([dir], {
        jobs,
        signal: controller.signal,
        onProgress: (done) => done >= 20 && controller.abort(),
      });
      expect(interrupted).toBe(true);
      expect(results.length).toBeGreaterThanOrEqual(20);
      expect(results.length).toBeLessThan(405);
      const paths = results.map((r) => r.path);
      expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    const aborted = AbortSignal.abort();
    expect(await runner.run([dir], { signal: aborted })).toMatchObject({ results: [], interrupted: true });
  });

  it('a signal during the walk, before the workers are given files, stops the run', async () => {
    // One file per directory: the walk lets the event loop in (and the abort through) long before it has
    // found the files that start the pool
    const dir = path.join(tmp, 'abort-walk');
    for (let i = 0; i < 300; i++) {
      fs.mkdirSync(path.join(dir, `d${String(i).padStart(3, '0')}`), { recursive: true });
      fs.writeFileSync(path.join(dir, `d${String(i).padStart(3, '0')}`, 'm.py'), generateFile(i));
    }
    const controller = new AbortController();
    const running = runner.run([dir], { jobs: 2, signal: controller.signal });
    setImmediate(() => controller.abort());
    expect(await running).toMatchObject({ results: [], interrupted: true });
  });
});

describe('SIGINT (the built CLI, --write)', () => {
  const COUNT = 3000;

  /** Runs the CLI with --write on a fresh generated tree, sends SIGINT once it has written a file. */
  async function interrupted(name: string, jobs: number, signals: number) {
    const dir = path.join(tmp, name);
    const files: string[] = generateTree(dir, { count: COUNT });
    const inode = new Map(files.map((f) => [f, fs.statSync(f).ino]));
    const child = spawn(process.execPath, [BIN, '--write', '--jobs', String(jobs), '-f', 'summary', dir], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the first file has been replaced (a rename gives it a new inode)
    const started = Date.now();
    let exitCode: number | null | undefined;
    void exited.then((c) => (exitCode = c));
    while (exitCode === undefined && !files.some((f) => fs.statSync(f).ino !== inode.get(f))) {
      if (Date.now() - started > 30_000) throw new Error('the CLI wrote nothing in 30 s');
      await new Promise((r) => setTimeout(r, 15));
    }
    expect(exitCode, `finished before the signal: ${stderr}`).toBeUndefined();
    for (let i = 0; i < signals; i++) child.kill('SIGINT');
    const code = await exited;
    return { dir, files, code, stderr };
  }

  /** Checks that every file is its original bytes or exactly the fully fixed bytes; returns how many are new. */
  function checkOldOrNew(dir: string, files: string[]): number {
    const originals = files.map((f) => Buffer.from(generateFile(Number(/job_(\d+)\.py$/.exec(f)![1]))));
    const changed = files.filter((f, i) => !fs.readFileSync(f).equals(originals[i]));
    // The expected new bytes: the originals of those files, fixed by a complete run
    const copy = `${dir}-expected`;
    for (const f of changed) {
      const target = path.join(copy, path.relative(dir, f));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, originals[files.indexOf(f)]);
    }
    if (changed.length) {
      const full = runCli(['--write', '-f', 'summary', copy]);
      expect(full.status, full.stderr).toBe(0);
    }
    for (const f of changed) {
      const expected = fs.readFileSync(path.join(copy, path.relative(dir, f)));
      expect(fs.readFileSync(f).equals(expected), `${f} is neither the original nor the fixed file`).toBe(
        true,
      );
    }
    return changed.length;
  }

  function tempFiles(dir: string): string[] {
    return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) =>
      path.basename(p).startsWith('.ftptls-tmp-'),
    );
  }

  for (const jobs of [2, 1]) {
    it(`the first SIGINT lets files in flight finish, then exits 130 (--jobs ${jobs})`, async () => {
      const { dir, files, code, stderr } = await interrupted(`sigint-j${jobs}`, jobs, 1);
      expect(code).toBe(130);
      const last = stderr.trim().split('\n').pop()!;
      const m = /^ftptls: interrupted after (\d+) files: (\d+) written whole, the rest untouched$/.exec(last);
      expect(m, stderr).not.toBeNull();
      const written = checkOldOrNew(dir, files);
      expect(written).toBe(Number(m![2]));
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(COUNT / 2); // it stopped early
      expect(tempFiles(dir)).toEqual([]);
    });
  }

  it('runs under Node options a worker thread refuses (node --max-old-space-size=512 ftptls ...)', () => {
    const dir = mixedTree('node-options', 200);
    const run = (nodeArgs: string[], jobs: number) => runCli(['--jobs', String(jobs), dir], { nodeArgs });
    const pooled = run(['--max-old-space-size=512', '--stack-size=2000'], 2);
    const single = run([], 1);
    expect(pooled.stderr).not.toContain('ERR_WORKER');
    expect(pooled.status).toBe(2); // broken.py and latin.py are errors, as in any run
    expect(single.status).toBe(2);
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.stdout).toContain('+++ b/');
  });

  it('a second SIGINT exits at once (130); files are still old or new', async () => {
    const { dir, files, code } = await interrupted('sigint-twice', 2, 2);
    expect(code).toBe(130);
    checkOldOrNew(dir, files);
  });
});
