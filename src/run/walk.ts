// Which files a run looks at: the paths given, directories walked for Python files, honouring .gitignore
// (like git: nested files, negation, .git/info/exclude), --ignore-pattern and the usual excludes (like ruff),
// never leaving the given roots through a symlink. The result is de-duplicated, sorted and deterministic
// whatever order the file system answers in.
import fs, { type Dirent } from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type IgnoreFactory from 'ignore';
import { ioMessage } from '../errors.js';
import { comparePaths } from './path-order.js';

export interface WalkOptions {
  /** File name endings looked for in directories; default ['.py', '.pyw', '.ipynb']. Named files are always taken. */
  extensions?: string[];
  /** Honour .gitignore files and .git/info/exclude; default true. */
  gitignore?: boolean;
  /** --ignore-pattern GLOB: gitignore syntax, relative to `cwd`. */
  ignorePatterns?: string[];
  /**
   * Replaces DEFAULT_EXCLUDES (--exclude, a configuration's `exclude`): gitignore-style patterns, relative to
   * `cwd` (a list) or to the folder given with them. Like the defaults, no .gitignore negation overrules them.
   */
  exclude?: string[] | RelativePatterns;
  /** More paths to skip, as --ignore-pattern's are: a configuration's `extend-exclude`, relative to its folder. */
  extendExclude?: RelativePatterns;
  /** Directories the walk leaves to another run: those holding their own configuration file. */
  boundary?: WalkBoundary;
  /** Where relative paths (and --ignore-pattern) start; default process.cwd(). */
  cwd?: string;
  /** Called with each file as it is found (in no set order), before the walk's sorted result is ready. */
  onFile?: (file: string) => void;
  /** Stops the walk early (Ctrl-C in a large tree): it returns what it has found. */
  signal?: AbortSignal;
}

/** Gitignore-style patterns and the folder they are relative to. */
export interface RelativePatterns {
  patterns: string[];
  /** Absolute, or relative to the walk's `cwd`. */
  base: string;
}

/**
 * A directory below a root whose entries include one of `names` is offered to `claim(dir, display)` (its
 * absolute path and the path it would be shown under); a claimed directory is not walked. The walk calls it
 * in the calling thread. It travels into worker threads with the other options of a run, so it must survive
 * structuredClone: a class instance (its methods stay behind) holding plain data.
 */
export interface WalkBoundary {
  readonly names: readonly string[];
  claim(dir: string, display: string): boolean;
}

export interface WalkError {
  path: string;
  /** One line, e.g. "permission denied". */
  message: string;
}

export interface WalkResult {
  /** Paths in the form they were given (`examples/a.py` for `examples` or `examples/`), sorted. */
  files: string[];
  errors: WalkError[];
}

export const DEFAULT_EXTENSIONS = ['.py', '.pyw', '.ipynb'];

/**
 * Names never walked into (directories) or taken (files) below a given root: ruff's default `exclude`
 * (which no longer has `build`, a common package name: astral-sh/ruff#10093), plus `__pycache__`, which
 * only ever holds compiled files and is a third of the directories of an installed Python. A root named
 * explicitly is walked even if its name is here (e.g. the standard library's own `venv` package).
 */
export const DEFAULT_EXCLUDES: string[] = [
  '.bzr',
  '.direnv',
  '.eggs',
  '.git',
  '.git-rewrite',
  '.hg',
  '.ipynb_checkpoints',
  '.mypy_cache',
  '.nox',
  '.pants.d',
  '.pyenv',
  '.pytest_cache',
  '.pytype',
  '.ruff_cache',
  '.svn',
  '.tox',
  '.venv',
  '.vscode',
  '__pycache__',
  '__pypackages__',
  '_build',
  'buck-out',
  'dist',
  'node_modules',
  'site-packages',
  'venv',
];

type Ignore = ReturnType<typeof IgnoreFactory>;

let ignoreFactory: typeof IgnoreFactory | undefined;

/**
 * A matcher from `ignore`, loaded on first use: a run of named files needs none. Required, not imported: an
 * import of a CommonJS module starts Node's export scanner, which costs more than the module (~5 ms).
 */
function ignore(options?: Parameters<typeof IgnoreFactory>[0]): Ignore {
  ignoreFactory ??= createRequire(import.meta.url)('ignore') as typeof IgnoreFactory;
  return ignoreFactory(options);
}

