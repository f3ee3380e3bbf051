// The project-wide pass, before the files are processed: which modules are connected to ftplib (they use it,
// or import — at any depth — a module that does), and what each of them exports, computed in import order so
// that a factory three modules away is known where it is used. Each connected file then gets a ProjectView
// for its own processing; every other file is processed as before (the prefilter decides it).
//
// Cheap where it can be: one synchronous read of each file for `ftplib` and its import lines (a text scan,
// no parser); the parser runs only on connected modules, and only when some file of the tree uses ftplib.
import fs from 'node:fs';
import path from 'node:path';
import { Bindings } from '../analysis/bindings.js';
import { initParser, parse } from '../parser.js';
import { processBytes } from '../process-file.js';
import type { TransformSourceOptions } from '../transform-source.js';
import {
  absoluteModule,
  importRoots,
  importsIn,
  importsInBytes,
  moduleOf,
  type ModuleFile,
} from './modules.js';
import { callArguments } from '../syntax.js';
import { isNotebookPath } from '../prefilter.js';
import { summarize } from './summary.js';
import type { ModuleSummary, ProjectView } from './types.js';

export interface ProjectPlan {
  /** The connected files (by path as the run names them) and what each one's analysis knows. */
  views: Map<string, ProjectView>;
  summaries: Record<string, ModuleSummary>;
}

/**
 * Plans a run over `files` (found below `given`, the paths on the command line). Undefined when no file of
 * the project uses ftplib (nothing to follow) or none is a module inside the roots.
 */
