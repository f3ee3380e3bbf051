// Who imports whom among the project's files, answered lazily from the import lines the scan noted: a file's
// import lines are parsed only when the plan asks about that file, or about a module its lines may name. Over
// a large tree the plan asks about a handful of modules (those connected to an ftplib user), so most files'
// lines are never parsed.
//
// An import of module `a.b.c` always spells `c` (`import a.b.c`, `from a.b import c`, `from .c import x`, a
// patch target "a.b.c.FTP"), except a relative import with no module (`from . import x`, `from .. import y`),
// which names a package above the importer: so the files that may import a module are those whose lines
// spell its last name, and those inside it. An absolute import spells the top package too (`a`), and a
// relative one resolves inside the importer's own top package: of the files that spell `c`, only those that
// spell `a` or are inside `a` may import `a.b.c` (which matters for a module named like many, `pkg.utils`).
import { absoluteModule, importsIn, moduleOf, type ModuleFile } from './modules.js';
import type { FileImports } from './imports.js';
import { isNotebookPath } from '../prefilter.js';

/** A file whose imports lead somewhere: a module of the project, or a notebook (an importer only). */
interface Importer {
  /** Its position among the files (answers come in that order). */
  index: number;
  mf: ModuleFile;
  imports: FileImports;
}

interface Index {
  spelling: Map<string, Importer[]>;
  inside: Map<string, Importer[]>;
  /** The importers whose lines have a `from X import *`. */
  starring: Set<Importer>;
}

/** A name in an import line, or a part of a dotted one. */
const WORD = /\w+/g;
/** `import *`: a line that may pass a module's names on. */
const STAR = /\bimport[ \t]*\*/;

interface Resolved {
  /** What it imports, as project files (not itself), the packages above those modules too. */
  deps: string[];
  /** What it imports names from (not the packages above those modules, which run but give nothing). */
  named: Set<string>;
  /** Its `from X import ...` and `import X` statements, X made absolute (`star`: `from X import *`). */
  refs: { module: string; names: string[]; star?: boolean }[];
}

export class ImportGraph {
  /** Dotted name -> the module's file; a name found twice is no module (which one an import means is unknown). */
  private readonly modules = new Map<string, ModuleFile>();
  private readonly importers: Importer[] = [];
  private readonly byFile = new Map<string, Importer>();
  private readonly resolved = new Map<string, Resolved>();
  private readonly importersOf = new Map<string, string[]>();
  private readonly mayImportMemo = new Map<string, string[]>();
  private index?: Index;
  private readonly wantedMemo = new Map<string, Set<string> | undefined>();
  private readonly wholeMemo = new Map<string, boolean>();

  constructor(
    files: string[],
    roots: string[],
    cwd: string | undefined,
    /** A file's imports; undefined for a file that cannot be read (processing reports it). */
    importsOf: (file: string) => FileImports | undefined,
  ) {
    const clashing = new Set<string>();
    files.forEach((file, index) => {
      if (isNotebookPath(file)) {
        // no module, but an importer: its code cells' imports (absolute ones lead somewhere)
        const imports = importsOf(file);
        if (imports) this.add({ index, mf: { path: file, module: '', isPackage: false }, imports });
        return;
      }
      const mf = moduleOf(file, roots, cwd);
      if (!mf) return;
      const imports = importsOf(file);
      if (!imports) return;
      // the same dotted name under two roots (`s1/app/net.py`, `s2/app/net.py`): which one an import means
      // cannot be told, so neither is followed (the first stays an importer)
      if (this.modules.has(mf.module) || clashing.has(mf.module)) {
        clashing.add(mf.module);
        this.modules.delete(mf.module);
        return;
      }
      this.modules.set(mf.module, mf);
      this.add({ index, mf, imports });
    });
  }

  private add(importer: Importer): void {
    this.importers.push(importer);
    this.byFile.set(importer.mf.path, importer);
  }

  /** How many modules the project has. */
  get size(): number {
    return this.modules.size;
  }

