// One file from disk to a FileResult: read, cheap prefilter, decode, transform, and (with --write) write back
// atomically in the file's own encoding. The same code runs in worker threads and in-process.
import fs from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, mentionsFtplib, unchangedResult } from './prefilter.js';
import { isNotebookPath, NOTEBOOK_SIZE_FACTOR, transformNotebookBytes } from './notebook.js';
import { initParser } from './parser.js';
import { DecodeError, decodeSource, encodeSource } from './source-text.js';
import { transformSourceSync } from './transform-source.js';
import type { FileResult, Transform } from './types.js';
import { writeFileAtomic } from './write-file.js';

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

export { DEFAULT_MAX_FILE_SIZE };
const GENERATED = /@generated\b/;

export async function processFile(
  path: string,
  transforms: Transform[],
  options: ProcessOptions,
): Promise<FileResult> {
  const failed = (error: string): FileResult => ({
    path,
    status: 'error',
    before: '',
    after: '',
    findings: [],
    error,
  });
  const onDisk = options.cwd ? resolve(options.cwd, path) : path;
  const notebook = isNotebookPath(path);
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let bytes: Buffer;
  try {
    const stat = await fs.stat(onDisk);
    if (!stat.isFile()) return failed('not a regular file');
    // A notebook's outputs (images) may be large; the limit is for its code (src/notebook.ts)
    const factor = notebook ? NOTEBOOK_SIZE_FACTOR : 1;
    if (stat.size > limit * factor)
      return failed(
        `file is larger than ${factor > 1 ? `${factor} × ` : ''}--max-file-size (${stat.size} > ${limit * factor} bytes)`,
      );
    bytes = await fs.readFile(onDisk);
  } catch (err) {
    return failed(ioMessage(err));
  }
  // Prefilter on the raw bytes: no `ftplib` anywhere, nothing to do, no decoding or parsing
  if (!mentionsFtplib(bytes)) return unchangedResult(path);

  if (notebook) {
    await initParser();
    const { result, out } = transformNotebookBytes(bytes, {
      ...options,
      path,
      transforms,
      maxCodeSize: limit,
    });
    if (out && options.write) {
      try {
        await writeFileAtomic(onDisk, out);
      } catch (err) {
        return { ...result, status: 'error', error: `could not write: ${ioMessage(err)}` };
      }
    }
    return result;
  }

  let decoded: ReturnType<typeof decodeSource>;
  try {
    decoded = decodeSource(bytes);
  } catch (err) {
    if (err instanceof DecodeError) return failed(err.message);
    throw err;
  }
  const { text, meta } = decoded;
  if (!options.includeGenerated && GENERATED.test(firstLines(text, 10))) {
    return {
      path,
      status: 'skipped',
      before: text,
      after: text,
      findings: [],
      skipReason: 'marked @generated',
    };
  }
  await initParser();
  const result: FileResult = {
    ...transformSourceSync(text, { ...options, path, transforms, eol: meta.eol }),
    encoding: meta.encoding,
    bom: meta.bom,
  };
  if (result.status !== 'changed') return result;
  let out: Buffer;
  try {
    // encoded in a dry run too: a result the file's encoding cannot hold is an error, not a surprise later
    out = encodeSource(result.after, meta);
  } catch (err) {
    return { ...result, status: 'error', after: result.before, error: oneLine(err) };
  }
  if (options.write) {
    try {
      await writeFileAtomic(onDisk, out);
    } catch (err) {
      return { ...result, status: 'error', error: `could not write: ${ioMessage(err)}` };
    }
  }
  return result;
}

function firstLines(text: string, count: number): string {
  let end = 0;
  for (let i = 0; i < count && end >= 0; i++) end = text.indexOf('\n', end + 1);
  return end < 0 ? text : text.slice(0, end);
}

function oneLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

/** `ENOENT: no such file or directory, open 'x'` -> `no such file or directory`. */
export function ioMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code && typeof e.message === 'string') {
    const m = /^[A-Z]+: ([^,]+)/.exec(e.message);
    if (m) return m[1];
  }
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
