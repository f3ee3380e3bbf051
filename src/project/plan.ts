// The project-wide pass, before the files are processed: which modules are connected to ftplib (they use it,
// or import — at any depth — a module that does), and what each of them exports, computed in import order so
// that a factory three modules away is known where it is used. Each connected file then gets a ProjectView
// for its own processing; every other file is processed as before (the prefilter decides it).
//
// Cheap where it can be: the import graph comes from the import lines the workers' scan noted as it read each
// file (src/project/imports.ts; read here only when there was no such scan), and its lines are parsed only
// where the plan asks (graph.ts); the parser runs only on connected modules, and only when some file of the
// tree uses ftplib; a connected module is read once.
import fs from 'node:fs';
import path from 'node:path';
import { Bindings } from '../analysis/bindings.js';
import { initParser, parse } from '../parser.js';
import { processBytes, type Processed } from '../run/process-file.js';
import type { TransformSourceOptions } from '../transform-source.js';
import { ImportGraph } from './graph.js';
import { fileImports, type FileImports } from './imports.js';
import { absoluteModule, importRoots, importsIn, type ModuleFile } from './modules.js';
import { callArguments } from '../syntax.js';
import { isNotebookPath } from '../prefilter.js';
import { oneLine } from '../errors.js';
import { starNames } from './star.js';
import { ANY_LOGIN } from '../analysis/login-call.js';
import { summarize } from './summary.js';
import { SummaryQuestions } from './values.js';
import type { Exported, ModuleSummary, Passed, ProjectView } from './types.js';