  /** The module files, by path. */
  moduleFiles(): Map<string, ModuleFile> {
    return new Map([...this.modules.values()].map((m) => [m.path, m]));
  }

  /** The files that use ftplib (mention it), notebooks aside: modules, or found twice under two roots. */
  users(): string[] {
    return this.importers.filter((i) => i.imports.ftplib && i.mf.module !== '').map((i) => i.mf.path);
  }

  /** What a file imports, as project files (not itself), the packages above those modules too. */
  deps(file: string): string[] {
    return this.resolve(file)?.deps ?? [];
  }

  /** What a file imports names from, as project files. */
  named(file: string): Set<string> {
    return this.resolve(file)?.named ?? new Set();
  }

  /** The files that import `file` (a module of the project), in file order. */
  importersOfFile(file: string): string[] {
    let out = this.importersOf.get(file);
    if (out) return out;
    const module = this.moduleOfFile(file);
    out = module !== undefined ? this.mayImport(module).filter((i) => this.deps(i).includes(file)) : [];
    this.importersOf.set(file, out);
    return out;
  }

  /** The file's dotted name, when it is a module of the project (not one found twice). */
  private moduleOfFile(file: string): string | undefined {
    const module = this.byFile.get(file)?.mf.module;
    return module !== undefined && this.modules.get(module)?.path === file ? module : undefined;
  }

  /** Some other file imports `file` (a module of the project): importersOfFile, stopping at the first. */
  isImported(file: string): boolean {
    const known = this.importersOf.get(file);
    if (known) return known.length > 0;
    const module = this.moduleOfFile(file);
    if (module === undefined) return false;
    const imports = (i: string) => i !== file && this.deps(i).includes(file);
    // most imports of a module come from its own top package: those are looked at first
    const top = `${module.split('.')[0]}.`;
    const candidates = this.mayImport(module);
    const near = (i: string) => this.byFile.get(i)!.mf.module.startsWith(top);
    return candidates.some((i) => near(i) && imports(i)) || candidates.some((i) => !near(i) && imports(i));
  }

  /**
   * Names the project's files import from `module` (`from module import a, b`), or from a module that passes
   * on its names (`from module import *` there: what they import from that one, generously); undefined when
   * none imports from it.
   */
  wanted(module: string): Set<string> | undefined {
    if (this.wantedMemo.has(module)) return this.wantedMemo.get(module);
    // (a cycle of stars: the module's own importers are counted once)
    this.wantedMemo.set(module, undefined);
    let names: Set<string> | undefined;
    for (const file of this.mayImport(module))
      for (const ref of this.resolve(file)!.refs)
        if (ref.module === module) {
          names ??= new Set();
          for (const name of ref.names) names.add(name);
          const passer = ref.star ? this.moduleOfFile(file) : undefined;
          if (passer !== undefined && passer !== module)
            for (const name of this.wanted(passer) ?? []) names.add(name);
        }
    this.wantedMemo.set(module, names);
    return names;
  }

  /**
   * Some file imports `name` from `module` (wanted(module) holds it), asked of the files whose lines spell
   * `name` alone: a module named like many (`utils`) is not resolved for all of them.
   */
  asks(module: string, name: string): boolean {
    if (this.wantedMemo.has(module)) return this.wantedMemo.get(module)?.has(name) ?? false;
    const index = (this.index ??= this.buildIndex());
    const spelling = new Set(index.spelling.get(name));
    const candidates = this.mayImport(module).map((file) => this.byFile.get(file)!);
    // (a file that passes the module's names on may be asked for them in turn: wanted follows it)
    if (candidates.some((i) => index.starring.has(i))) return this.wanted(module)?.has(name) ?? false;
    return candidates.some(
      (i) =>
        spelling.has(i) &&
        this.resolve(i.mf.path)!.refs.some((ref) => ref.module === module && ref.names.includes(name)),
    );
  }

