// The prefilter, shared by the worker's fast scan and process-file: a file whose bytes never contain
// `ftplib` cannot reach ftplib.FTP, so it is unchanged without decoding or parsing (README: re-exports).
// Kept free of heavy imports: workers load it before they know whether any file needs the pipeline.
import type { FileResult } from './types.js';

/** --max-file-size's default: larger files are an error for that file. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const NOTEBOOK_EXTENSION = '.ipynb';
/** A notebook file may be this many times larger than --max-file-size (outputs, images); its code may not. */
export const NOTEBOOK_SIZE_FACTOR = 20;

export function isNotebookPath(p: string): boolean {
  return p.toLowerCase().endsWith(NOTEBOOK_EXTENSION);
}

/** Why `size` bytes are too many for --max-file-size, or undefined. A notebook may be larger (its outputs). */
export function sizeError(
  path: string,
  size: number,
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): string | undefined {
  const factor = isNotebookPath(path) ? NOTEBOOK_SIZE_FACTOR : 1;
  if (size <= maxFileSize * factor) return undefined;
  return `file is larger than ${factor > 1 ? `${factor} × ` : ''}--max-file-size (${size} > ${maxFileSize * factor} bytes)`;
}

const NEEDLE = Buffer.from('ftplib');

export function mentionsFtplib(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(NEEDLE) >= 0;
}

/** The result of a file the prefilter settles. */
export function unchangedResult(path: string): FileResult {
  return { path, status: 'unchanged', before: '', after: '', findings: [] };
}
