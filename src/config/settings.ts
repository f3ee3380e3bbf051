// A configuration file's settings under the options given (flags on the command line, or the API's options):
// what is given wins, key by key; the file fills in the rest. Two lists add up instead: suppress-comments
// (the file's markers and --suppress-comment's) and extend-exclude (the file's, relative to its folder, and
// --ignore-pattern's, relative to the current folder).
import os from 'node:os';
import { loadTransforms } from '../load-transforms.js';
import { DEFAULT_MAX_FILE_SIZE } from '../prefilter.js';
import type { RunOptions } from '../run/runner.js';
import { DEFAULT_EXCLUDES, DEFAULT_EXTENSIONS } from '../run/walk.js';
import { displayPath, KEYS, type ConfigFile } from './file.js';

/** The options of a run governed by `config` (none: the given options as they are). */
export function optionsFor(config: ConfigFile | undefined, given: RunOptions): RunOptions {
  if (!config) return given;
  const s = config.settings;
  const out: RunOptions = { ...given };
  for (const key of ['extensions', 'gitignore', 'sslContext', 'transforms', 'includeGenerated'] as const)
    if (given[key] === undefined && s[key] !== undefined) (out as Record<string, unknown>)[key] = s[key];
  if (given.maxFileSize === undefined && s.maxFileSize !== undefined) out.maxFileSize = s.maxFileSize;
  if (given.jobs === undefined && s.jobs !== undefined) out.jobs = s.jobs;
  if (given.exclude === undefined && s.exclude) out.exclude = { patterns: s.exclude, base: config.dir };
  if (given.extendExclude === undefined && s.extendExclude)
    out.extendExclude = { patterns: s.extendExclude, base: config.dir };
  if (s.suppressComments)
    out.suppressComments = [...new Set([...s.suppressComments, ...(given.suppressComments ?? [])])];
  return out;
}

/** Where the configuration of a path came from, for --show-settings. */
export interface Origin {
  config?: ConfigFile;
  /** Why there is none: discovery found none, or --isolated. */
  none?: 'not found' | 'isolated';
  /** The file was not found from the path but from the current folder (ruff's fallback). */
  fromCwd?: boolean;
}

/**
 * The settings a path is processed with, as TOML lines a configuration file could hold, each with where its
 * value came from (default, the file, the command line).
 */
export async function describeSettings(
  label: string,
  given: RunOptions,
  origin: Origin,
  cwd: string,
): Promise<string> {
  const { config } = origin;
  const file = config ? displayPath(config.path, cwd) : undefined;
  const options = optionsFor(config, given);
  const relDir = config && (config.dir === cwd ? 'the current folder' : displayPath(config.dir, cwd));
  const fromFile = file ? `${file} (relative to ${relDir})` : undefined;
  const lines: string[] = [`Settings for ${label}`];
  if (config)
    lines.push(
      `Configuration file: ${file}${origin.fromCwd ? " (the current folder's: none above the path)" : ''}`,
    );
  else
    lines.push(
      `Configuration file: none (${origin.none === 'isolated' ? '--isolated' : 'none found: defaults'})`,
    );
  const source = (option: keyof RunOptions, fileValue: unknown): string =>
    given[option] !== undefined ? 'command line' : fileValue !== undefined ? file! : 'default';
  const s = config?.settings ?? {};
  for (const { key, option } of KEYS) {
    let value: unknown;
    let from: string;
    switch (option) {
      case 'exclude': {
        const ex = options.exclude;
        value = ex === undefined ? DEFAULT_EXCLUDES : Array.isArray(ex) ? ex : ex.patterns;
        from =
          given.exclude !== undefined
            ? 'command line (relative to the current folder)'
            : s.exclude
              ? fromFile!
              : 'default';
        break;
      }
      case 'extendExclude': {
        value = options.extendExclude?.patterns ?? [];
        from = s.extendExclude && given.extendExclude === undefined ? fromFile! : 'default';
        if (given.ignorePatterns?.length)
          from += `; and --ignore-pattern ${tomlValue(given.ignorePatterns)} (relative to the current folder)`;
        break;
      }
      case 'extensions':
        value = options.extensions ?? DEFAULT_EXTENSIONS;
        from = source('extensions', s.extensions);
        break;
      case 'gitignore':
        value = options.gitignore ?? true;
        from = source('gitignore', s.gitignore);
        break;
      case 'sslContext':
        value = options.sslContext ?? false;
        from = source('sslContext', s.sslContext);
        break;
      case 'transforms':
        // What runs: the selection made into names (custom modules from the command line are loaded for it)
        value = (await loadTransforms(options)).map((t) => t.name);
        from =
          given.transforms !== undefined
            ? 'command line'
            : s.transforms !== undefined
              ? file!
              : options.sslContext
                ? 'default, with ssl-context'
                : 'default';
        break;
      case 'suppressComments':
        value = options.suppressComments ?? [];
        from =
          [s.suppressComments ? file : undefined, given.suppressComments?.length ? 'command line' : undefined]
            .filter(Boolean)
            .join(' and ') || 'default';
        break;
      case 'includeGenerated':
        value = options.includeGenerated ?? false;
        from = source('includeGenerated', s.includeGenerated);
        break;
      case 'maxFileSize':
        value = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
        from = source('maxFileSize', s.maxFileSize);
        break;
      case 'jobs':
        value = options.jobs ?? os.availableParallelism();
        from = options.jobs === undefined ? 'default: the number of cores' : source('jobs', s.jobs);
        break;
    }
    const text = tomlValue(value);
    if (text.length + key.length <= 100) lines.push(`${key} = ${text}  # ${from}`);
    else lines.push(`${key} = [  # ${from}`, ...wrapItems(value as string[]), ']');
  }
  return `${lines.join('\n')}\n`;
}

/** A long array's items, several to a line, indented. */
function wrapItems(items: string[]): string[] {
  const out: string[] = [];
  let line = '';
  for (const item of items.map((i) => `${tomlValue(i)},`)) {
    if (line && line.length + item.length + 1 > 100) {
      out.push(line);
      line = '';
    }
    line = line ? `${line} ${item}` : `  ${item}`;
  }
  if (line) out.push(line);
  return out;
}

/** A value as TOML writes it (strings as basic strings: JSON's escapes are TOML's). */
function tomlValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(tomlValue).join(', ')}]`;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}
