// The prefilter, shared by the worker's fast scan and process-file: a file whose bytes never contain
// `ftplib` cannot reach ftplib.FTP, so it is unchanged without decoding or parsing (README: re-exports).
// Kept free of heavy imports: workers load it before they know whether any file needs the pipeline.
import type { FileResult } from './types.js';

/** --max-file-size's default: larger files are an error for that file. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

const NEEDLE = Buffer.from('ftplib');

export function mentionsFtplib(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(NEEDLE) >= 0;
}

/** The result of a file the prefilter settles. */
export function unchangedResult(path: string): FileResult {
  return { path, status: 'unchanged', before: '', after: '', findings: [] };
}