export interface ProjectPlan {
  /** The connected files (by path as the run names them) and what each one's analysis knows. */
  views: Map<string, ProjectView>;
  summaries: Record<string, ModuleSummary>;
  /**
   * Files the plan could not analyse, each as `path: why` (an analysis that threw): each is processed alone,
   * with no view, and what it gives its importers is not followed.
   */
  failed?: string[];
  /**
   * Asked for (`reuse`): connected modules the plan has processed already, as their views would (the
   * summaries answer everything their analysis asked the same): not to be processed again, only written.
   */
  processed?: Map<string, Processed>;
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
    /** What the workers' scan noted of the files it read: those are not read again for the graph. */
    imports?: Map<string, FileImports>;
    /**
     * Called once it is known which files the plan may give a view (those that are, or import at any depth,
     * an ftplib user it follows): any other file can be processed now, alone; `summarised`: the users it
     * processes itself first. Not called for a plan that gives no view at all (it returns undefined).
     */
    onReach?: (mayGetView: (file: string) => boolean, summarised: ReadonlySet<string>) => void;
    /** The transforms given are the run's: the plan's own processing of a module may stand for the run's. */
    reuse?: boolean;
  },
): Promise<ProjectPlan | undefined> {
  const { imports: _imports, onReach: _onReach, signal: _signal, reuse: _reuse, ...processing } = options;
  // A turn of the event loop now and then lets a signal in; an aborted run plans nothing
  const pause = () => new Promise((resolve) => setImmediate(resolve));
  const roots = given.flatMap((g) => importRoots(g, options.cwd));
  const cache = new FileCache(options.cwd);
  // First only whether any module of the tree uses ftplib: a tree where none does is planned no further
  if (!options.imports) {
    let anyUser = false;
    for (const [i, file] of files.entries()) {
      if (i % 256 === 255) await pause();
      if (options.signal?.aborted) return undefined;
      if (!isNotebookPath(file) && cache.read(file, false)?.includes('ftplib')) {
        anyUser = true;
        break;
      }
    }
    if (!anyUser) return undefined;
  }
  const importsOf = (file: string) => {
    const noted = options.imports?.get(file);
    if (noted) return noted;
    const bytes = cache.read(file, false);
    return bytes && fileImports(file, bytes);
  };
  const graph = new ImportGraph(files, roots, options.cwd, importsOf);
  if (options.signal?.aborted) return undefined;
  const users = new Set(graph.users());
  if (users.size === 0) return undefined;

  // Summaries spread from the ftplib users that something imports, along imports of modules whose summary has
  // something to say (a factory, a class, a connection): a module that only uses ftplib inside stops it.
  // A module is summarised again when a module it imports changes, so its summary sees the final ones.
  const fileModule = graph.moduleFiles();
  const summaries: Record<string, ModuleSummary> = {};
  const relevant = new Set<string>();
  /** Why the plan could not analyse a file, by file: the rest of the project is planned without it. */
  const failed = new Map<string, string>();
  const imported = (file: string) => graph.isImported(file);
  // (a tree that holds the standard library holds ftplib.py itself: that module is ftplib, not a project's)
  // a module a user imports, at any depth (`from app.util import sign_on`, which app.util has from
  // app.helpers), that logs in what it is given (`def sign_on(conn): conn.login()`) without using ftplib
  // itself is summarised too: what the user passes it decides its login's prot_p()
  // (found from the few modules that call login() without ftplib, not from every user's imports: on a
  // large tree resolving every user's imports costs memory in proportion to the tree)
  const loginHelpers = new Set(
    [...fileModule.keys()].filter(
      (d) => !users.has(d) && importsOf(d)?.login && importedByUser(d, graph, users),
    ),
  );
  const queue = importOrder(
    new Set([...users, ...loginHelpers].filter((f) => imported(f) && fileModule.get(f)?.module !== 'ftplib')),
    graph,
  );
  if (queue.length === 0) return undefined;
  const start = new Set(queue);
  // a user nothing of which can be ftplib's for its importers (mayExport: its text and the graph decide, so
  // the loop below skips it whenever it comes) is not summarised: the run may process it meanwhile
  const exportingMemo = new Map<string, boolean>();
  const exporting = (file: string) => {
    let known = exportingMemo.get(file);
    if (known === undefined) {
      const text = cache.text(file);
      known = text !== undefined && mayExport(text, fileModule.get(file)!, graph);
      exportingMemo.set(file, known);
    }
    return known;
  };
  options.onReach?.(reaching(start, graph), new Set(queue.filter(exporting)));
  await initParser();
  const budget = 4 * graph.size;
  /** The last processing of each module summarised, what it asked of the summaries, and its view. */
  const runs = new Map<string, Run>();
  for (let round = 0; queue.length && round < budget; round++) {
    await pause();
    if (options.signal?.aborted) return undefined;
    const file = queue.shift()!;
    if (failed.has(file)) continue;
    const mf = fileModule.get(file)!;
    // A module that does not use ftplib itself matters to its importers only through names they import
    // from it that can hold what it gets from a summarised module: look before running the pipeline on it
    const bytes = cache.read(file);
    if (bytes === undefined) continue;
    const text = bytes.toString('latin1');
    const mayGive = users.has(file) || loginHelpers.has(file);
    if (mayGive ? !exporting(file) : !mayPassOn(text, mf, summaries, graph)) continue;
    const wanted = [...(graph.wanted(mf.module) ?? [])];
    const done = await summarizeFile(file, bytes, mf, processing, summaries, wanted).catch((err: unknown) => {
      // (a summary it had before goes too: nothing of it is known)
      failed.set(file, blame(file, err));
      delete summaries[mf.module];
      relevant.delete(file);
      return undefined;
    });
    if (!done) continue;
    const { summary, run } = done;
    if (options.reuse) runs.set(file, run);
    const before = JSON.stringify(summaries[mf.module]?.exports ?? {});
    if (!summary) continue;
    summaries[mf.module] = summary;
    // a submodule alone says nothing: only a class, a connection or a factory is worth following (or a
    // module that has one, reached as an attribute of this one: `import app.net as net`)
    // (a module bound here may have come to say something since: the exports are the same, not the verdict)
    // (or a cleartext connection it keeps: the tests that import it patch ftplib.FTP for it)
    const says =
      summary.cleartext !== undefined ||
      Object.values(summary.exports).some((e) => leadsSomewhere(e, summaries));
    if (!says || (JSON.stringify(summary.exports) === before && relevant.has(file))) continue;
    relevant.add(file);
    // those who import it and are imported in turn may now export what it gives them
    for (const i of graph.importersOfFile(file)) if (imported(i) && !queue.includes(i)) queue.push(i);
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
          .filter(([, e]) => leadsSomewhere(e, summaries))
          .map(([n]) => n),
        // and the names the rewrite takes away, which its importers and their tests still spell
        ...Object.keys(summaries[fileModule.get(f)!.module]?.renamed ?? {}),
        // and, for a cleartext connection it keeps, the FTP that its tests patch (ftplib.FTP)
        ...(summaries[fileModule.get(f)!.module]?.cleartext !== undefined ? ['FTP'] : []),
      ],
    ]),
  );
  // (in file order: relevant modules and their importers)
  const order = new Map(files.map((f, i) => [f, i]));
  const connected = [...new Set([...relevant, ...[...relevant].flatMap((f) => graph.importersOfFile(f))])];
  connected.sort((a, b) => order.get(a)! - order.get(b)!);
  for (const file of connected) {
    if (failed.has(file)) continue;
    const reads = [...graph.named(file)].filter((d) => relevant.has(d));
    if (!relevant.has(file) && reads.length === 0) continue;
    if (!relevant.has(file)) {
      const text = cache.text(file) ?? '';
      const names = reads.flatMap((d) => exported.get(d) ?? []);
      if (!names.some((n) => new RegExp(`\\b${n}\\b`).test(text))) continue;
    }
    const mf = fileModule.get(file);
    if (!mf) {
      views.set(file, { summaries }); // a notebook: no module of its own
      continue;
    }
    const names = [...(graph.wanted(mf.module) ?? [])];
    views.set(file, { module: mf.module, isPackage: mf.isPackage, summaries, wanted: names });
  }
  await notePassed(views, summaries, cache, failed, processing);
  const failures = failed.size ? { failed: [...failed.values()] } : {};
  if (!options.reuse) return { views, summaries, ...failures };
  const processed = new Map<string, Processed>();
  const fields = (view: ProjectView) => JSON.stringify({ ...view, summaries: undefined });
  for (const [file, view] of views) {
    const run = runs.get(file);
    if (run && fields(run.view) === fields(view) && run.questions.holdIn(summaries))
      processed.set(file, run.processed);
  }
  return { views, summaries, processed, ...failures };
}

