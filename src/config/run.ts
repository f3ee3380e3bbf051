// Runs with configuration files. Each file is processed with the configuration closest to it (ruff's rule,
// resolved per directory): the paths given are grouped by the configuration that governs them, and each
// group is one run of the runner with that configuration's settings. A directory met in a walk that holds a
// configuration of its own is not walked there: it joins the group of its configuration, which runs after.
// So every file gets exactly its configuration's settings (transforms, jobs, excludes, ...), and the results
// of all runs come back as one run's do, sorted by path, each file naming the configuration it was run with.
import fs from 'node:fs';
import path from 'node:path';
import { loadTransforms } from '../load-transforms.js';
import { comparePaths } from '../run/path-order.js';
import { run, type RunOptions, type RunResult } from '../run/runner.js';
import { lowerBound } from '../sorted.js';
import type { FileResult, Transform } from '../types.js';
import type { WalkBoundary } from '../run/walk.js';
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

/**
 * Runs `paths` as the runner does, each file with the settings of its configuration (see the top). With
 * `onResult`, the results go to it in path order as they come (see Merge) and `results` is empty.
 */
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
  const merge = new Merge(given.onResult ?? ((r) => results.push(r)), cwd);
  const used: Group[] = [];
  let interrupted = false;
  let workerStartError: string | undefined;
  let projectError: string | undefined;
  let projectFailed: string[] | undefined;
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
    const shown = group.config && displayPath(group.config.path, cwd);
    // Known once the run's walk is over, before its first result: the groups still to run, and where their
    // paths can begin (this run's own nested directories among them)
    let bound: string | null | undefined;
    const onResult = (r: FileResult) => {
      if (bound === undefined) {
        const later = [
          ...pending.slice(1).flatMap((g) => g.roots),
          ...(nested?.found ?? []).map((f) => f.display),
        ];
        bound = lowestPath(later);
        if (used.length > 1 || later.length) merge.dedupe();
      }
      offset++;
      merge.add(shown ? { ...r, config: shown } : r, bound);
    };
    const outcome = await run(group.roots, {
      ...optionsFor(group.config, given),
      ...(nested ? { boundary: nested } : {}),
      ...(given.onProgress
        ? { onProgress: (d: number, t: number) => given.onProgress!(base + d, base + t) }
        : {}),
      onResult,
    });
    for (const [file, view] of outcome.views ?? []) (views ??= new Map()).set(file, view);
    if (outcome.interrupted) interrupted = true;
    workerStartError ??= outcome.workerStartError;
    projectError ??= outcome.projectError;
    if (outcome.projectFailed) (projectFailed ??= []).push(...outcome.projectFailed);
    if (interrupted) break;
    for (const { display, config } of nested?.found ?? []) {
      // A group that already ran gets another run for this directory
      const g = groups.find((x) => x.config === config && !used.includes(x)) ?? { config, roots: [] };
      if (!groups.includes(g)) groups.push(g);
      g.roots.push(display);
    }
    // What waited for this run's paths can go, up to the paths of the runs still to come
    const later = groups.filter((g) => !used.includes(g)).flatMap((g) => g.roots);
    if (later.length) merge.dedupe();
    merge.flush(lowestPath(later));
  }
  merge.flush(null);

  const optionSets = used.map((g) => optionsFor(g.config, given));
  return {
    results,
    seconds: (performance.now() - started) / 1000,
    transforms: () => transformsOf(optionSets),
    ...(interrupted ? { interrupted } : {}),
    ...(workerStartError !== undefined ? { workerStartError } : {}),
    ...(projectError !== undefined ? { projectError } : {}),
    ...(projectFailed ? { projectFailed } : {}),
    ...(views ? { views } : {}),
  };
}

/**
 * The results of several runs as one run's: in path order, and a file reached by two runs (through a
 * symbolic link) once, as the first run found it. Each run gives its results in path order; one goes on at
 * once unless a run still to come may give an earlier path (`bound`: the lowest path those runs can give),
 * and waits for it otherwise.
 */
class Merge {
  /** Results waiting for a later run, sorted by path (equal paths in the order they came). */
  private held: FileResult[] = [];
  /** Real paths of the files given so far, once more than one run is known to take part. */
  private seen?: Set<string>;

  constructor(
    private readonly emit: (result: FileResult) => void,
    private readonly cwd: string,
  ) {}

  /** More than one run takes part: a file may come twice from now on. */
  dedupe(): void {
    this.seen ??= new Set();
  }

  /** A result of the run going on; `bound` null: no run is to come. */
  add(result: FileResult, bound: string | null): void {
    if (this.seen && !this.firstSight(result.path)) return;
    if (bound === null || comparePaths(result.path, bound) < 0) {
      this.release((p) => comparePaths(p, result.path) <= 0);
      this.emit(result);
      return;
    }
    // after the results of equal path held already: those came from earlier runs
    const at = lowerBound(this.held.length, (i) => comparePaths(this.held[i].path, result.path) <= 0);
    this.held.splice(at, 0, result);
  }

  /** A run is over: what no later run can come before goes on (`bound` null: everything). */
  flush(bound: string | null): void {
    this.release((p) => bound === null || comparePaths(p, bound) < 0);
  }

  private release(ready: (path: string) => boolean): void {
    let n = 0;
    while (n < this.held.length && ready(this.held[n].path)) n++;
    if (!n) return;
    const out = this.held.splice(0, n);
    for (const r of out) this.emit(r);
  }

  private firstSight(file: string): boolean {
    let key: string;
    try {
      key = fs.realpathSync(path.resolve(this.cwd, file));
    } catch {
      key = `\0${file}`;
    }
    if (this.seen!.has(key)) return false;
    this.seen!.add(key);
    return true;
  }
}

/**
 * The lowest path a run over `roots` can give (null for none): a file's path begins with its root's, as the
 * walk shows it (normalized; nothing for `.`), and a root that cannot be walked is named as given.
 */
function lowestPath(roots: string[]): string | null {
  let lowest: string | null = null;
  for (const root of roots) {
    const shown = path.normalize(root);
    const low = shown === '.' || shown === `.${path.sep}` ? '' : comparePaths(root, shown) < 0 ? root : shown;
    if (lowest === null || comparePaths(low, lowest) < 0) lowest = low;
  }
  return lowest;
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
