// Module names as Python finds them, within the roots given on the command line: a file's dotted name below
// its import root, and what an import statement in a module names. Modules outside the roots (the standard
// library, site-packages) have no file here and are never read or changed.
import fs from 'node:fs';
import path from 'node:path';
import {
  argumentTexts,
  dynamicAliases,
  dynamicTarget,
  type DynamicHow,
  type ModuleSpec,
} from './dynamic-rule.js';

/** A file of the project and its place in Python's module namespace. */
export interface ModuleFile {
  /** The path as the run names it. */
  path: string;
  /** Dotted name (`pkg.sub.mod`; a package's `__init__.py` is `pkg.sub`). */
  module: string;
  isPackage: boolean;
}

/**
 * The import roots of a path given on the command line: the folder itself and, for a `src/` layout, its
 * `src/` folder (the folder a `pyproject.toml`, `setup.cfg` or `setup.py` beside it points packages at is
 * almost always that one). A file belongs to the deepest root that holds it.
 */
export function importRoots(given: string, cwd?: string): string[] {
  const abs = path.resolve(cwd ?? process.cwd(), given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return [];
  }
  let dir = stat.isDirectory() ? abs : path.dirname(abs);
  // a package given (`ftptls app`, app/__init__.py): its modules are app.*, so the root is above it
  while (fs.existsSync(path.join(dir, '__init__.py')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const roots = [dir];
  for (const sub of [...declaredPackageDirs(dir), 'src']) {
    const root = path.resolve(dir, sub);
    if (!roots.includes(root) && root.startsWith(dir) && isDirectory(root)) roots.unshift(root);
  }
  return roots;
}

/**
 * Where the project's packaging says its packages are (`package-dir = {"" = "lib"}` in pyproject.toml,
 * `package_dir = =lib` in setup.cfg, `package_dir={"": "lib"}` in setup.py, Poetry's `from = "lib"`), read
 * from the text: no build backend is run.
 */
function declaredPackageDirs(dir: string): string[] {
  const read = (name: string) => {
    try {
      return fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      return '';
    }
  };
  const out: string[] = [];
  const pyproject = read('pyproject.toml');
  for (const m of pyproject.matchAll(/^\s*(?:package-dir\s*=\s*\{\s*)?""\s*=\s*"([^"]+)"/gm)) out.push(m[1]);
  for (const m of pyproject.matchAll(/\bfrom\s*=\s*"([^"]+)"/g)) out.push(m[1]);
  const cfg = /^\s*package_dir\s*=\s*(?:\n\s*)?=\s*(\S+)/m.exec(read('setup.cfg'));
  if (cfg) out.push(cfg[1]);
  const py = /package_dir\s*=\s*\{\s*['"]{2}\s*:\s*['"]([^'"]+)['"]/.exec(read('setup.py'));
  if (py) out.push(py[1]);
  return out;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The module a file is, below the deepest of `roots` that holds it; undefined outside them or not a module. */
export function moduleOf(file: string, roots: string[], cwd?: string): ModuleFile | undefined {
  const abs = path.resolve(cwd ?? process.cwd(), file);
  if (!/\.pyw?$/.test(abs)) return undefined;
  // (a loop and a slice, not filter, sort and path.relative: this runs for every file of a large tree)
  let root: string | undefined;
  for (const r of roots) if ((!root || r.length > root.length) && abs.startsWith(r + path.sep)) root = r;
  if (!root) return undefined;
  const parts = abs
    .slice(root.length + 1)
    .replace(/\.pyw?$/, '')
    .split(path.sep);
  const isPackage = parts[parts.length - 1] === '__init__';
  if (isPackage) parts.pop();
  if (parts.length === 0 || !parts.every((p) => /^[A-Za-z_]\w*$/.test(p))) return undefined;
  return { path: file, module: parts.join('.'), isPackage };
}

/**
 * The absolute module an import names: `from ..conn import x` (level 2, `conn`) in `pkg.sub.mod` is
 * `pkg.conn`; undefined when it climbs above the top package.
 */
export function absoluteModule(
  importer: { module: string; isPackage?: boolean },
  level: number,
  dotted: string,
): string | undefined {
  if (level === 0) return dotted;
  if (!importer.module) return undefined; // a notebook, a file outside the roots: relative to nothing
  const base = importer.module.split('.');
  // a module's relative imports start from its package; a package's from itself
  if (!importer.isPackage) base.pop();
  for (let i = 1; i < level; i++) {
    if (base.length === 0) return undefined;
    base.pop();
  }
  const parts = [...base, ...(dotted ? dotted.split('.') : [])];
  return parts.length ? parts.join('.') : undefined;
}

/** An import statement's modules, read from the text: cheap, for the graph of who imports whom. */
export interface ImportRef {
  level: number;
  module: string;
  /** `from X import a, b`: a and b (submodules perhaps); empty for `import X`. */
  names: string[];
  /** The names the import binds here, in the same order (`from X import a as b`: b). */
  locals: string[];
  /** `from X import *`: every public name of X (names and locals are empty). */
  star?: boolean;
  /** `importlib.import_module("X")` / `__import__("X")`: imports X (names is empty; locals, the name assigned). */
  dynamic?: boolean;
}

const IMPORT_LINE =
  /^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]*(\([^)]*\)|[^\r\n#;]*)|import[ \t]+([^\r\n#;]+))/gm;

/** Every import statement at the start of a line (also indented ones: imports in functions count too). */
export function importsIn(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  // a backslash continuation is one line; `import os; from app import net` two statements
  text = text.replace(/\\\r?\n/g, ' ').replace(/;[ \t]*(?=(?:from|import)[ \t])/g, '\n');
  const parts = (item: string) =>
    item
      .trim()
      .split(/\s+as\s+/)
      .map((p) => p.trim());
  for (const m of text.matchAll(IMPORT_LINE)) {
    if (m[4] !== undefined) {
      for (const item of m[4].split(',')) {
        const [name, alias] = parts(item);
        if (/^[A-Za-z_][\w.]*$/.test(name))
          out.push({ level: 0, module: name, names: [], locals: [alias ?? name.split('.')[0]] });
      }
      continue;
    }
    if (m[3].trim() === '*') {
      out.push({ level: m[1].length, module: m[2], names: [], locals: [], star: true });
      continue;
    }
    const items = m[3]
      .replace(/[()\\]/g, ' ')
      .split(',')
      .map(parts)
      .filter(([n]) => /^[A-Za-z_]\w*$/.test(n));
    out.push({
      level: m[1].length,
      module: m[2],
      names: items.map(([n]) => n),
      locals: items.map(([n, a]) => a ?? n),
    });
  }
  if (text.includes('import_module') || text.includes('__import__')) out.push(...dynamicImportsIn(text));
  return out;
}

/**
 * `importlib.import_module("app.net")`, `__import__("app.net")` with a literal name (dynamic-rule.ts): read as
 * `import app.net` (which runs and binds the same modules); `import_module(".net", "app")` or
 * `(".net", __package__)` too, and the calls of a name bound to either. The local is the name assigned
 * (`net = ...`), if any.
 */
function dynamicImportsIn(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  const aliases = dynamicAliases(text).names;
  const named = aliases.size ? `|\\b(${[...aliases.keys()].join('|')})` : '';
  const calls = new RegExp(
    `(?:\\b(\\w+)[ \\t]*=[ \\t]*)?(?:\\b(?:[\\w.]+\\.)?(import_module|__import__)${named})\\s*\\(`,
    'g',
  );
  for (const m of text.matchAll(calls)) {
    const [, local, how, alias] = m;
    const target = dynamicTarget(
      (how as DynamicHow | undefined) ?? aliases.get(alias)!,
      argumentTexts(text, m.index + m[0].length),
    );
    if (!target) continue;
    // (relative to a literal package: made absolute here; to the importer's own, by the graph)
    const { level, module } = target.imports.package
      ? { level: 0, module: specModule({ module: '' }, target.imports) }
      : target.imports;
    if (module === undefined) continue;
    out.push({ level, module, names: [], locals: local ? [local] : [], dynamic: true });
  }
  return out;
}

/** A ModuleSpec's absolute module, `importer`'s relative imports start from (a literal package's their own). */
export function specModule(
  importer: { module: string; isPackage?: boolean },
  spec: ModuleSpec,
): string | undefined {
  const from = spec.package !== undefined ? { module: spec.package, isPackage: true } : importer;
  return absoluteModule(from, spec.level, spec.module);
}
