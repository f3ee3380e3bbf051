import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { TEMP_PREFIX, writeFileAtomic } from '../src/run/write-file.js';
import { tempDirs } from './helpers/temp.js';

const tempDir = tempDirs('write');

const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));
const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('writeFileAtomic', () => {
  it('replaces the content byte for byte and leaves no temp file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.py');
    fs.writeFileSync(file, 'old\n');
    const data = bytes('# coding: latin-1\r\ns = "\xe9"\r\n\xff');
    await writeFileAtomic(file, data);
    expect(fs.readFileSync(file)).toEqual(data);
    expect(leftovers(dir)).toEqual([]);
  });

  it('replaces the file (new inode), so a reader holding the old one sees the old content', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.py');
    fs.writeFileSync(file, 'old\n');
    const before = fs.statSync(file).ino;
    const fd = fs.openSync(file, 'r');
    await writeFileAtomic(file, bytes('new\n'));
    expect(fs.statSync(file).ino).not.toBe(before);
    expect(fs.readFileSync(fd, 'latin1')).toBe('old\n');
    fs.closeSync(fd);
  });

  it('keeps the mode: 0755 stays executable, 0600 stays private', async () => {
    const dir = tempDir();
    for (const mode of [0o755, 0o600, 0o640, 0o4755]) {
      const file = path.join(dir, `m${mode.toString(8)}.py`);
      fs.writeFileSync(file, 'x\n');
      fs.chmodSync(file, mode);
      await writeFileAtomic(file, bytes('y\n'));
      expect(fs.statSync(file).mode & 0o7777).toBe(mode);
    }
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner and group (when allowed to set them)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'owned.py');
    fs.writeFileSync(file, 'x\n');
    fs.chownSync(file, 1234, 2345);
    await writeFileAtomic(file, bytes('y\n'));
    const stat = fs.statSync(file);
    expect([stat.uid, stat.gid]).toEqual([1234, 2345]);
  });

  it('writes through a symlink: the target changes, the link stays a link', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 't.py');
    fs.writeFileSync(target, 'old\n');
    fs.chmodSync(target, 0o750);
    const link = path.join(dir, 'link.py');
    fs.symlinkSync('real/t.py', link);
    await writeFileAtomic(link, bytes('new\n'));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('real/t.py');
    expect(fs.readFileSync(target, 'latin1')).toBe('new\n');
    expect(fs.statSync(target).mode & 0o777).toBe(0o750);
    // the temp file lived beside the target, and is gone
    expect(leftovers(path.join(dir, 'real'))).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('creates a file that does not exist yet', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.py');
    await writeFileAtomic(file, bytes('x\n'));
    expect(fs.readFileSync(file, 'latin1')).toBe('x\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it('refuses to replace a directory, leaving it and no temp file behind', async () => {
    const dir = tempDir();
    const sub = path.join(dir, 'pkg.py');
    fs.mkdirSync(sub);
    await expect(writeFileAtomic(sub, bytes('x\n'))).rejects.toMatchObject({ code: 'EISDIR' });
    expect(fs.statSync(sub).isDirectory()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('removes the temp file and rethrows when the rename fails; the original is untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.py');
    fs.writeFileSync(file, 'old\n');
    const rename = vi
      .spyOn(fsp, 'rename')
      .mockRejectedValueOnce(
        Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' }),
      );
    try {
      await expect(writeFileAtomic(file, bytes('new\n'))).rejects.toMatchObject({ code: 'EXDEV' });
      expect(rename).toHaveBeenCalledOnce();
      expect(path.basename(rename.mock.calls[0][0] as string)).toMatch(/^\.ftptls-tmp-/);
    } finally {
      rename.mockRestore();
    }
    expect(leftovers(dir)).toEqual([]);
    expect(fs.readFileSync(file, 'latin1')).toBe('old\n');
  });

  it('fails cleanly when the directory does not exist', async () => {
    const file = path.join(tempDir(), 'missing-dir', 'a.py');
    await expect(writeFileAtomic(file, bytes('x\n'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
