// The installed Python tree as a large real input (~13,000 files with site-packages), through the built CLI:
// --write changes only files that mention ftplib, every changed file that compiled before still compiles, no
// run crashes, errors are one line each, and a second run (--check) finds nothing left to change.
//
// The tree is copied into a temporary directory first. Creating 13,000 files is slow on some machines (6-20 s
// here), so only the files that mention ftplib are copied; every other file is a hard link to the installed
// one. That is safe: ftptls never writes a file whose bytes do not mention ftplib (the claim under test, checked
// below by inode), and even a write would replace the directory entry (temp file + rename), never the shared
// inode. On another file system or on overlayfs (where a link copies the file up), files are copied.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from './helpers/run-cli.js';

const PYTHON = '/usr/bin/python3';
const EXTENSIONS = /\.(py|pyw|ipynb)$/;

function stdlibPath(): { dir?: string; reason?: string } {
  for (const python of ['python3', PYTHON]) {
    try {
      const dir = execFileSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
        encoding: 'utf8',
      }).trim();
      if (fs.existsSync(path.join(dir, 'ftplib.py'))) return { dir };
    } catch {
      // try the next one
    }
  }
  return { reason: 'no python3 with its standard library (ftplib.py) found' };
}

const found = stdlibPath();
const skip = !found.dir || !fs.existsSync(PYTHON);
if (skip) {
  const reason = found.reason ?? `${PYTHON} not found (needed to compile the changed files)`;
  if (process.env.CI === 'true') throw new Error(`corpus test cannot run under CI: ${reason}`);
  console.warn(`corpus test skipped: ${reason}`);
}

interface JsonReport {
  files: { path: string; status: string; error?: string }[];
  summary: { files: number; changed: number; errors: number };
}

let tmp: string;
let copy: string;
/** Relative path -> whether the installed file mentions ftplib. */
const mentions = new Map<string, boolean>();

beforeAll(() => {
  if (skip) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ftptls-corpus-'));
  copy = path.join(tmp, 'stdlib');
  const src = found.dir!;
  const marker = Buffer.from('ftplib');
  // Never on overlayfs (a container's image): linking a file of a lower layer copies it up, a write outside tmp
  const OVERLAYFS = 0x794c7630;
  let linkable = fs.statSync(src).dev === fs.statSync(tmp).dev && fs.statfsSync(src).type !== OVERLAYFS;
  const walk = (rel: string) => {
    let made = false;
    for (const e of fs.readdirSync(path.join(src, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== '__pycache__') walk(r);
      } else if (e.isFile() && EXTENSIONS.test(e.name)) {
        if (!made) fs.mkdirSync(path.join(copy, rel), { recursive: true });
        made = true;
        const from = path.join(src, r);
        const to = path.join(copy, r);
        const bytes = fs.readFileSync(from);
        const uses = bytes.indexOf(marker) >= 0;
        mentions.set(r, uses);
        if (uses || !linkable) fs.writeFileSync(to, bytes);
        else
          try {
            fs.linkSync(from, to);
          } catch {
            linkable = false;
            fs.writeFileSync(to, bytes);
          }
      }
    }
  };
  walk('');
}, 120_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The roots that reach every file: site-packages and venv are default excludes below a root. */
function roots(): string[] {
  return [copy, path.join(copy, 'site-packages'), path.join(copy, 'venv')].filter((d) => fs.existsSync(d));
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** compile() in one Python process: the files (given as [label, path]) that do not compile. */
function notCompiling(files: [string, string][]): Set<string> {
  const script =
    'import json, sys\n' +
    'bad = []\n' +
    'for label, p in json.load(sys.stdin):\n' +
    '    try:\n' +
    '        compile(open(p, "rb").read(), p, "exec", dont_inherit=True)\n' +
    '    except (SyntaxError, ValueError):\n' +
    '        bad.append(label)\n' +
    'print(json.dumps(bad))\n';
  const out = execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(files), encoding: 'utf8' });
  return new Set(JSON.parse(out) as string[]);
}

describe.skipIf(skip)('corpus: the installed Python standard library', () => {
  it('--write changes only files that use ftplib, keeps them compiling, and a --check run is clean', () => {
    const before = new Map<string, number>();
    for (const rel of mentions.keys()) before.set(rel, fs.statSync(path.join(copy, rel)).ino);

    const first = cli(['--write', '--format', 'json', ...roots()]);
    expect(first.signal).toBeNull();
    expect([0, 2], first.stderr).toContain(first.status);
    const report = JSON.parse(first.stdout) as JsonReport;
    expect(report.summary.files).toBe(mentions.size);
    // Errors are one line each, on stderr too
    const errors = report.files.filter((f) => f.status === 'error');
    for (const f of errors) expect(f.error, f.path).toMatch(/^[^\n]+$/);
    expect(first.status).toBe(errors.length ? 2 : 0);
    for (const line of first.stderr.trim().split('\n')) expect(line).not.toMatch(/^\s+at /);

    // Which files changed: a new inode (rename) or new bytes
    const changed = [...mentions.keys()].filter(
      (rel) => fs.statSync(path.join(copy, rel)).ino !== before.get(rel),
    );
    const reportedChanged = report.files
      .filter((f) => f.status === 'changed')
      .map((f) => path.relative(copy, f.path))
      .sort();
    expect(changed.sort()).toEqual(reportedChanged);
    for (const rel of changed) expect(mentions.get(rel), rel).toBe(true);
    expect(changed).toContain('urllib/request.py');
    expect(changed).not.toContain('ftplib.py');

    // Every changed file that compiled before still compiles
    const src = found.dir!;
    const badBefore = notCompiling(changed.map((rel) => [rel, path.join(src, rel)]));
    const badAfter = notCompiling(changed.map((rel) => [rel, path.join(copy, rel)]));
    for (const rel of badAfter) expect(badBefore.has(rel), `${rel} compiled before and not after`).toBe(true);

    // A second run has nothing left to change; its errors are the first run's
    const inodes = new Map([...mentions.keys()].map((rel) => [rel, fs.statSync(path.join(copy, rel)).ino]));
    const second = cli(['--check', '--format', 'json', ...roots()]);
    const again = JSON.parse(second.stdout) as JsonReport;
    expect(again.summary.changed).toBe(0);
    expect(again.files.filter((f) => f.status === 'error').map((f) => f.path)).toEqual(
      errors.map((f) => f.path),
    );
    expect(second.status).toBe(errors.length ? 2 : 0);
    for (const [rel, ino] of inodes) expect(fs.statSync(path.join(copy, rel)).ino, rel).toBe(ino);
  }, 120_000);
});