export async function planProject(
  given: string[],
  files: string[],
  options: TransformSourceOptions & {
    cwd?: string;
    signal?: AbortSignal;
    /** The files that mention ftplib, when the caller knows them (the workers' scan): not looked for again. */
    users?: string[];
  },
): Promise<ProjectPlan | undefined> {
  // A turn of the event loop now and then lets a signal in; an aborted run plans nothing
  const pause = () => new Promise((resolve) => setImmediate(resolve));
  const roots = given.flatMap((g) => importRoots(g, options.cwd));
  const modules = new Map<string, ModuleFile>();
  const users = new Set<string>();
  const clashing = new Set<string>();
  const imports = new Map<string, string[]>();
  /** What the project's modules import from each module by name (`from ._compat import FTP`). */
  const wanted = new Map<string, Set<string>>();
  /** Modules imported whole (`import app.net`, `from app import net`): any of their names may be read. */
  const whole = new Set<string>();
  // First only whether any module of the tree uses ftplib: a tree where none does is planned no further
  const read = (file: string) => {
    try {
      return fs.readFileSync(options.cwd ? path.resolve(options.cwd, file) : file);
    } catch {
      return undefined; // processing reports it
    }
  };
  let anyUser = !!options.users?.length;
  for (const [i, file] of options.users ? [] : files.entries()) {
    if (i % 256 === 255) await pause();
    if (options.signal?.aborted) return undefined;
    if (!isNotebookPath(file) && read(file)?.includes('ftplib')) {
      anyUser = true;
      break;
    }
  }
  if (!anyUser) return undefined;
  const knownUsers = new Set(options.users ?? []);
  for (const [i, file] of files.entries()) {
    if (i % 256 === 255) await pause();
    if (options.signal?.aborted) return undefined;
    if (isNotebookPath(file)) {
      // no module, but an importer: its code cells' imports (absolute ones lead somewhere)
      const code = notebookCode(readText(file, options));
      if (code)
        imports.set(
          file,
          resolveImports(
            { path: file, module: '', isPackage: false },
            Buffer.from(code, 'latin1'),
            wanted,
            whole,
          ),
        );
      continue;
    }
    const mf = moduleOf(file, roots, options.cwd);
    if (!mf) continue;
    const bytes = read(file);
    if (!bytes) continue;
    // the same dotted name under two roots (`s1/app/net.py`, `s2/app/net.py`): which one an import means
    // cannot be told, so neither is followed
    if (modules.has(mf.module) || clashing.has(mf.module)) {
      clashing.add(mf.module);
      modules.delete(mf.module);
      continue;
    }
    modules.set(mf.module, mf);
    if ((!options.users || knownUsers.has(file)) && bytes.includes('ftplib')) users.add(file);
    imports.set(file, resolveImports(mf, bytes, wanted, whole));
  }
  if (users.size === 0) return undefined;

  // what each file imports, as project files, and who imports each one
  const byModule = (m: string) => modules.get(m)?.path;
  const deps = new Map<string, string[]>();
  const importers = new Map<string, string[]>();
  /** What a file imports names from (not the packages above those modules, which run but give nothing). */
  const named = new Map<string, Set<string>>();
  for (const [file, mods] of imports) {
    const ds = [...new Set(mods.flatMap((m) => byModule(m.replace(/^\^/, '')) ?? []))].filter(
      (d) => d !== file,
    );
    deps.set(file, ds);
    named.set(file, new Set(mods.filter((m) => !m.startsWith('^')).flatMap((m) => byModule(m) ?? [])));
    for (const d of ds) {
      const list = importers.get(d);
      if (list) list.push(file);
      else importers.set(d, [file]);
    }
  }

  // Summaries spread from the ftplib users that something imports, along imports of modules whose summary has
  // something to say (a factory, a class, a connection): a module that only uses ftplib inside stops it.
  // A module is summarised again when a module it imports changes, so its summary sees the final ones.
  const fileModule = new Map([...modules.values()].map((m) => [m.path, m]));
  const summaries: Record<string, ModuleSummary> = {};
  const relevant = new Set<string>();
  // (a tree that holds the standard library holds ftplib.py itself: that module is ftplib, not a project's)
  const queue = importOrder(
    new Set([...users].filter((f) => importers.has(f) && fileModule.get(f)?.module !== 'ftplib')),
    deps,
  );
  if (queue.length === 0) return undefined;
  await initParser();
  const budget = 4 * modules.size;
  for (let round = 0; queue.length && round < budget; round++) {
    await pause();
    if (options.signal?.aborted) return undefined;
    const file = queue.shift()!;
    const mf = fileModule.get(file)!;
    // A module that does not use ftplib itself matters to its importers only through names they import
    // from it that can hold what it gets from a summarised module: look before running the pipeline on it
    const text = readText(file, options);
    if (text === undefined) continue;
    if (
      users.has(file) ? !mayExport(text, mf, wanted, whole) : !mayPassOn(text, mf, summaries, wanted, whole)
    )
      continue;
    const summary = await summarizeFile(file, mf, options, summaries, [...(wanted.get(mf.module) ?? [])]);
    const before = JSON.stringify(summaries[mf.module]?.exports ?? {});
    if (!summary) continue;
    summaries[mf.module] = summary;
    // a submodule alone says nothing: only a class, a connection or a factory is worth following
    const says = Object.values(summary.exports).some((e) => e.kind !== 'module');
    if (!says || JSON.stringify(summary.exports) === before) continue;
    relevant.add(file);
    // those who import it and are imported in turn may now export what it gives them
    for (const i of importers.get(file) ?? []) if (importers.has(i) && !queue.includes(i)) queue.push(i);
  }

  // The files whose analysis the summaries change: those that import a module with something to say (and
  // such modules themselves, for what other modules want from them)
  const views = new Map<string, ProjectView>();
  /** What relevant modules export, by file: a file that imports one must spell one of these to need a view. */
  const exported = new Map(
    [...relevant].map((f) => [
      f,
      [
        ...Object.entries(summaries[fileModule.get(f)!.module]?.exports ?? {})
          .filter(([, e]) => e.kind !== 'module')
          .map(([n]) => n),
        // and the names the rewrite takes away, which its importers and their tests still spell
        ...Object.keys(summaries[fileModule.get(f)!.module]?.renamed ?? {}),
      ],
    ]),
  );
  for (const [file] of deps) {
    const reads = [...(named.get(file) ?? [])].filter((d) => relevant.has(d));
    if (!relevant.has(file) && reads.length === 0) continue;
    if (!relevant.has(file)) {
      const text = readText(file, options) ?? '';
      const names = reads.flatMap((d) => exported.get(d) ?? []);
      if (!names.some((n) => new RegExp(`\\b${n}\\b`).test(text))) continue;
    }
    const mf = fileModule.get(file);
    if (!mf) {
      views.set(file, { summaries }); // a notebook: no module of its own
      continue;
    }
    const names = [...(wanted.get(mf.module) ?? [])];
    views.set(file, { module: mf.module, isPackage: mf.isPackage, summaries, wanted: names });
  }
  notePassed(views, summaries, options);
  return { views, summaries };
}

/**
 * What the calls of a summarised helper (a function that logs in a parameter) in the connected files pass for
 * that parameter, given to the helper's module as `passed`: there its login gets prot_p() when every call in
 * the project passes an FTP_TLS connection, a manual finding naming the helper otherwise.
 */
