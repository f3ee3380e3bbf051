// Error texts in one place: what a failure looks like in a FileResult and in a one-line message.
import type { FileResult } from './types.js';

/** An error's first line (its name when the message is empty): messages and reports are one line a file. */
export function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] || (err instanceof Error ? err.name : 'unknown error');
}

/** `ENOENT: no such file or directory, open 'x'` -> `no such file or directory` (the path is said already). */
export function ioMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code && typeof e.message === 'string') {
    const m = /^[A-Z]+: ([^,]+)/.exec(e.message);
    if (m) return m[1];
  }
  return oneLine(err);
}

/** The result of a file that could not be processed at all: no text, no findings, the reason. */
export function errorResult(path: string, error: string): FileResult {
  return { path, status: 'error', before: '', after: '', findings: [], error };
}