/** One source of ignore rules, and where the directory being walked is relative to the rules' base. */
interface Level {
  ig: Ignore;
  /** The current directory relative to the directory the rules belong to ('' there). */
  rel: string;
  /**
   * Set while the walk is above the rules' directory (a root above a configuration file's folder): the names
   * that lead down to it. `rel` is then the absolute path (less its root) that unanchored patterns match.
   */
  toBase?: string[];
}

/**
 * The rules that apply in one directory: `first` (--ignore-pattern, then a configuration's extend-exclude) come
 * before the .gitignore levels (deepest last); `exclude` replaces the default excludes.
 */
interface Context {
  first: Level[];
  levels: Level[];
  exclude?: Level;
}

interface Dir {
  display: string;
  abs: string;
  real: string;
  ctx: Context;
}

interface PendingLink {
  display: string;
  abs: string;
  name: string;
  parent: Context;
}

interface Verdict {
  ignored: boolean;
  /** Levels that would ignore the path but were overruled by a negation of higher precedence. */
  overruled: Level[];
}

const NOT_IGNORED: Verdict = { ignored: false, overruled: [] };
const IGNORECASE = process.platform === 'darwin' || process.platform === 'win32';

export async function collectFiles(paths: string[], options: WalkOptions = {}): Promise<WalkResult> {
  return new Walker(options).run(paths);
}

class Walker {
  private readonly cwd: string;
  private readonly extensions: string[];
  private readonly gitignore: boolean;
  private readonly cliIgnore?: Ignore;
  private readonly extendIgnore?: { ig: Ignore; base: string };
  private readonly excludeIgnore?: { ig: Ignore; base: string };
  private readonly boundary?: WalkBoundary;
  /** real path -> display path; the first to claim a real path keeps it. */
  private readonly files = new Map<string, string>();
  private readonly errors: WalkError[] = [];
  /** Real paths of directories walked: each once, which also ends symlink loops. */
  private readonly visited = new Set<string>();
  private links: PendingLink[] = [];
  private readonly rootReals: string[] = [];
  private readonly onFile?: (file: string) => void;
  private readonly signal?: AbortSignal;
  /** Directories listed so far. */
  private listed = 0;

  constructor(options: WalkOptions) {
    this.onFile = options.onFile;
    this.signal = options.signal;
    this.cwd = path.resolve(options.cwd ?? process.cwd());
    this.extensions = (options.extensions?.length ? options.extensions : DEFAULT_EXTENSIONS).map((e) =>
      e.startsWith('.') ? e : `.${e}`,
    );
    this.gitignore = options.gitignore ?? true;
    const patterns = (options.ignorePatterns ?? []).filter((p) => p.trim() !== '');
    if (patterns.length) this.cliIgnore = ignore({ ignorecase: IGNORECASE }).add(patterns);
    const relative = (r: RelativePatterns) => ({
      ig: ignore({ ignorecase: IGNORECASE }).add(r.patterns.filter((p) => p.trim() !== '')),
      base: path.resolve(this.cwd, r.base),
    });
    if (options.exclude)
      this.excludeIgnore = relative(
        Array.isArray(options.exclude) ? { patterns: options.exclude, base: this.cwd } : options.exclude,
      );
    if (options.extendExclude?.patterns.some((p) => p.trim() !== ''))
      this.extendIgnore = relative(options.extendExclude);
    if (typeof options.boundary?.claim === 'function') this.boundary = options.boundary;
  }

  async run(paths: string[]): Promise<WalkResult> {
    const roots: Dir[] = [];
    for (const arg of paths) {
      const abs = path.resolve(this.cwd, arg);
      try {
        const stat = await fsp.stat(abs);
        const real = await fsp.realpath(abs);
        this.rootReals.push(real);
        const display = path.normalize(arg);
        // A file named explicitly is always taken, whatever its name, ignores or excludes
        if (!stat.isDirectory()) this.addFile(real, display);
        else roots.push({ display, abs, real, ctx: this.rootContext(abs, real) });
      } catch (err) {
        this.errors.push({ path: arg, message: await argumentError(abs, err) });
      }
    }
    // Roots one after the other and symlinked directories after all real ones, in sorted order: which
    // name a file reached twice is listed under never depends on timing
    for (const root of roots) await this.walkDir(root, true);
    while (this.links.length) {
      const batch = this.links.sort((a, b) => comparePaths(a.display, b.display));
      this.links = [];
      for (const link of batch) await this.followLink(link);
    }
    const seen = new Set<string>();
    const errors = this.errors
      .filter((e) => !seen.has(`${e.path}\0${e.message}`) && seen.add(`${e.path}\0${e.message}`))
      .sort((a, b) => comparePaths(a.path, b.path) || comparePaths(a.message, b.message));
    return { files: [...new Set(this.files.values())].sort(comparePaths), errors };
  }