function notePassed(
  views: Map<string, ProjectView>,
  summaries: Record<string, ModuleSummary>,
  options: { cwd?: string },
): void {
  const helpers = Object.values(summaries).flatMap((s) =>
    Object.entries(s.exports).flatMap(([name, e]) => (e.kind === 'function' && e.logsIn ? [name] : [])),
  );
  if (helpers.length === 0) return;
  const called = new RegExp(`\\b(${helpers.join('|')})\\s*\\(`);
  const passed = new Map<string, Record<string, Record<number, 'tls' | 'other'>>>();
  for (const [file, view] of views) {
    if (isNotebookPath(file)) continue; // (its cells' calls are not read here)
    const text = readText(file, options);
    if (!text || !called.test(text)) continue;
    const tree = parse(text); // read as latin-1: only its calls matter here
    try {
      const bindings = new Bindings(tree, view);
      for (const call of bindings.calls()) {
        const callee = bindings.valueOf(call.childForFieldName('function'));
        if (callee.kind !== 'external' || !callee.helper) continue;
        const { module, name, logsIn } = callee.helper;
        const positional = callArguments(call).positional;
        const byName = (passed.get(module) ?? {})[name] ?? {};
        for (const k of logsIn) {
          const v = bindings.valueOf(positional[k]);
          byName[k] = byName[k] === 'other' || !(v.kind === 'conn' && v.tls) ? 'other' : 'tls';
        }
        passed.set(module, { ...(passed.get(module) ?? {}), [name]: byName });
      }
    } finally {
      tree.delete();
    }
  }
  for (const view of views.values()) {
    const mine = view.module ? passed.get(view.module) : undefined;
    if (mine) view.passed = mine;
  }
}

/**
 * Can a module that does not use ftplib give its importers something to follow? Only through a name they
 * import from it (all of them, when it is imported whole) whose definition mentions a name it imports from a
 * summarised module, or that is such a name (a re-export). Read from the text: a cheap, generous guess.
 */
function mayPassOn(
  text: string,
  mf: ModuleFile,
  summaries: Record<string, ModuleSummary>,
  wanted: Map<string, Set<string>>,
  whole: Set<string>,
): boolean {
  const known = new Set<string>();
  /** The names through which what it imports is used: `open_link`, or `ftpwrapper` of `import urllib.request`. */
  const spelled = new Set<string>();
  for (const ref of importsIn(text)) {
    const module = absoluteModule(mf, ref.level, ref.module);
    const summary = module ? summaries[module] : undefined;
    if (!module) continue;
    if (ref.names.length === 0) {
      // `import app.net`: reached through the name app, and used by the names the module exports
      const inside = Object.values(summaries).filter(
        (s) => s.module === module || s.module.startsWith(`${module}.`),
      );
      const names = inside.flatMap((s) =>
        Object.entries(s.exports)
          .filter(([, e]) => e.kind !== 'module')
          .map(([n]) => n),
      );
      if (names.length) {
        known.add(ref.locals[0]);
        for (const n of names) spelled.add(n);
      }
    }
    ref.names.forEach((name, k) => {
      if (summary?.exports[name] || summaries[`${module}.${name}`]) {
        known.add(ref.locals[k]);
        spelled.add(ref.locals[k]);
      }
    });
  }
  if (known.size === 0) return false;
  const uses = new RegExp(`\\b(${[...spelled].map((k) => k.replace(/\W/g, '')).join('|')})\\b`);
  const asked = whole.has(mf.module) ? undefined : wanted.get(mf.module);
  if (!asked) return uses.test(text);
  for (const name of asked) if (known.has(name) || uses.test(definitionOf(text, name))) return true;
  return false;
}

/**
 * Can a module that uses ftplib export something ftplib's to its importers? Only through a name they import
 * whose definition mentions ftplib's names (all of them, when it is imported whole).
 */