/** An export worth following: a class, a connection, a factory, or a summarised module with one of those. */
function leadsSomewhere(
  e: Exported,
  summaries: Record<string, ModuleSummary>,
  seen = new Set<string>(),
): boolean {
  if (e.kind !== 'module') return true;
  if (seen.has(e.module)) return false;
  seen.add(e.module);
  const target = summaries[e.module];
  return !!target && Object.values(target.exports).some((x) => leadsSomewhere(x, summaries, seen));
}

/**
 * Whether a file may get a view: it is one of the users the plan follows (`start`), or imports one at any
 * depth (a summary reaches only the importers of its module, and a view only a file that imports one).
 */
function reaching(start: Set<string>, graph: ImportGraph): (file: string) => boolean {
  /** Files known not to reach `start`: every file below one that does not. */
  const never = new Set<string>();
  return (file) => {
    if (start.has(file)) return true;
    const seen = new Set([file]);
    const todo = [file];
    while (todo.length) {
      for (const d of graph.deps(todo.pop()!)) {
        if (start.has(d)) return true;
        if (seen.has(d) || never.has(d)) continue;
        // (where most modules import each other, most reach it: not worth following far)
        if (seen.size >= REACH_LIMIT) return true;
        seen.add(d);
        todo.push(d);
      }
    }
    for (const f of seen) never.add(f);
    return false;
  };
}

/** How many files `reaching` follows from one before it takes the file for one that may get a view. */
const REACH_LIMIT = 200;

/**
 * Some user imports `file`, directly or through modules that import names from it (and may pass them on):
 * its importers followed up, as `reaching` follows imports down, and as far (past that, it is taken for one).
 */
function importedByUser(file: string, graph: ImportGraph, users: Set<string>): boolean {
  const seen = new Set([file]);
  const todo = [file];
  while (todo.length) {
    const at = todo.pop()!;
    for (const importer of graph.importersOfFile(at)) {
      if (users.has(importer)) return true;
      // (a module that only runs it, as a package above what it imports, passes nothing of it on)
      if (seen.has(importer) || !graph.named(importer).has(at)) continue;
      if (seen.size >= REACH_LIMIT) return true;
      seen.add(importer);
      todo.push(importer);
    }
  }
  return false;
}

/** Files read for the plan, each once (the connected modules are few; the rest are read only when unscanned). */
class FileCache {
  private readonly bytes = new Map<string, Buffer | undefined>();

  constructor(private readonly cwd: string | undefined) {}

  /** The file's bytes; undefined when it cannot be read (processing reports it). `keep`: for another read. */
  read(file: string, keep = true): Buffer | undefined {
    if (this.bytes.has(file)) return this.bytes.get(file);
    let bytes: Buffer | undefined;
    try {
      bytes = fs.readFileSync(this.cwd ? path.resolve(this.cwd, file) : file);
    } catch {
      bytes = undefined;
    }
    if (keep) this.bytes.set(file, bytes);
    return bytes;
  }

  /** Its text as latin-1 (each byte one character: what the plan's text scans need). */
  text(file: string): string | undefined {
    return this.read(file)?.toString('latin1');
  }
}

/**
 * What the calls of a summarised helper (a function that logs in a parameter) in the connected files pass for
 * that parameter, given to the helper's module as `passed`: there its login gets prot_p() when every call in
 * the project passes an FTP_TLS connection, a manual finding naming the helper otherwise. The calls are read
 * as the file will be once rewritten (its own `FTP()` is FTP_TLS then), from its processing's last analysis.
 */
