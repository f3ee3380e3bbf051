// The standard library of /usr/bin/python3, a real input of many files, through the built CLI: --write changes
// only files that mention ftplib, every changed file that compiled before still compiles, no run crashes,
// errors are one line each, and a second run (--check) finds nothing left to change.
//
// Which trees: that of /usr/bin/python3 (sysconfig's "stdlib" path), Debian's interpreter that .ci/run installs
// and that compiles the files below. Debian's python3.11 is ~670 files (its test suite is another package); a
// bigger tree can be given as FTPTLS_CORPUS=DIR, a second corpus (a full CPython is ~1,800 files, ~13,000 with
// the packages of a site-packages inside it, a root of its own below as the CLI skips site-packages when
// walking). Its files are compiled by /usr/bin/python3 too: "compiled before and after" asks one compiler.
//
// The tree is copied into a temporary directory first. Creating many files is slow on some machines, so only
// the files that mention ftplib are copied; every other file is a hard link to the installed one. That is
// safe: ftptls never writes a file whose bytes do not mention ftplib (the claim under test, checked below by
// inode), and even a write would replace the directory entry (temp file + rename), never the shared inode. On
// another file system or on overlayfs (where a link copies the file up), files are copied.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { notCompiling, pythonUnavailable, SYSTEM_PYTHON, systemStdlib } from './helpers/python.js';
import { runCli } from './helpers/run-cli.js';
import { requireAvailable, shouldSkip } from './helpers/skip.js';
import { tempDirs } from './helpers/temp.js';

const EXTENSIONS = /\.(py|pyw|ipynb)$/;

/** SYSTEM_PYTHON's standard library, or why there is none to use. */
function systemCorpus(): { stdlib?: string; reason?: string } {
  const reason = pythonUnavailable();
  if (reason) return { reason };
  const stdlib = systemStdlib();
  if (!fs.existsSync(path.join(stdlib, 'ftplib.py')))
    return { reason: `${stdlib}, the standard library of ${SYSTEM_PYTHON}, has no ftplib.py` };
  return { stdlib };
}

/** FTPTLS_CORPUS, when given: a tree of one's choice (a bigger Python), or why it cannot be used. */
function givenCorpus(dir: string): { stdlib?: string; reason?: string } {
  const reason = pythonUnavailable(); // it compiles the files
  if (reason) return { reason };
  if (!fs.existsSync(path.join(dir, 'ftplib.py'))) return { reason: `FTPTLS_CORPUS=${dir} has no ftplib.py` };
  return { stdlib: dir };
}

const corpora = [
  systemCorpus(),
  ...(process.env.FTPTLS_CORPUS ? [givenCorpus(process.env.FTPTLS_CORPUS)] : []),
];

interface JsonReport {
  files: { path: string; status: string; error?: string }[];
  summary: { files: number; changed: number; errors: number };
}

/** Runs the CLI on the copy: the JSON report of a big tree exceeds spawnSync's 1 MiB default buffer. */
function cli(args: string[]) {
  return runCli(args, { maxBuffer: 256 * 1024 * 1024 });
}

/** compile() in one Python process: the files (given as [label, path]) that do not compile. */
function notCompilingLabels(files: [string, string][]): Set<string> {
  const bad = notCompiling(files.map(([, p]) => p));
  return new Set(files.filter(([, p]) => p in bad).map(([label]) => label));
}

for (const found of corpora) {
  describe.skipIf(shouldSkip('corpus', found.reason))(
    `corpus: ${found.stdlib ?? `the standard library of ${SYSTEM_PYTHON}`}`,
    () => {
      const tempDir = tempDirs('corpus');
      let copy: string;
      /** Relative path -> whether the installed file mentions ftplib. */
      const mentions = new Map<string, boolean>();

      beforeAll(() => {
        requireAvailable('corpus', found.reason);
        const tmp = tempDir();
        copy = path.join(tmp, 'stdlib');
        const src = found.stdlib!;
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

      /** The roots that reach every file: site-packages and venv are default excludes below a root. */
      const roots = () =>
        [copy, path.join(copy, 'site-packages'), path.join(copy, 'venv')].filter((d) => fs.existsSync(d));

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
        const src = found.stdlib!;
        const badBefore = notCompilingLabels(changed.map((rel) => [rel, path.join(src, rel)]));
        const badAfter = notCompilingLabels(changed.map((rel) => [rel, path.join(copy, rel)]));
        for (const rel of badAfter)
          expect(badBefore.has(rel), `${rel} compiled before and not after`).toBe(true);

        // A second run has nothing left to change; its errors are the first run's
        const inodes = new Map(
          [...mentions.keys()].map((rel) => [rel, fs.statSync(path.join(copy, rel)).ino]),
        );
        const second = cli(['--check', '--format', 'json', ...roots()]);
        const again = JSON.parse(second.stdout) as JsonReport;
        expect(again.summary.changed).toBe(0);
        expect(again.files.filter((f) => f.status === 'error').map((f) => f.path)).toEqual(
          errors.map((f) => f.path),
        );
        expect(second.status).toBe(errors.length ? 2 : 0);
        for (const [rel, ino] of inodes) expect(fs.statSync(path.join(copy, rel)).ino, rel).toBe(ino);
      }, 120_000);
    },
  );
}
