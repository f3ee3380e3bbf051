// The CLI contract end to end, on real files in temporary directories: the built bin/ftptls.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers/run-cli.js';

import { INSECURE, SECURE } from './helpers/samples.js';
import { tempDirs } from './helpers/temp.js';

const newDir = tempDirs('cli');
let dir: string;
beforeEach(() => {
  dir = newDir();
});

function write(rel: string, text: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('ftptls CLI', () => {
  it('prints a unified diff and changes nothing by default', () => {
    const file = write('app/upload.py', INSECURE);
    write('app/other.py', 'print("no ftp here")\n');
    const r = runCli(['app'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--- a/app/upload.py\n+++ b/app/upload.py\n');
    expect(r.stdout).toContain('-from ftplib import FTP\n+from ftplib import FTP_TLS\n');
    expect(r.stdout).toContain('+ftp.prot_p()\n');
    expect(r.stdout).not.toContain('other.py');
    expect(fs.readFileSync(file, 'utf8')).toBe(INSECURE);
    expect(r.stderr).toMatch(/1 files? changed/);
  });

  it('prints the diff of a file in its own encoding (latin-1), which patch applies to it', () => {
    const before = Buffer.from(
      `# -*- coding: latin-1 -*-\n# Café\n${INSECURE.replace('"user"', '"usér"')}`,
      'latin1',
    );
    const file = write('legacy.py', before);
    const copy = write('copy/legacy.py', before);
    const r = runCli(['legacy.py'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const diff = r.stdoutBytes;
    expect(diff.includes(Buffer.from('usér', 'latin1'))).toBe(true); // é as one byte, 0xE9
    expect(diff.includes(Buffer.from('usér', 'utf8'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'fix.patch'), diff);
    const applied = spawnSync('patch', ['-p1', '--binary', '--quiet', '-i', 'fix.patch'], { cwd: dir });
    expect(applied.error, 'GNU patch must be installed (.ci/run installs it)').toBeUndefined();
    expect(applied.status, applied.stderr.toString()).toBe(0);
    // patched from the diff: byte for byte what --write makes of the same file
    expect(runCli(['--write', copy]).status).toBe(0);
    const fixed = fs.readFileSync(file);
    expect(fixed.toString('latin1')).toContain('FTP_TLS("ftp.example.com")');
    expect(fixed.equals(fs.readFileSync(copy))).toBe(true);
  });

  it('--write rewrites in place, and --check then passes', () => {
    const file = write('upload.py', INSECURE);
    fs.chmodSync(file, 0o754);
    const w = runCli(['--write', '.'], { cwd: dir });
    expect(w.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(SECURE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o754);
    expect(fs.readdirSync(dir)).toEqual(['upload.py']); // no temp file left behind
    const c = runCli(['--check', '.'], { cwd: dir });
    expect(c.status).toBe(0);
    expect(c.stdout).toBe('');
  });

  it('--check exits 1 and shows what would change', () => {
    write('upload.py', INSECURE);
    const r = runCli(['--check', 'upload.py'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('+ftp.prot_p()');
    expect(fs.readFileSync(path.join(dir, 'upload.py'), 'utf8')).toBe(INSECURE);
  });

  it('reports a bad file on one line, goes on with the others, and exits 2', () => {
    write('a_broken.py', 'import ftplib\ndef f(:\n');
    write(
      'b_bad_utf8.py',
      Buffer.from([
        0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x20, 0x66, 0x74, 0x70, 0x6c, 0x69, 0x62, 0x0a, 0xff, 0xfe, 0x0a,
      ]),
    );
    const good = write('c_good.py', INSECURE);
    const r = runCli(['--write', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a_broken\.py: error: syntax error at 2:\d+/);
    expect(r.stderr).toMatch(/b_bad_utf8\.py: error: .*UTF-8/);
    expect(fs.readFileSync(good, 'utf8')).toBe(SECURE);
    expect(fs.readFileSync(path.join(dir, 'a_broken.py'), 'utf8')).toBe('import ftplib\ndef f(:\n');
  });

  it('exits 2 on usage errors', () => {
    expect(runCli([], { cwd: dir }).status).toBe(2);
    const r = runCli(['--bogus-flag', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bogus-flag');
    expect(runCli(['--write', '--check', '.'], { cwd: dir }).status).toBe(2);
    expect(runCli(['-t', 'nope', '.'], { cwd: dir }).status).toBe(2);
  });

  it('exits 2 for a path that does not exist', () => {
    const r = runCli(['missing.py'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing.py');
  });

  it('reads standard input and writes the fixed source to standard output', () => {
    const r = runCli(['-', '--stdin-filename', 'editor.py'], { cwd: dir, input: INSECURE });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(SECURE);
    const c = runCli(['--check', '-'], { cwd: dir, input: INSECURE });
    expect(c.status).toBe(1);
  });

  it('keeps CRLF line endings, a BOM and a missing final newline', () => {
    const crlf = Buffer.from('\ufeff' + INSECURE.replace(/\n/g, '\r\n').replace(/\r\n$/, ''), 'utf8');
    const file = write('win.py', crlf);
    expect(runCli(['--write', 'win.py'], { cwd: dir }).status).toBe(0);
    const expected = Buffer.from('\ufeff' + SECURE.replace(/\n/g, '\r\n').replace(/\r\n$/, ''), 'utf8');
    expect(fs.readFileSync(file).equals(expected)).toBe(true);
  });

  it('lists the transforms', () => {
    const r = runCli(['--list-transforms']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ftp-to-ftp-tls\t/m);
    expect(r.stdout).toMatch(/^prot-p\t/m);
    expect(r.stdout).toMatch(
      /^hardcoded-credentials\tReport FTP logins whose password is a string in the code/m,
    );
    expect(r.stdout).toMatch(/^ssl-context \(opt-in\)\t/m);
    // on by default (no "(opt-in)"), after prot-p
    expect(r.stdout).toMatch(/^prot-p\t[^]*^mock-targets\tMove test doubles .* to ftplib\.FTP_TLS /m);
  });

  it('gives the same output in path order with one job and with worker threads', () => {
    for (let i = 0; i < 300; i++) write(`pkg${i % 7}/mod${i}.py`, i % 3 ? INSECURE : 'x = 1\n');
    const one = runCli(['--jobs', '1', '.'], { cwd: dir });
    const two = runCli(['--jobs', '2', '.'], { cwd: dir });
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const paths = [...one.stdout.matchAll(/^--- a\/(.*)$/gm)].map((m) => m[1]);
    expect(paths.length).toBe(200);
    expect(paths).toEqual([...paths].sort());
  });

  it('--format json prints one document with per-file results', () => {
    write('upload.py', INSECURE);
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const file = doc.files.find((f: { path: string }) => f.path.endsWith('upload.py'));
    expect(file.status).toBe('changed');
    expect(file.findings.map((f: { rule: string; status: string }) => `${f.rule}:${f.status}`)).toEqual([
      'ftp-to-ftp-tls:fixed',
      'prot-p:fixed',
      'hardcoded-credentials:manual', // the sample's password is in the code: reported, nothing changed
    ]);
  });

  it('keeps paths after a repeatable option as paths', () => {
    write('lab.py', 'from ftplib import FTP\n\nftp = FTP("lab")  # lab-only\n');
    const r = runCli(['--suppress-comment', '# lab-only', 'lab.py'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/1 suppressed/);
  });

  it('prints its own version, wherever it is run from', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    const r = runCli(['--version'], { cwd: dir });
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('ends quietly when its output pipe closes early', () => {
    for (let i = 0; i < 200; i++) write(`m${i}.py`, INSECURE);
    const r = spawnSync(
      'bash',
      ['-c', `node ${JSON.stringify(BIN)} . | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stdout.trim()).toBe('0');
  });
});
