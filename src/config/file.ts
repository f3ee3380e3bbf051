// One configuration file: read, parsed as TOML (smol-toml, TOML 1.0) and checked key by key. A file is either
// a pyproject.toml, whose [tool.ftptls] table holds the settings, or any other TOML file (ftptls.toml), which
// holds them at its top level. Every problem is a ConfigError naming the file, the key and what was expected;
// nothing in a file is ever executed or imported (`transforms` takes built-in names only).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as SmolToml from 'smol-toml';
import { ConfigError, ioMessage } from '../errors.js';
import { BUILTIN_NAMES } from '../../transforms/catalog.js';

export { ConfigError };

/** The settings a file may hold, under the library API's option names (see KEYS for the file's names). */
export interface FileSettings {
  exclude?: string[];
  extendExclude?: string[];
  extensions?: string[];
  gitignore?: boolean;
  sslContext?: boolean;
  transforms?: string[];
  suppressComments?: string[];
  includeGenerated?: boolean;
  maxFileSize?: number;
  jobs?: number;
}

export interface ConfigFile {
  /** Absolute path of the file. */
  path: string;
  /**
   * The folder its `exclude` and `extend-exclude` patterns are relative to: its own when discovered, the
   * current folder when named with --config (as ruff does).
   */
  dir: string;
  /** `pyproject`: the settings are its [tool.ftptls] table; `ftptls`: the whole file. */
  kind: 'pyproject' | 'ftptls';
  settings: FileSettings;
}

type Kind = 'patterns' | 'extensions' | 'strings' | 'transforms' | 'boolean' | 'positive';

/** The keys, in the order --show-settings prints them: the file's (the flag's) name, the API's option, the type. */
export const KEYS: readonly { key: string; option: keyof FileSettings; kind: Kind }[] = [
  { key: 'exclude', option: 'exclude', kind: 'patterns' },
  { key: 'extend-exclude', option: 'extendExclude', kind: 'patterns' },
  { key: 'extensions', option: 'extensions', kind: 'extensions' },
  { key: 'respect-gitignore', option: 'gitignore', kind: 'boolean' },
  { key: 'ssl-context', option: 'sslContext', kind: 'boolean' },
  { key: 'transforms', option: 'transforms', kind: 'transforms' },
  { key: 'suppress-comments', option: 'suppressComments', kind: 'strings' },
  { key: 'include-generated', option: 'includeGenerated', kind: 'boolean' },
  { key: 'max-file-size', option: 'maxFileSize', kind: 'positive' },
  { key: 'jobs', option: 'jobs', kind: 'positive' },
];

let loaded: typeof SmolToml | undefined;

/**
 * smol-toml, loaded for the first file that is parsed (most runs parse none). Required, not imported: its
 * CommonJS build is one file, its ESM build nine modules (half the load time).
 */
function toml(): typeof SmolToml {
  loaded ??= createRequire(import.meta.url)('smol-toml') as typeof SmolToml;
  return loaded;
}

export const PYPROJECT = 'pyproject.toml';
/** Found beside a pyproject.toml, it wins (as ruff.toml does over pyproject.toml). */
export const FTPTLS_TOML = 'ftptls.toml';

/** A path for messages: relative to `cwd` when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

/**
 * Reads a configuration file. `named`: given with --config, so a pyproject.toml without the table is an error
 * and patterns are relative to `cwd`; found by discovery, such a file is no configuration (undefined) and the
 * search goes on. Discovery skips without parsing a pyproject.toml that never mentions ftptls: another tool's
 * file, broken or not, is not ours to judge.
 */