async function notePassed(
  views: Map<string, ProjectView>,
  summaries: Record<string, ModuleSummary>,
  files: FileCache,
  failed: Map<string, string>,
  processing: TransformSourceOptions & { cwd?: string },
): Promise<void> {
  const helpers = Object.values(summaries).flatMap((s) =>
    Object.entries(s.exports).flatMap(([name, e]) =>
      (e.kind === 'function' || e.kind === 'holder') && e.logsIn ? [name] : [],
    ),
  );
  if (helpers.length === 0) return;
  const called = new RegExp(`\\b(${helpers.join('|')})\\s*\\(`);
  const passed = new Map<string, Record<string, Record<number, Passed>>>();
  const note = (bindings: Bindings) => {
    for (const call of bindings.calls()) {
      const callee = bindings.valueOf(call.childForFieldName('function'));
      // a helper function, or a class whose methods log in what its constructor is given
      const helper = callee.kind === 'external' || (callee.kind === 'holder' && !callee.instance);
      if (!helper || !callee.helper) continue;
      const { module, name, logsIn } = callee.helper;
      const positional = callArguments(call).positional;
      const byName = (passed.get(module) ?? {})[name] ?? {};
      for (const k of logsIn) {
        const v = bindings.valueOf(positional[k]);
        const now = v.kind === 'conn' && v.tls ? 'tls' : 'other';
        byName[k] = byName[k] === undefined || byName[k] === now ? now : 'mixed';
      }
      passed.set(module, { ...(passed.get(module) ?? {}), [name]: byName });
    }
  };
  /** A file's calls could not be read. */
  let unknown = false;
  for (const [file, view] of views) {
    if (isNotebookPath(file)) continue; // (its cells' calls are not read here)
    const text = files.text(file);
    const bytes = files.read(file);
    if (!text || !bytes || !called.test(text)) continue;
    try {
      let read = false;
      let failure: unknown;
      const onFinal: TransformSourceOptions['onFinal'] = ({ bindings }) => {
        read = true;
        try {
          note(bindings());
        } catch (err) {
          failure = err;
        }
      };
      // (a text that never spells FTP has no connection the rewrite renames: read as it is)
      if (text.includes('FTP'))
        await processBytes(file, bytes, processing.transforms ?? [], {
          ...processing,
          project: view,
          onFinal,
        });
      if (failure !== undefined) throw failure;
      if (!read) {
        // not processed (an error, a skip): it stays as it is
        const tree = parse(text); // read as latin-1: only its calls matter here
        try {
          note(new Bindings(tree, view));
        } finally {
          tree.delete();
        }
      }
    } catch (err) {
      // processed alone; and what it passes is not known, so no helper is known to get FTP_TLS only
      failed.set(file, blame(file, err));
      views.delete(file);
      unknown = true;
    }
  }
  if (unknown)
    for (const s of Object.values(summaries))
      for (const [name, e] of Object.entries(s.exports))
        if ((e.kind === 'function' || e.kind === 'holder') && e.logsIn)
          passed.set(s.module, {
            ...passed.get(s.module),
            [name]: Object.fromEntries(e.logsIn.map((k) => [k, 'other' as const])),
          });
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
  graph: ImportGraph,
): boolean {
  const known = new Set<string>();
  /** The names through which what it imports is used: `open_link`, or `ftpwrapper` of `import urllib.request`. */
  const spelled = new Set<string>();
  let stars = false;
  for (const ref of importsIn(text)) {
    const module = absoluteModule(mf, ref.level, ref.module);
    const summary = module ? summaries[module] : undefined;
    if (!module) continue;
    if (ref.star) {
      // `from app.net import *`: the names its `*` gives are this module's too
      for (const name of summary ? starNames(summary) : []) {
        known.add(name);
        spelled.add(name);
        stars = true;
      }
      continue;
    }
    if (ref.names.length === 0) {
      // `import app.net`: reached through the name app, and used by the names the module exports
      const inside = Object.values(summaries).filter(
        (s) => s.module === module || s.module.startsWith(`${module}.`),
      );
      // (a submodule bound there counts when it leads somewhere: `import app.net as net` in app.mid)
      const names = inside.flatMap((s) =>
        Object.entries(s.exports)
          .filter(([, e]) => leadsSomewhere(e, summaries))
          .map(([n]) => n),
      );
      if (names.length && ref.locals.length) {
        known.add(ref.locals[0]);
        for (const n of names) spelled.add(n);
        // `import app.net as net`: importers reach the module as an attribute of this one
        if (ref.locals[0] !== module.split('.')[0]) spelled.add(ref.locals[0]);
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
  // (names a `*` gave are spelled only by the importers: imported whole, it passes them all on)
  if (stars && graph.importedWhole(mf.module)) return true;
  const uses = new RegExp(`\\b(${[...spelled].map((k) => k.replace(/\W/g, '')).join('|')})\\b`);
  // a text that never spells those names passes on only a name it imports that an importer asks for by name
  // (what follows says the same then), found without resolving every file that may import it
  if (!uses.test(text) && ![...known].some((k) => graph.asks(mf.module, k))) return false;
  const asked = graph.importedWhole(mf.module) ? undefined : graph.wanted(mf.module);
  if (!asked) return uses.test(text);
  for (const name of asked) if (known.has(name) || uses.test(definitionOf(text, name))) return true;
  return false;
}

/**
 * Can a module that uses ftplib export something ftplib's to its importers? Only through a name they import
 * whose definition mentions ftplib's names (all of them, when it is imported whole).
 */
function mayExport(text: string, mf: ModuleFile, graph: ImportGraph): boolean {
  if (graph.importedWhole(mf.module)) return true;
  // (`from ftplib import *` defines ftplib's names without spelling them)
  const star = FTPLIB_STAR.test(text);
  return [...(graph.wanted(mf.module) ?? [])].some((name) => {
    if (star && (name === 'FTP' || name === 'FTP_TLS')) return true;
    const definition = definitionOf(text, name);
    return /\bFTP|ftplib/.test(definition) || ANY_LOGIN.test(definition);
  });
}

const FTPLIB_STAR = /^[ \t]*from[ \t]+ftplib[ \t]+import[ \t]*\*/m;

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

/** A failure of the plan, said with the file it met it in (the run warns with it: runner.ts). */
function blame(file: string, err: unknown): string {
  return `${file}: ${oneLine(err)}`;
}

/** Dependencies before their importers (an import cycle is cut where it is met). */
function importOrder(files: Set<string>, graph: ImportGraph): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string) => {
    if (state.has(file)) return;
    state.set(file, 'visiting');
    for (const d of graph.deps(file)) if (files.has(d)) visit(d);
    state.set(file, 'done');
    order.push(file);
  };
  for (const file of [...files].sort()) visit(file);
  return order;
}

/** The plan's own processing of a module: what it gave, with which view, asking what of the summaries. */
interface Run {
  processed: Processed;
  view: ProjectView;
  questions: SummaryQuestions;
}

/**
 * A module's summary as ftptls will leave it: transformed with what it imports known, then analysed; and that
 * processing.
 */
async function summarizeFile(
  file: string,
  bytes: Buffer,
  mf: ModuleFile,
  options: TransformSourceOptions & { cwd?: string },
  summaries: Record<string, ModuleSummary>,
  wanted: string[],
): Promise<{ summary?: ModuleSummary; run: Run }> {
  // the same steps as processing (size limit, @generated, decoding): a module it will not change says nothing
  const project: ProjectView = { module: mf.module, isPackage: mf.isPackage, summaries, wanted };
  const questions = new SummaryQuestions(summaries);
  const asked = { ...project, summaries: questions.summaries };
  // read from the pipeline's own last tree and analysis, as it ends (its questions are asked, and held, too)
  let final: ModuleSummary | undefined;
  const onFinal: TransformSourceOptions['onFinal'] = ({ source, text, bindings }) =>
    void (final = summaryOf(mf, source, text, bindings(), project));
  const processed = await processBytes(file, bytes, options.transforms ?? [], {
    ...options,
    project: asked,
    onFinal,
  });
  const run = { processed, view: project, questions };
  // (the pipeline ends with onFinal whenever its result is changed or unchanged)
  const { status } = processed.result;
  return { summary: status === 'changed' || status === 'unchanged' ? final : undefined, run };
}

/**
 * The summary of a module whose text `before` became `after` (analysed as `analysis`; lone CRs read as LF in
 * both, as Python reads them).
 */
function summaryOf(
  mf: ModuleFile,
  before: string,
  after: string,
  analysis: Bindings,
  project: ProjectView,
): ModuleSummary {
  // the text as it was: parsed only if the summary asks (when the module exports FTP_TLS)
  let beforeTree: ReturnType<typeof parse> | undefined;
  const was = () => {
    if (after === before) return analysis;
    beforeTree ??= parse(before);
    return new Bindings(beforeTree, project);
  };
  try {
    return summarize(mf, analysis, was);
  } finally {
    beforeTree?.delete();
  }
}