  private addFile(real: string, display: string): void {
    if (this.files.has(real)) return;
    this.files.set(real, display);
    this.onFile?.(display);
  }

  private hasExtension(name: string): boolean {
    for (const ext of this.extensions) if (name.endsWith(ext)) return true;
    return false;
  }

  private async walkDir(dir: Dir, isRoot: boolean): Promise<void> {
    if (this.visited.has(dir.real)) return;
    this.visited.add(dir.real);
    let entries: Dirent[];
    try {
      // Synchronous: a promise per directory costs more than the read itself (thousands of them in a large
      // tree); the event loop still gets a turn every few directories, for the workers' answers and signals
      if (++this.listed % YIELD_EVERY_DIRS === 0) await new Promise((r) => setImmediate(r));
      if (this.signal?.aborted) return;
      entries = fs.readdirSync(dir.abs, { withFileTypes: true });
    } catch (err) {
      this.errors.push({ path: dir.display, message: ioMessage(err) });
      return;
    }
    if (!isRoot && this.boundary && entries.some((e) => this.boundary!.names.includes(e.name))) {
      if (this.boundary.claim(dir.abs, dir.display)) return;
    }
    const ctx = this.gitignore ? this.enterDirectory(dir, entries, isRoot) : dir.ctx;
    const excludes = ctx.exclude;
    const subdirs: Promise<void>[] = [];
    // Plain concatenation: path.join per entry is a good part of the cost of a large walk
    const absPrefix = withSep(dir.abs);
    const realPrefix = withSep(dir.real);
    const displayPrefix = dir.display === '.' || dir.display === `.${path.sep}` ? '' : withSep(dir.display);
    for (const entry of entries) {
      const name = entry.name;
      if (!excludes && EXCLUDED.has(name)) continue;
      let kind = kindOf(entry);
      if (kind === undefined) {
        // Some file systems do not say what an entry is
        try {
          kind = kindOf(await fsp.lstat(absPrefix + name));
        } catch {
          continue;
        }
      }
      if (kind === 'file') {
        if (
          this.hasExtension(name) &&
          !isExcluded(excludes, name, false) &&
          !this.verdict(ctx, name, false).ignored
        ) {
          this.addFile(realPrefix + name, displayPrefix + name);
        }
      } else if (kind === 'dir') {
        if (isExcluded(excludes, name, true)) continue;
        const verdict = this.verdict(ctx, name, true);
        if (verdict.ignored) continue;
        const child = {
          display: displayPrefix + name,
          abs: absPrefix + name,
          real: realPrefix + name,
          ctx: descend(ctx, name, verdict),
        };
        subdirs.push(this.walkDir(child, false));
      } else if (kind === 'link') {
        this.links.push({ display: displayPrefix + name, abs: absPrefix + name, name, parent: ctx });
      }
    }
    await Promise.all(subdirs);
  }

  /** A symlink met in a walk: followed only when it leads to a file or directory inside a root. */
  private async followLink(link: PendingLink): Promise<void> {
    let real: string;
    let stat: fs.Stats;
    try {
      real = await fsp.realpath(link.abs);
      stat = await fsp.stat(real);
    } catch {
      return; // dangling, or a loop of links
    }
    if (!this.insideRoots(real)) return;
    if (isExcluded(link.parent.exclude, link.name, stat.isDirectory())) return;
    if (stat.isDirectory()) {
      if (this.visited.has(real)) return;
      const verdict = this.verdict(link.parent, link.name, true);
      if (verdict.ignored) return;
      const ctx = descend(link.parent, link.name, verdict);
      await this.walkDir({ display: link.display, abs: link.abs, real, ctx }, false);
    } else if (stat.isFile()) {
      if (this.hasExtension(link.name) && !this.verdict(link.parent, link.name, false).ignored) {
        this.addFile(real, link.display);
      }
    }
  }

