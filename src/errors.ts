// Error texts in one place: what a failure looks like in a FileResult and in a one-line message, and the
// errors that stop a run (here, not beside the code that throws them, so the CLI can tell them apart without
// loading that code).
import type { FileResult } from './types.js';

/** A configuration file that cannot be used: the CLI prints `ftptls: <message>` and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A transform selection that cannot be loaded (src/load-transforms.ts): one clear error before any file. */
export class TransformLoadError extends Error {}

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
