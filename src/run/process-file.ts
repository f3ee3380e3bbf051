// One file from disk to a FileResult: read, cheap prefilter, decode, transform, and (with --write) write back
// atomically in the file's own encoding. The same code runs in worker threads and in-process; standard input
// (`ftptls -`) goes through processBytes, the part after the read, so it gets every rule a file gets.
import fs from 'node:fs/promises';
import { resolve } from 'node:path';
import { errorResult, ioMessage, oneLine } from '../errors.js';
import {
  DEFAULT_MAX_FILE_SIZE,
  isNotebookPath,
  mentionsFtplib,
  sizeError,
  unchangedResult,
} from '../prefilter.js';
import { initParser } from '../parser.js';
import { DecodeError, decodeSource, encodeSource } from '../source-text.js';
import { transformSourceSync } from '../transform-source.js';
import type { FileResult, Transform } from '../types.js';

export interface ProcessOptions {
  write?: boolean;
  suppressComments?: string[];
  /** Files larger than this many bytes are an error for that file. */
  maxFileSize?: number;
  /** Relative paths are relative to this folder (default: the process's). Results keep the path as given. */
  cwd?: string;
  /** Process files marked @generated instead of skipping them. */
  includeGenerated?: boolean;
  [option: string]: unknown;
}

/** A file's result, and the bytes to write when it changed (undefined otherwise: the input stands). */
export interface Processed {
  result: FileResult;
  out?: Uint8Array;
}

const GENERATED = /@generated\b/;

/**
 * Reads `path` (unless its bytes are given, e.g. by the scan that already read them), processes it and with
 * --write writes the result back atomically.
 */
export async function processFile(
  path: string,
  transforms: Transform[],
  options: ProcessOptions,
  bytes?: Uint8Array,
): Promise<FileResult> {
  const onDisk = options.cwd ? resolve(options.cwd, path) : path;
  if (!bytes) {
    const read = await readFileLimited(path, onDisk, options);
    if (typeof read === 'string') return errorResult(path, read);
    bytes = read;
  }
  return writeProcessed(path, await processBytes(path, bytes, transforms, options), options);
}

/** With --write, writes a processed file's new bytes back atomically; its result either way. */
export async function writeProcessed(
  path: string,
  { result, out }: Processed,
  options: ProcessOptions,
): Promise<FileResult> {
  if (out && options.write) {
    const { writeFileAtomic } = await import('./write-file.js'); // only --write needs it (and node:crypto)
    try {
      await writeFileAtomic(options.cwd ? resolve(options.cwd, path) : path, out);
    } catch (err) {
      return { ...result, status: 'error', error: `could not write: ${ioMessage(err)}` };
    }
  }
  return result;
}

/** The file's bytes, or why they were not read (not a regular file, too large, an I/O error). */
async function readFileLimited(
  path: string,
  onDisk: string,
  options: ProcessOptions,
): Promise<Buffer | string> {
  try {
    const stat = await fs.stat(onDisk);
    if (!stat.isFile()) return 'not a regular file';
    // Checked before reading too: a huge file is never read whole
    return sizeError(path, stat.size, options.maxFileSize) ?? (await fs.readFile(onDisk));
  } catch (err) {
    return ioMessage(err);
  }
}

/**
 * Everything after the read, for a file or standard input, writing nothing: size limit, prefilter, notebook or
 * Python source, the @generated skip, transforms, and encoding back to the input's own kind of bytes.
 */
export async function processBytes(
  path: string,
  bytes: Uint8Array,
  transforms: Transform[],
  options: ProcessOptions,
): Promise<Processed> {
  const tooLarge = sizeError(path, bytes.length, options.maxFileSize);
  if (tooLarge) return { result: errorResult(path, tooLarge) };
  // Prefilter on the raw bytes: no `ftplib` anywhere, nothing to do, no decoding or parsing
  // (a file the project pass connected to an ftplib user is analysed anyway)
  if (!mentionsFtplib(bytes) && !options.project) return { result: unchangedResult(path) };
  if (isNotebookPath(path)) {
    await initParser();
    const { transformNotebookBytes } = await import('../notebook.js');
    const maxCodeSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    return transformNotebookBytes(bytes, { ...options, path, transforms, maxCodeSize });
  }
  return processSource(path, bytes, transforms, options);
}

/** A Python file's bytes: decode, skip if @generated, transform, encode. */
async function processSource(
  path: string,
  bytes: Uint8Array,
  transforms: Transform[],
  options: ProcessOptions,
): Promise<Processed> {
  let decoded: ReturnType<typeof decodeSource>;
  try {
    decoded = decodeSource(bytes);
  } catch (err) {
    if (err instanceof DecodeError) return { result: errorResult(path, err.message) };
    throw err;
  }
  const { text, meta } = decoded;
  if (!options.includeGenerated && GENERATED.test(firstLines(text, 10))) {
    const skipReason = 'marked @generated';
    return { result: { path, status: 'skipped', before: text, after: text, findings: [], skipReason } };
  }
  await initParser();
  const result: FileResult = {
    ...transformSourceSync(text, { ...options, path, transforms, eol: meta.eol }),
    encoding: meta.encoding,
    bom: meta.bom,
  };
  if (result.status !== 'changed') return { result };
  try {
    // encoded in a dry run too: a result the file's encoding cannot hold is an error, not a surprise later
    return { result, out: encodeSource(result.after, meta) };
  } catch (err) {
    return { result: { ...result, status: 'error', after: result.before, error: oneLine(err) } };
  }
}

function firstLines(text: string, count: number): string {
  let end = 0;
  for (let i = 0; i < count && end >= 0; i++) end = text.indexOf('\n', end + 1);
  return end < 0 ? text : text.slice(0, end);
}