function mayExport(
  text: string,
  mf: ModuleFile,
  wanted: Map<string, Set<string>>,
  whole: Set<string>,
): boolean {
  if (whole.has(mf.module)) return true;
  return [...(wanted.get(mf.module) ?? [])].some((name) =>
    /\bFTP|ftplib|\.\s*login\s*\(/.test(definitionOf(text, name)),
  );
}

/**
 * The top-level block that defines a name (`def name`, `class name`, `name = ...`, or the import that binds
 * it), to the next top-level line; '' when none does.
 */
function definitionOf(text: string, name: string): string {
  const start = new RegExp(
    `^(?:async\\s+def|def|class)\\s+${name}\\b|^${name}\\s*[:=]|^from\\s.*\\b${name}\\b`,
    'm',
  ).exec(text);
  if (!start) return '';
  const end = /\n(?=[^\s#)])/.exec(text.slice(start.index + 1));
  return text.slice(start.index, end ? start.index + 1 + end.index : text.length);
}

function readText(file: string, options: { cwd?: string }): string | undefined {
  try {
    return fs.readFileSync(options.cwd ? path.resolve(options.cwd, file) : file, 'latin1');
  } catch {
    return undefined; // processing reports it
  }
}

/** A notebook's code cells joined, for its import lines; '' for a file that is not one. */
function notebookCode(json: string | undefined): string {
  try {
    const cells = (JSON.parse(json ?? '') as { cells?: { cell_type?: string; source?: string | string[] }[] })
      .cells;
    return (cells ?? [])
      .filter((c) => c.cell_type === 'code')
      .map((c) => (Array.isArray(c.source) ? c.source.join('') : (c.source ?? '')))
      .join('\n');
  } catch {
    return '';
  }
}

/** A quoted dotted path to an FTP class, as test doubles name what they patch. */
const PATCH_TARGET = /['"]([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(FTP|FTP_TLS)['"]/g;

/** The project modules an import statement may name: the module, and each imported name as a submodule. */
function resolveImports(
  mf: ModuleFile,
  bytes: Buffer,
  wanted: Map<string, Set<string>>,
  whole: Set<string>,
): string[] {
  const out: string[] = [];
  // a test double's target names a module too (`mock.patch("myapp.upload.FTP")`): the module it patches
  // (a dependency, not a name it wants kept: the double follows the rename)
  if (bytes.includes('FTP')) for (const m of bytes.toString('latin1').matchAll(PATCH_TARGET)) out.push(m[1]);
  for (const ref of importsInBytes(bytes)) {
    const module = absoluteModule(mf, ref.level, ref.module);
    if (!module) continue;
    out.push(module);
    const names = wanted.get(module) ?? new Set<string>();
    for (const name of ref.names) names.add(name);
    wanted.set(module, names);
    if (ref.names.length === 0) whole.add(module);
    for (const name of ref.names) whole.add(`${module}.${name}`); // perhaps a submodule
    // `import a.b.c` also runs a and a.b; `from a import b` may import the submodule a.b
    const parts = module.split('.');
    // (marked: running a package's __init__ is no import of its names)
    for (let i = 1; i < parts.length; i++) out.push(`^${parts.slice(0, i).join('.')}`);
    for (const name of ref.names) out.push(`${module}.${name}`);
  }
  return out;
}

/** Dependencies before their importers (an import cycle is cut where it is met). */
function importOrder(files: Set<string>, deps: Map<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string) => {
    if (state.has(file)) return;
    state.set(file, 'visiting');
    for (const d of deps.get(file) ?? []) if (files.has(d)) visit(d);
    state.set(file, 'done');
    order.push(file);
  };
  for (const file of [...files].sort()) visit(file);
  return order;
}

/** A module's summary as ftptls will leave it: transformed with what it imports known, then analysed. */
async function summarizeFile(
  file: string,
  mf: ModuleFile,
  options: TransformSourceOptions & { cwd?: string },
  summaries: Record<string, ModuleSummary>,
  wanted: string[],
): Promise<ModuleSummary | undefined> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(options.cwd ? path.resolve(options.cwd, file) : file);
  } catch {
    return undefined; // unreadable: processing reports it
  }
  // the same steps as processing (size limit, @generated, decoding): a module it will not change says nothing
  const project: ProjectView = { module: mf.module, isPackage: mf.isPackage, summaries, wanted };
  const { result } = await processBytes(file, bytes, options.transforms ?? [], { ...options, project });
  if (result.status !== 'changed' && result.status !== 'unchanged') return undefined;
  const text = result.before;
  const beforeTree = parse(text);
  const afterTree = result.after === text ? beforeTree : parse(result.after);
  try {
    return summarize(mf, new Bindings(afterTree, project), new Bindings(beforeTree, project));
  } finally {
    if (afterTree !== beforeTree) afterTree.delete();
    beforeTree.delete();
  }
}
