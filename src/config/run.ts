// Runs with configuration files. Each file is processed with the configuration closest to it (ruff's rule,
// resolved per directory): the paths given are grouped by the configuration that governs them, and each
// group is one run of the runner with that configuration's settings. A directory met in a walk that holds a
// configuration of its own is not walked there: it joins the group of its configuration, which runs after.
// So every file gets exactly its configuration's settings (transforms, jobs, excludes, ...), and the results
// of all runs come back as one run's do, sorted by path, each file naming the configuration it was run with.
import fs from 'node:fs';
import path from 'node:path';
import { loadTransforms } from '../load-transforms.js';
import { run, type RunOptions, type RunResult } from '../runner.js';
import type { FileResult, Transform } from '../types.js';
import type { WalkBoundary } from '../walk.js';
import { CONFIG_NAMES, Discovery } from './discover.js';
import { displayPath, readConfigFile, type ConfigFile } from './file.js';
import { describeSettings, optionsFor, type Origin } from './settings.js';

/**
 * Which configuration files a run reads: `discover` finds them as ruff does (the closest one to each file),
 * `{ file }` uses that one for every file (--config), `none` reads none (--isolated; the API's default).
 */
export type ConfigMode = { kind: 'discover' } | { kind: 'file'; file: string } | { kind: 'none' };

export interface ConfiguredRunResult extends RunResult {
  /**
   * Every transform that ran in some group (for SARIF's rule list), built-ins first in their order; loaded
   * when asked (a run whose files never mention ftplib loads no transform).
   */
  transforms: () => Promise<Transform[]>;
}

/** The configuration files of one invocation: the closest to a folder, or the one named. */
class Resolver {
  readonly cwd: string;
  readonly discovery: Discovery;
  private readonly fixed?: ConfigFile;
  private fallback?: ConfigFile | null;

  constructor(
    readonly mode: ConfigMode,
    cwd: string | undefined,
  ) {
    this.cwd = path.resolve(cwd ?? process.cwd());
    this.discovery = new Discovery(this.cwd);
    if (mode.kind === 'file') this.fixed = readConfigFile(path.resolve(this.cwd, mode.file), this.cwd, true);
  }

  /** The configuration of the folder `dir` and how it was found. */
  forDirectory(dir: string): Origin {
    if (this.mode.kind === 'none') return { none: 'isolated' };
    if (this.fixed) return { config: this.fixed };
    const config = this.discovery.closestConfig(dir);
    if (config) return { config };
    // As ruff: a path with no configuration above it gets the current folder's, if there is one
    this.fallback ??= this.discovery.closestConfig(this.cwd) ?? null;
    return this.fallback ? { config: this.fallback, fromCwd: true } : { none: 'not found' };
  }

  /** The configuration of a path given: a directory's own, a file's (or a missing path's) folder's. */
  forPath(p: string): Origin {
    const abs = path.resolve(this.cwd, p);
    return this.forDirectory(isDirectory(abs) ? abs : path.dirname(abs));
  }
}

/**
 * Stops a walk at directories that have their own configuration (not the one being run) and notes them.
 * Plain data and a method, so that the runner can pass it to its worker threads with the other options.
 */
class Nested implements WalkBoundary {
  readonly names = CONFIG_NAMES;
  readonly found: { display: string; config: ConfigFile }[] = [];
  constructor(
    private readonly discovery: Discovery,
    private readonly current: ConfigFile | undefined,
  ) {}

  claim(dir: string, display: string): boolean {
    const own = this.discovery.ownConfig(dir);
    if (!own || own === this.current) return false;
    this.found.push({ display, config: own });
    return true;
  }
}

interface Group {
  config: ConfigFile | undefined;
  roots: string[];
}

