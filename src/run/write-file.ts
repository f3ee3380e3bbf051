// Atomic in-place write: a temp file beside the target, written and fsynced, given the target's mode (and
// owner, when allowed), then renamed over it. Readers see the old file or the new one, never half of one.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export const TEMP_PREFIX = '.ftptls-tmp-';

/**
 * Replaces the file at `file` with `data`. Through a symlink, the link's target is replaced, not the link.
 * Keeps the file's permission bits (and owner and group when the process may set them). On any failure the
 * temp file is removed and the error rethrown; the original file is then untouched.
 */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const target = await resolveTarget(file);
  const stat = await fs.stat(target).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (stat && !stat.isFile()) {
    const code = stat.isDirectory() ? 'EISDIR' : 'EINVAL';
    throw Object.assign(new Error(`${code}: not a regular file, write '${file}'`), { code });
  }
  const tmp = path.join(path.dirname(target), `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
  let created = false;
  try {
    const handle = await fs.open(tmp, 'wx', 0o600);
    created = true;
    try {
      await handle.writeFile(data);
      if (stat) {
        // chown first: it may clear set-id bits that chmod then restores
        if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) {
          await handle.chown(stat.uid, stat.gid).catch(() => undefined);
        }
        await handle.chmod(stat.mode & 0o7777);
      } else {
        await handle.chmod(0o666 & ~process.umask());
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (err) {
    if (created) await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(path.dirname(target));
}

/** The real path of the file; a file that does not exist yet is written where it was named. */
async function resolveTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // A dangling symlink: write its target (as writeFile would), not over the link
    const link = await fs.readlink(file).catch(() => undefined);
    return link === undefined ? file : path.resolve(path.dirname(file), link);
  }
}

/** Makes the rename durable; best effort (not every file system lets a directory be fsynced). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // ignore
  }
}
