// Temporary directories that are removed when the tests are done, whether they passed or not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Returns a function that makes a fresh directory os.tmpdir()/ftptls-<name>-XXXXXX each time it is called.
 * Every directory it made is removed (recursive, force) after the tests of the file, or of the describe
 * block where tempDirs is called. Call it where hooks can be registered: at the top level of a test file or
 * in a describe body, not inside a test or a hook.
 */
export function tempDirs(name: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ftptls-${name}-`));
    dirs.push(dir);
    return dir;
  };
}