/** Runs `paths` as the runner does, each file with the settings of its configuration (see the top). */
export async function runConfigured(
  paths: string[],
  given: RunOptions,
  mode: ConfigMode,
): Promise<ConfiguredRunResult> {
  const started = performance.now();
  const resolver = new Resolver(mode, given.cwd);
  const { cwd } = resolver;
  const groups: Group[] = [];
  const groupOf = (config: ConfigFile | undefined): Group => {
    let g = groups.find((x) => x.config === config);
    if (!g) groups.push((g = { config, roots: [] }));
    return g;
  };
  for (const p of paths) groupOf(resolver.forPath(p).config).roots.push(p);

  const results: FileResult[] = [];
  const used: Group[] = [];
  let interrupted = false;
  let workerStartError: string | undefined;
  let views: RunResult['views'];
  let offset = 0;
  for (;;) {
    const pending = groups.filter((g) => !used.includes(g));
    if (!pending.length) break;
    if (given.signal?.aborted) {
      interrupted = true;
      break;
    }
    // The shallowest configuration first: the directories its walk leaves to deeper ones join their groups
    pending.sort((a, b) => depth(a.config) - depth(b.config));
    const group = pending[0];
    used.push(group);
    const nested = mode.kind === 'discover' ? new Nested(resolver.discovery, group.config) : undefined;
    const base = offset;
    const outcome = await run(group.roots, {
      ...optionsFor(group.config, given),
      ...(nested ? { boundary: nested } : {}),
      ...(given.onProgress
        ? { onProgress: (d: number, t: number) => given.onProgress!(base + d, base + t) }
        : {}),
    });
    offset += outcome.results.length;
    for (const [file, view] of outcome.views ?? []) (views ??= new Map()).set(file, view);
    const shown = group.config && displayPath(group.config.path, cwd);
    for (const r of outcome.results) results.push(shown ? { ...r, config: shown } : r);
    if (outcome.interrupted) interrupted = true;
    workerStartError ??= outcome.workerStartError;
    if (interrupted) break;
    for (const { display, config } of nested?.found ?? []) {
      // A group that already ran gets another run for this directory
      const g = groups.find((x) => x.config === config && !used.includes(x)) ?? { config, roots: [] };
      if (!groups.includes(g)) groups.push(g);
      g.roots.push(display);
    }
  }

  const optionSets = used.map((g) => optionsFor(g.config, given));
  return {
    results: used.length > 1 ? uniqueSorted(results, cwd) : results,
    seconds: (performance.now() - started) / 1000,
    transforms: () => transformsOf(optionSets),
    ...(interrupted ? { interrupted } : {}),
    ...(workerStartError !== undefined ? { workerStartError } : {}),
    ...(views ? { views } : {}),
  };
}

/** Each file's options as runConfigured gives them (its configuration's settings under the flags given). */
export function optionsByFile(given: RunOptions, mode: ConfigMode): (file: string) => RunOptions {
  const resolver = new Resolver(mode, given.cwd);
  return (file) => optionsFor(resolver.forPath(file).config, given);
}

/**
 * The options for standard input (`ftptls -`): the configuration of --stdin-filename's folder, else of the
 * current folder; `config` is its path for the report.
 */
export function stdinOptions(
  filename: string | undefined,
  given: RunOptions,
  mode: ConfigMode,
): { options: RunOptions; config?: string } {
  const resolver = new Resolver(mode, given.cwd);
  const dir = filename ? path.dirname(path.resolve(resolver.cwd, filename)) : resolver.cwd;
  const { config } = resolver.forDirectory(dir);
  return {
    options: optionsFor(config, given),
    ...(config ? { config: displayPath(config.path, resolver.cwd) } : {}),
  };
}

/** --show-settings: for each path, the settings its files get and the configuration file they come from. */
export async function showSettings(paths: string[], given: RunOptions, mode: ConfigMode): Promise<string> {
  const resolver = new Resolver(mode, given.cwd);
  const blocks: string[] = [];
  for (const p of paths) blocks.push(await describeSettings(p, given, resolver.forPath(p), resolver.cwd));
  return blocks.join('\n');
}

function depth(config: ConfigFile | undefined): number {
  return config ? config.dir.split(path.sep).length : -1;
}

/** Results of several runs: a file reached by two of them (through a symbolic link) once, sorted by path. */
function uniqueSorted(results: FileResult[], cwd: string): FileResult[] {
  const seen = new Set<string>();
  const out: FileResult[] = [];
  for (const r of results) {
    let key: string;
    try {
      key = fs.realpathSync(path.resolve(cwd, r.path));
    } catch {
      key = `\0${r.path}`;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function transformsOf(optionSets: RunOptions[]): Promise<Transform[]> {
  const byName = new Map<string, Transform>();
  for (const options of optionSets.length ? optionSets : [{}])
    for (const t of await loadTransforms(options)) if (!byName.has(t.name)) byName.set(t.name, t);
  const { BUILTIN_TRANSFORMS } = await import('../../transforms/index.js');
  const order = (t: Transform) => {
    const i = BUILTIN_TRANSFORMS.findIndex((b) => b.name === t.name);
    return i < 0 ? BUILTIN_TRANSFORMS.length : i;
  };
  return [...byName.values()].sort((a, b) => order(a) - order(b));
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
