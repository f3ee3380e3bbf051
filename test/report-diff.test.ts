// The unified diff reporter, checked against the real consumers: every diff here is applied with `git apply`
// and with `patch -p1 --binary` to the before text, and the result must equal the after text byte for byte.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../bench/random.js';
import { lineHunks, splitLinesLf, splitLinesUniversal, unifiedDiff } from '../src/report/diff.js';
import { tempDirs } from './helpers/temp.js';

/** Every directory and patch file of this file lives in here. */
const tmpRoot = tempDirs('diff')();

let dirCount = 0;
function freshDir(): string {
  const dir = path.join(tmpRoot, String(dirCount++));
  fs.mkdirSync(dir);
  return dir;
}

interface Case {
  path: string;
  before: string;
  after: string;
}

function writeBefores(dir: string, cases: Case[]): void {
  for (const c of cases) {
    const file = path.join(dir, c.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, c.before, 'utf8');
  }
}

function checkAfters(dir: string, cases: Case[], tool: string): void {
  for (const c of cases) {
    const got = fs.readFileSync(path.join(dir, c.path));
    expect(got.equals(Buffer.from(c.after, 'utf8')), `${tool}: ${JSON.stringify(c)}`).toBe(true);
  }
}

function run(cmd: string, args: string[], cwd: string): void {
  try {
    execFileSync(cmd, args, {
      cwd,
      stdio: 'pipe',
      // Never let git find a repository above the temp dir, nor a user's config change how it applies.
      env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(cwd), GIT_CONFIG_GLOBAL: '/dev/null' },
    });
  } catch (err) {
    const e = err as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${e.stdout?.toString()}${e.stderr?.toString()}`);
  }
}

/** Applies the diffs of all cases (one patch file) with git apply and with patch; both must give `after`. */
function applyAll(cases: Case[], context?: number): string {
  const patch = cases.map((c) => unifiedDiff(c.path, c.before, c.after, { context })).join('');
  const gitDir = freshDir();
  writeBefores(gitDir, cases);
  const patchFile = `${gitDir}.diff`;
  fs.writeFileSync(patchFile, patch, 'utf8');
  run(
    'git',
    [
      '-c',
      'core.autocrlf=false',
      'apply',
      '--whitespace=nowarn',
      ...(context === 0 ? ['--unidiff-zero'] : []),
      patchFile,
    ],
    gitDir,
  );
  checkAfters(gitDir, cases, 'git apply');

  const patchDir = freshDir();
  writeBefores(patchDir, cases);
  run('patch', ['-p1', '--binary', '--quiet', '--no-backup-if-mismatch', '-i', patchFile], patchDir);
  checkAfters(patchDir, cases, 'patch -p1');
  return patch;
}

function applyOne(before: string, after: string, p = 'pkg/mod.py'): string {
  return applyAll([{ path: p, before, after }]);
}

const INSECURE = 'from ftplib import FTP\n\nftp = FTP("h")\nftp.login("u", "p")\nftp.retrlines("LIST")\n';
const SECURE =
  'from ftplib import FTP_TLS\n\nftp = FTP_TLS("h")\nftp.login("u", "p")\nftp.prot_p()\nftp.retrlines("LIST")\n';
const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const numbered = (n: number, eol = '\n') =>
  Array.from({ length: n }, (_, i) => `line ${i + 1}${eol}`).join('');
/** The hunk's lines for INSECURE -> SECURE, without their line ends. */
const HUNK = [
  '-from ftplib import FTP',
  '+from ftplib import FTP_TLS',
  ' ',
  '-ftp = FTP("h")',
  '+ftp = FTP_TLS("h")',
  ' ftp.login("u", "p")',
  '+ftp.prot_p()',
  ' ftp.retrlines("LIST")',
];

describe('unifiedDiff: exact output', () => {
  it('writes git-style headers, hunk headers and 3 lines of context', () => {
    expect(unifiedDiff('app/upload.py', INSECURE, SECURE)).toBe(
      ['--- a/app/upload.py', '+++ b/app/upload.py', '@@ -1,5 +1,6 @@', ...HUNK, ''].join('\n'),
    );
  });

  it('keeps CRLF in every line of a CRLF file', () => {
    const d = unifiedDiff('a.py', crlf(INSECURE), crlf(SECURE));
    const body = d.split('\n').slice(3, -1); // hunk lines
    expect(body).toEqual(HUNK.map((line) => `${line}\r`));
    expect(d.startsWith('--- a/a.py\n+++ b/a.py\n@@ -1,5 +1,6 @@\n-from ftplib import FTP\r\n')).toBe(true);
  });

  it('marks a missing final newline on the side that lacks it', () => {
    expect(unifiedDiff('a.py', 'x\ny', 'x\nz')).toBe(
      '--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n',
    );
    expect(unifiedDiff('a.py', 'x\ny', 'x\ny\n')).toBe(
      '--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n',
    );
    expect(unifiedDiff('a.py', 'x\ny\n', 'x\ny')).toBe(
      '--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,2 @@\n x\n-y\n+y\n\\ No newline at end of file\n',
    );
    // An unchanged last line without newline is context, marker included.
    expect(unifiedDiff('a.py', 'a\nb', 'A\nb')).toBe(
      '--- a/a.py\n+++ b/a.py\n@@ -1,2 +1,2 @@\n-a\n+A\n b\n\\ No newline at end of file\n',
    );
  });

  it('writes empty ranges as diff does (the line before, count 0)', () => {
    expect(unifiedDiff('a.py', '', 'x\n')).toBe('--- a/a.py\n+++ b/a.py\n@@ -0,0 +1 @@\n+x\n');
    expect(unifiedDiff('a.py', 'a\nb\n', 'a\nn\nb\n', { context: 0 })).toBe(
      '--- a/a.py\n+++ b/a.py\n@@ -1,0 +2 @@\n+n\n',
    );
    expect(unifiedDiff('a.py', 'a\nb\n', 'b\n', { context: 0 })).toBe(
      '--- a/a.py\n+++ b/a.py\n@@ -1 +0,0 @@\n-a\n',
    );
  });

  it('returns an empty string for identical input', () => {
    expect(unifiedDiff('a.py', INSECURE, INSECURE)).toBe('');
    expect(unifiedDiff('a.py', '', '')).toBe('');
  });

  it('splits far-apart changes into hunks and merges near ones', () => {
    const before = numbered(30);
    const far = before.replace('line 2\n', 'LINE 2\n').replace('line 25\n', 'LINE 25\n');
    const d = unifiedDiff('a.py', before, far);
    expect(d.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -22,7 +22,7 @@']);
    // 6 unchanged lines between two changes (= 2 * context): one hunk, as git and GNU diff do.
    const near = before.replace('line 5\n', 'LINE 5\n').replace('line 12\n', 'LINE 12\n');
    expect(unifiedDiff('a.py', before, near).match(/^@@ .* @@$/gm)).toEqual(['@@ -2,14 +2,14 @@']);
    const apart = before.replace('line 5\n', 'LINE 5\n').replace('line 13\n', 'LINE 13\n');
    expect(unifiedDiff('a.py', before, apart).match(/^@@ .* @@$/gm)).toEqual([
      '@@ -2,7 +2,7 @@',
      '@@ -10,7 +10,7 @@',
    ]);
  });
});

describe('unifiedDiff: header paths (git diff --no-index, minus the ./)', () => {
  const header = (p: string) => unifiedDiff(p, 'a\n', 'b\n').split('\n').slice(0, 2);
  it('prefixes a/ and b/', () => {
    expect(header('src/x.py')).toEqual(['--- a/src/x.py', '+++ b/src/x.py']);
  });
  it('drops a leading ./', () => {
    expect(header('./src/x.py')).toEqual(['--- a/src/x.py', '+++ b/src/x.py']);
  });
  it("drops an absolute path's leading / as git does", () => {
    expect(header('/tmp/x.py')).toEqual(['--- a/tmp/x.py', '+++ b/tmp/x.py']);
  });
  it('keeps ../ as given', () => {
    expect(header('../x.py')).toEqual(['--- a/../x.py', '+++ b/../x.py']);
  });
  it('adds a tab after a name with a space, and C-quotes quotes and backslashes', () => {
    expect(header('my dir/x.py')).toEqual(['--- a/my dir/x.py\t', '+++ b/my dir/x.py\t']);
    expect(header('q"b.py')).toEqual(['--- "a/q\\"b.py"', '+++ "b/q\\"b.py"']);
  });
  it('keeps non-ASCII names as they are', () => {
    expect(header('données/ü.py')).toEqual(['--- a/données/ü.py', '+++ b/données/ü.py']);
  });
});

describe('unifiedDiff: applies with git apply and patch -p1, byte for byte', () => {
  it('LF', () => {
    applyOne(INSECURE, SECURE);
  });
  it('CRLF', () => {
    const d = applyOne(crlf(INSECURE), crlf(SECURE));
    expect(d).toContain('+ftp.prot_p()\r\n');
  });
  it('mixed line endings', () => {
    applyOne('a\r\nb\nc\r\nd\ne\r\n', 'a\r\nB\nc\r\nd\nx\r\ne\r\n');
    applyOne(
      'from ftplib import FTP\r\nftp = FTP("h")\nftp.login()\r\n',
      'from ftplib import FTP_TLS\r\nftp = FTP_TLS("h")\nftp.login()\r\nftp.prot_p()\r\n',
    );
  });
  it('lone CR line ends (one line to git)', () => {
    applyOne('a\rb\rc\r', 'a\rB\rc\rd\r');
    applyOne('x\ny\rz\n', 'x\ny\rZ\n');
  });
  it('no newline at end of file: before, after, both', () => {
    applyOne('a\nb\nc', 'a\nb\nc\n');
    applyOne('a\nb\nc\n', 'a\nb\nc');
    applyOne('a\nb\nc', 'a\nB\nc');
    applyOne('a\nb\nc', 'A\nb\nc');
    applyOne('a\r\nb\r\nc', 'a\r\nb\r\nC');
    applyOne('only', 'other');
    applyOne('only\r\n', 'only');
  });
  it('change at the first and at the last line', () => {
    applyOne(numbered(10), numbered(10).replace('line 1\n', 'first\n'));
    applyOne(numbered(10), numbered(10).replace('line 10\n', 'last\n'));
    applyOne(numbered(10), 'first\n' + numbered(10).slice('line 1\n'.length).replace('line 10\n', 'last\n'));
  });
  it('insertions only: at the start, in the middle, at the end, into an empty file', () => {
    applyOne(numbered(10), 'new\n' + numbered(10));
    applyOne(numbered(10), numbered(10).replace('line 5\n', 'line 5\nnew a\nnew b\n'));
    applyOne(numbered(10), numbered(10) + 'new\n');
    applyOne(numbered(3), numbered(3) + 'tail without newline');
  });
  it('deletions only', () => {
    applyOne(numbered(10), numbered(10).replace('line 5\nline 6\n', ''));
    applyOne(numbered(10), numbered(10).replace('line 1\n', ''));
    applyOne(numbered(10), numbered(10).replace('line 10\n', ''));
    applyOne(numbered(4), '');
  });
  it('non-ASCII text and names', () => {
    applyOne(
      '# coding: utf-8\n# Größe 🚀 漢字\nftp = FTP("hôte")\n',
      '# coding: utf-8\n# Größe 🚀 漢字\nftp = FTP_TLS("hôte")\n',
    );
    applyOne('é\n', 'è\n', 'données/modülé.py');
  });
  it('names with spaces and quotes', () => {
    applyOne(INSECURE, SECURE, 'my dir/up load.py');
    applyOne(INSECURE, SECURE, 'q"b.py');
  });
  it('many hunks, and other context sizes', () => {
    const before = numbered(60);
    const after = before
      .replace('line 1\n', 'one\n')
      .replace('line 9\n', 'nine\nnine and a half\n')
      .replace('line 30\n', '')
      .replace('line 59\n', 'fifty-nine\n');
    applyOne(before, after);
    applyAll([{ path: 'c1.py', before, after }], 1);
    applyAll([{ path: 'c0.py', before, after }], 0);
    applyAll([{ path: 'c9.py', before, after }], 9);
  });

  it('random texts (seeded): mixed endings, missing final newlines, edits anywhere', () => {
    const next = mulberry32(42);
    const rand = (n: number) => Math.floor(next() * n);
    const eols = ['\n', '\r\n', '\n', '\r\n', '\r'];
    const words = ['ftp', 'FTP', 'login()', 'prot_p()', 'é', '🚀', '', '  ', 'x'];
    const randomText = () => {
      const n = rand(12);
      let s = '';
      for (let i = 0; i < n; i++)
        s += words[rand(words.length)] + (i < n - 1 || rand(3) ? eols[rand(eols.length)] : '');
      return s;
    };
    const mutate = (s: string) => {
      const lines = splitLinesLf(s);
      const k = rand(4) + 1;
      for (let i = 0; i < k; i++) {
        const at = rand(lines.length + 1);
        const what = rand(3);
        if (what === 0) lines.splice(at, 0, words[rand(words.length)] + eols[rand(2)]);
        else if (what === 1) lines.splice(at, 1);
        else if (at < lines.length) lines[at] = words[rand(words.length)] + (rand(4) ? eols[rand(2)] : '');
      }
      // A line without "\n" can only be last.
      return lines.map((l, i) => (i < lines.length - 1 && !l.endsWith('\n') ? l + '\n' : l)).join('');
    };
    const cases: Case[] = [];
    for (let i = 0; i < 80; i++) {
      const before = randomText();
      const after = mutate(before);
      if (before !== after) cases.push({ path: `r/${i}.py`, before, after });
    }
    expect(cases).toHaveLength(76); // of 80 (seeded): the others' mutations happened to change nothing
    applyAll(cases);
  });
});

describe('unifiedDiff: colors', () => {
  const ESC = '\x1b[';
  it('uses none unless asked, whatever the environment', () => {
    expect(unifiedDiff('a.py', INSECURE, SECURE, { color: false })).not.toContain(ESC);
    expect(unifiedDiff('a.py', INSECURE, SECURE)).not.toContain(ESC);
  });
  it('paints headers bold, hunk headers cyan, removals red, additions green', () => {
    const d = unifiedDiff('a.py', crlf(INSECURE), crlf(SECURE), { color: true });
    expect(d).toContain(`${ESC}1m--- a/a.py`);
    expect(d).toContain(`${ESC}36m@@ -1,5 +1,6 @@`);
    expect(d).toContain(`${ESC}31m-from ftplib import FTP${ESC}39m\r\n`);
    expect(d).toContain(`${ESC}32m+ftp.prot_p()${ESC}39m\r\n`);
    // Without the escapes it is exactly the plain diff.
    expect(d.replace(/\x1b\[\d+m/g, '')).toBe(unifiedDiff('a.py', crlf(INSECURE), crlf(SECURE)));
  });
});

describe('line splitting and hunks', () => {
  it('splitLinesLf keeps terminators and treats \\r as content', () => {
    expect(splitLinesLf('a\r\nb\rc\nd')).toEqual(['a\r\n', 'b\rc\n', 'd']);
    expect(splitLinesLf('')).toEqual([]);
    expect(splitLinesLf('\n\n')).toEqual(['\n', '\n']);
  });
  it('splitLinesUniversal ends lines at \\r\\n, \\n and lone \\r', () => {
    expect(splitLinesUniversal('a\r\nb\rc\nd')).toEqual(['a\r\n', 'b\r', 'c\n', 'd']);
    expect(splitLinesUniversal('\r\r\n')).toEqual(['\r', '\r\n']);
    expect(splitLinesUniversal('')).toEqual([]);
  });
  it('lineHunks with no context gives one hunk per run of changes, removals first', () => {
    const h = lineHunks(['a', 'b', 'c', 'd'], ['a', 'B', 'c', 'd', 'e'], 0);
    expect(h).toEqual([
      {
        oldStart: 1,
        newStart: 1,
        ops: [
          { kind: '-', line: 'b' },
          { kind: '+', line: 'B' },
        ],
      },
      { oldStart: 4, newStart: 4, ops: [{ kind: '+', line: 'e' }] },
    ]);
  });
});