  private insideRoots(real: string): boolean {
    return this.rootReals.some(
      (root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep),
    );
  }

  // --- ignore rules ------------------------------------------------------------------------------------

  /** The rules for a root: --ignore-pattern, .git/info/exclude and .gitignore files above it in its repository. */
  private rootContext(abs: string, real: string): Context {
    const levels: Level[] = [];
    if (this.gitignore) {
      const repo = findRepository(real);
      if (repo !== undefined) {
        const exclude = readInfoExclude(repo);
        if (exclude) levels.push({ ig: exclude, rel: relative(repo, real) });
        // From the repository root down to the root's parent; the root's own .gitignore is read in the walk
        const ancestors: string[] = [];
        for (let d = real; d !== repo && path.dirname(d) !== d;) {
          d = path.dirname(d);
          ancestors.unshift(d);
        }
        for (const dir of ancestors) {
          const ig = this.readIgnoreFile(path.join(dir, '.gitignore'), undefined);
          if (ig) levels.push({ ig, rel: relative(dir, real) });
        }
      }
    }
    const first: Level[] = [];
    if (this.cliIgnore) first.push(levelAt(this.cliIgnore, this.cwd, abs));
    if (this.extendIgnore) first.push(levelAt(this.extendIgnore.ig, this.extendIgnore.base, abs));
    const exclude = this.excludeIgnore && levelAt(this.excludeIgnore.ig, this.excludeIgnore.base, abs);
    // A directory named explicitly is walked even where a rule would ignore it (or a directory above it);
    // rules that would ignore it are left out below it, or they would ignore everything in it. An `exclude`
    // that would is replaced by none (not by the defaults) below it.
    const ignoresRoot = (l: Level) => l.rel !== '' && l.ig.test(`${l.rel}/`).ignored;
    return {
      first: first.filter((l) => !ignoresRoot(l)),
      levels: levels.filter((l) => !ignoresRoot(l)),
      ...(exclude ? { exclude: ignoresRoot(exclude) ? { ig: ignore(), rel: exclude.rel } : exclude } : {}),
    };
  }

  /** The rules inside `dir`: a nested repository starts afresh; its own .gitignore comes last (deepest). */
  private enterDirectory(dir: Dir, entries: Dirent[], isRoot: boolean): Context {
    let ctx = dir.ctx;
    let gitignore: Dirent | undefined;
    let dotGit = false;
    for (const e of entries) {
      if (e.name === '.gitignore') gitignore = e;
      else if (e.name === '.git') dotGit = true;
    }
    if (dotGit && !isRoot) {
      const exclude = readInfoExclude(dir.abs);
      ctx = { ...ctx, levels: exclude ? [{ ig: exclude, rel: '' }] : [] };
    }
    if (gitignore && !gitignore.isDirectory()) {
      const ig = this.readIgnoreFile(path.join(dir.abs, '.gitignore'), path.join(dir.display, '.gitignore'));
      if (ig) ctx = { ...ctx, levels: [...ctx.levels, { ig, rel: '' }] };
    }
    return ctx;
  }

  /**
   * Git's precedence: --ignore-pattern, a configuration's extend-exclude, then the deepest .gitignore, up to
   * .git/info/exclude; within one file the last matching pattern wins, and the first source with a match
   * decides.
   */
  private verdict(ctx: Context, name: string, isDir: boolean): Verdict {
    const { first, levels } = ctx;
    const f = first.length;
    const n = levels.length + f;
    if (n === 0) return NOT_IGNORED;
    const at = (i: number): Level => (i < f ? first[i] : levels[n - 1 - i]);
    for (let i = 0; i < n; i++) {
      const result = at(i).ig.test(subpath(at(i), name, isDir));
      if (result.ignored) return { ignored: true, overruled: [] };
      if (result.unignored) {
        if (!isDir) return NOT_IGNORED;
        // The directory is walked: sources below that would ignore it cannot see into it
        const overruled: Level[] = [];
        for (let j = i + 1; j < n; j++)
          if (at(j).ig.test(subpath(at(j), name, true)).ignored) overruled.push(at(j));
        return { ignored: false, overruled };
      }
    }
    return NOT_IGNORED;
  }