  /** Some file imports `module` whole (`import module`, or `from pkg import mod` for module pkg.mod). */
  importedWhole(module: string): boolean {
    let whole = this.wholeMemo.get(module);
    if (whole === undefined) {
      const within = (ref: { module: string; names: string[] }) =>
        ref.module === module
          ? ref.names.length === 0
          : module.startsWith(`${ref.module}.`) && ref.names.includes(module.slice(ref.module.length + 1));
      whole = this.mayImport(module).some((file) => this.resolve(file)!.refs.some(within));
      this.wholeMemo.set(module, whole);
    }
    return whole;
  }

  /** The importers whose lines may name `module` (see the top of this file), in file order. */
  private mayImport(module: string): string[] {
    const known = this.mayImportMemo.get(module);
    if (known) return known;
    const index = (this.index ??= this.buildIndex());
    const last = module.slice(module.lastIndexOf('.') + 1);
    let spelling = index.spelling.get(last) ?? [];
    const dot = module.indexOf('.');
    if (dot >= 0) {
      const top = module.slice(0, dot);
      const near = new Set([...(index.spelling.get(top) ?? []), ...(index.inside.get(top) ?? [])]);
      spelling = spelling.filter((i) => near.has(i));
    }
    const found = new Set([...spelling, ...(index.inside.get(module) ?? [])]);
    const out = [...found].sort((x, y) => x.index - y.index).map((i) => i.mf.path);
    this.mayImportMemo.set(module, out);
    return out;
  }

  /**
   * The importers by each word their lines (and patch targets) spell, and by each package they are in (or
   * are), in file order; built on the first question, in one pass over every file's lines.
   */
  private buildIndex(): Index {
    const spelling = new Map<string, Importer[]>();
    const inside = new Map<string, Importer[]>();
    const starring = new Set<Importer>();
    const add = (map: Map<string, Importer[]>, key: string, importer: Importer) => {
      const list = map.get(key);
      if (!list) map.set(key, [importer]);
      else if (list[list.length - 1] !== importer) list.push(importer);
    };
    for (const importer of this.importers) {
      const { mf, imports } = importer;
      for (const text of [imports.lines, ...imports.patched])
        for (const m of text.matchAll(WORD)) add(spelling, m[0], importer);
      if (STAR.test(imports.lines)) starring.add(importer);
      if (!mf.module) continue;
      for (let at = mf.module.indexOf('.'); at >= 0; at = mf.module.indexOf('.', at + 1))
        add(inside, mf.module.slice(0, at), importer);
      add(inside, mf.module, importer);
    }
    return { spelling, inside, starring };
  }

  private resolve(file: string): Resolved | undefined {
    const done = this.resolved.get(file);
    if (done) return done;
    const importer = this.byFile.get(file);
    if (!importer) return undefined;
    const { mf, imports } = importer;
    // a test double's target names a module too (`mock.patch("myapp.upload.FTP")`): the module it patches
    // (a dependency, not a name it wants kept: the double follows the rename)
    const mods: string[] = [...imports.patched];
    const refs: Resolved['refs'] = [];
    for (const ref of imports.lines ? importsIn(imports.lines) : []) {
      const module = absoluteModule(mf, ref.level, ref.module);
      if (!module) continue;
      mods.push(module);
      refs.push({ module, names: ref.names, ...(ref.star ? { star: true } : {}) });
      // `import a.b.c` also runs a and a.b; `from a import b` may import the submodule a.b
      const parts = module.split('.');
      // (marked: running a package's __init__ is no import of its names)
      for (let i = 1; i < parts.length; i++) mods.push(`^${parts.slice(0, i).join('.')}`);
      for (const name of ref.names) mods.push(`${module}.${name}`);
    }
    const byModule = (m: string) => this.modules.get(m)?.path;
    const deps = [...new Set(mods.flatMap((m) => byModule(m.replace(/^\^/, '')) ?? []))].filter(
      (d) => d !== file,
    );
    const named = new Set(mods.filter((m) => !m.startsWith('^')).flatMap((m) => byModule(m) ?? []));
    const resolved = { deps, named, refs };
    this.resolved.set(file, resolved);
    return resolved;
  }
}