export function readConfigFile(file: string, cwd: string, named: boolean): ConfigFile | undefined {
  const shown = displayPath(file, cwd);
  const kind = path.basename(file) === PYPROJECT ? 'pyproject' : 'ftptls';
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new ConfigError(`${shown}: could not read: ${ioMessage(err)}`);
  }
  if (kind === 'pyproject' && !named && !bytes.includes('ftptls')) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${shown}: not valid UTF-8 (TOML files are UTF-8)`);
  }
  const { parse, TomlError } = toml();
  let doc: Record<string, unknown>;
  try {
    doc = parse(text, { integersAsBigInt: true }) as Record<string, unknown>;
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    const reason = err.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    throw new ConfigError(`${shown}:${err.line}:${err.column}: invalid TOML: ${reason}`);
  }
  let table: unknown = doc;
  if (kind === 'pyproject') {
    const tool = doc.tool;
    table = isTable(tool) ? tool.ftptls : undefined;
    if (table === undefined) {
      if (named) throw new ConfigError(`${shown}: no [tool.ftptls] table`);
      return undefined;
    }
    if (!isTable(table))
      throw new ConfigError(`${shown}: [tool.ftptls]: expected a table, got ${describe(table)}`);
  }
  const dir = named ? cwd : path.dirname(file);
  return { path: file, dir, kind, settings: checkSettings(table as Record<string, unknown>, shown, kind) };
}

function checkSettings(
  table: Record<string, unknown>,
  shown: string,
  kind: ConfigFile['kind'],
): FileSettings {
  const where = kind === 'pyproject' ? '[tool.ftptls] ' : '';
  const settings: FileSettings = {};
  for (const [key, value] of Object.entries(table)) {
    const spec = KEYS.find((k) => k.key === key);
    if (!spec)
      throw new ConfigError(
        `${shown}: unknown key '${key}'${kind === 'pyproject' ? ' in [tool.ftptls]' : ''} (known keys: ${KEYS.map((k) => k.key).join(', ')})`,
      );
    const fail = (what: string, v: unknown = value, at = key): never => {
      throw new ConfigError(`${shown}: ${where}${at}: expected ${what}, got ${describe(v)}`);
    };
    (settings as Record<string, unknown>)[spec.option] = checkValue(
      spec.kind,
      key,
      value,
      fail,
      shown,
      where,
    );
  }
  return settings;
}

function checkValue(
  kind: Kind,
  key: string,
  value: unknown,
  fail: (what: string, v?: unknown, at?: string) => never,
  shown: string,
  where: string,
): unknown {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('true or false');
    case 'positive': {
      const what = key === 'jobs' ? 'a positive integer' : 'a positive integer (bytes)';
      if (typeof value !== 'bigint' || value < 1n || value > BigInt(Number.MAX_SAFE_INTEGER))
        return fail(what);
      return Number(value);
    }
    default: {
      const what =
        kind === 'patterns'
          ? 'an array of gitignore-style patterns (strings)'
          : kind === 'transforms'
            ? 'an array of built-in transform names (strings)'
            : 'an array of strings';
      if (!Array.isArray(value)) return fail(what);
      return value.map((item: unknown, i: number) => {
        if (typeof item !== 'string') return fail('a string', item, `${key}[${i}]`);
        if (item === '' && kind !== 'patterns') return fail('a non-empty string', item, `${key}[${i}]`);
        if (kind === 'transforms' && !BUILTIN_NAMES.includes(item))
          throw new ConfigError(
            `${shown}: ${where}transforms: '${item}' is not a built-in transform (${BUILTIN_NAMES.join(', ')}); a ` +
              'configuration file names built-in transforms only and never loads code: give a custom transform ' +
              'module with --transform on the command line, or to the library API',
          );
        return item;
      });
    }
  }
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof toml().TomlDate);
}

/** What a TOML value is, for "expected X, got Y". */
function describe(v: unknown): string {
  if (typeof v === 'string') return `a string (${JSON.stringify(v)})`;
  if (typeof v === 'bigint') return `an integer (${v})`;
  if (typeof v === 'number')
    return `a float (${Number.isInteger(v) ? v.toFixed(1) : Number.isFinite(v) ? v : String(v).toLowerCase()})`;
  if (typeof v === 'boolean') return `a boolean (${v})`;
  if (Array.isArray(v)) return 'an array';
  if (v instanceof toml().TomlDate) return `a date-time (${v.toISOString()})`;
  return 'a table';
}