  private readIgnoreFile(file: string, display: string | undefined): Ignore | undefined {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (display !== undefined && code !== 'ENOENT' && code !== 'EISDIR') {
        this.errors.push({ path: display, message: `could not read: ${ioMessage(err)}` });
      }
      return undefined;
    }
    return compileRules(text);
  }
}

const EXCLUDED = new Set(DEFAULT_EXCLUDES);

/** A level for `ig`'s patterns, relative to `base`, positioned at the directory `abs`. */
function levelAt(ig: Ignore, base: string, abs: string): Level {
  const rel = path.relative(base, abs);
  if (!isOutside(rel)) return { ig, rel: toSlash(rel) };
  // Outside the base, match against the absolute path: unanchored patterns still apply, anchored ones cannot;
  // above it, the patterns apply as they do once the walk is down in the base
  const absolute = toSlash(abs.slice(path.parse(abs).root.length));
  const down = path.relative(abs, base);
  return isOutside(down) ? { ig, rel: absolute } : { ig, rel: absolute, toBase: down.split(path.sep) };
}

function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** `exclude` (when given: else the default names apply, checked by the caller) says to skip the entry. */
function isExcluded(exclude: Level | undefined, name: string, isDir: boolean): boolean {
  return exclude !== undefined && exclude.ig.test(subpath(exclude, name, isDir)).ignored;
}
/** How often (in directories listed) the walk lets the event loop run. */
const YIELD_EVERY_DIRS = 32;

/** A matcher for an ignore file's text, or undefined when it holds no rule (only blanks and comments). */
function compileRules(text: string): Ignore | undefined {
  if (!/^(?!#).*\S/m.test(text)) return undefined;
  return ignore({ ignorecase: IGNORECASE }).add(text);
}

function withSep(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

function kindOf(entry: Dirent | fs.Stats): 'file' | 'dir' | 'link' | 'other' | undefined {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice())
    return 'other';
  return undefined;
}

function subpath(level: Level, name: string, isDir: boolean): string {
  const p = level.rel ? `${level.rel}/${name}` : name;
  return isDir ? `${p}/` : p;
}

/** The context one directory down: every level's position extended, overruled levels dropped. */
function descend(ctx: Context, name: string, verdict: Verdict): Context {
  const keep = (l: Level) => !verdict.overruled.includes(l);
  const down = (l: Level): Level => {
    const rel = l.rel ? `${l.rel}/${name}` : name;
    if (!l.toBase) return { ig: l.ig, rel };
    if (l.toBase[0] !== name) return { ig: l.ig, rel }; // a side branch: outside the base for good
    return l.toBase.length > 1 ? { ig: l.ig, rel, toBase: l.toBase.slice(1) } : { ig: l.ig, rel: '' };
  };
  return {
    first: ctx.first.filter(keep).map(down),
    levels: ctx.levels.filter(keep).map(down),
    ...(ctx.exclude ? { exclude: down(ctx.exclude) } : {}),
  };
}

function relative(from: string, to: string): string {
  return toSlash(path.relative(from, to));
}

function toSlash(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** The nearest directory at or above `dir` holding `.git` (a directory, or a file in worktrees and submodules). */
function findRepository(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** `.git/info/exclude` of the repository whose work tree is `repo` (following `gitdir:` and `commondir`). */
function readInfoExclude(repo: string): Ignore | undefined {
  try {
    let gitDir = path.join(repo, '.git');
    if (fs.statSync(gitDir).isFile()) {
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(gitDir, 'utf8'));
      if (!m) return undefined;
      gitDir = path.resolve(repo, m[1]);
      try {
        gitDir = path.resolve(gitDir, fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
      } catch {
        // not a linked worktree
      }
    }
    return compileRules(fs.readFileSync(path.join(gitDir, 'info', 'exclude'), 'utf8'));
  } catch {
    return undefined;
  }
}

async function argumentError(abs: string, err: unknown): Promise<string> {
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
    const link = await fsp.lstat(abs).catch(() => undefined);
    if (link?.isSymbolicLink()) return 'dangling symbolic link';
  }
  return ioMessage(err);
}
