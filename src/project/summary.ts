// A module's summary for the modules that import it: what each of its module-level names is, as far as
// ftplib is concerned, read from the analysis of its text AFTER the rewrite (an importer sees the module as
// ftptls leaves it), and which names the rewrite took away (`FTP` became `FTP_TLS`).
import type { Node } from 'web-tree-sitter';
import type { Bindings } from '../analysis/bindings.js';
import type { Value } from '../analysis/value.js';
import { loginProtects } from '../analysis/protects.js';
import { absoluteModule } from './modules.js';
import { allNames, starNames } from './star.js';
import type { Exported, HelperOrigin, ModuleSummary, ProjectView } from './types.js';
import { starMember } from './values.js';
import { callOf } from '../syntax.js';

/**
 * `after`: the analysis of the rewritten text; `before`: of the text as it was (for `renamed`), asked for only
 * when the module exports FTP_TLS (no name can have been renamed to it otherwise).
 */
export function summarize(
  file: { path: string; module: string },
  after: Bindings,
  before: () => Bindings = () => after,
): ModuleSummary {
  const exports: Record<string, Exported> = {};
  const stars = after.module.starModules.length > 0 && !!after.project;
  for (const [name, sites] of after.module.bindings) {
    // a name a `*` import gives too is bound by it on some paths, or on all: then the import is its line
    const star = stars ? after.starBinding(after.module, name) : undefined;
    const fromStar = star && star.order !== 'own';
    if (sites.every((s) => s.fallback) && !fromStar) continue;
    const line = fromStar ? star.statement.startPosition.row + 1 : sites[0].node.startPosition.row + 1;
    const value = after.valueOfName(name, after.module);
    const exported =
      value.kind === 'other' && sites.length === 1 && sites[0].kind === 'class' && sites[0].value
        ? holder(after, sites[0].value, line)
        : toExported(after, value, line, 0);
    if (exported) exports[name] = exported;
  }
  // `from ftplib import *` (a compat module): ftplib's classes are its names too, for its importers
  if (after.module.starModules.includes('ftplib'))
    for (const name of ['FTP', 'FTP_TLS'])
      if (!after.module.bindings.has(name)) {
        const line = after.module.starLines[after.module.starModules.indexOf('ftplib')];
        const exported = toExported(after, after.valueOfName(name, after.module), line, 0);
        if (exported) exports[name] = exported;
      }
  // `from .net import *`: what the star gives is exported too (a name bound here is its own)
  if (after.module.starModules.length && after.project)
    for (const { name, value, line, ftplibName } of starExports(after, after.project))
      if (!after.module.bindings.has(name) && !exports[name]) {
        const exported = toExported(after, value, line, 0);
        if (exported)
          exports[name] = exported.kind === 'class' && ftplibName ? { ...exported, ftplibName } : exported;
      }
  const renamed: Record<string, string> = {};
  if (exports.FTP_TLS) {
    const was = before();
    for (const [name] of was.module.bindings) {
      const value = was.valueOfName(name, was.module);
      const now = after.module.bindings.has(name) ? after.valueOfName(name, after.module) : undefined;
      if (value.kind === 'class' && !value.tls && !value.subclass && now === undefined)
        renamed[name] = 'FTP_TLS';
    }
  }
  // `from .net import *` of a module whose rewrite took a name away: this one no longer passes it on either
  if (after.module.starModules.length && after.project)
    for (const [name, to] of starRenames(after.project, after.module.starModules))
      if (!after.module.bindings.has(name) && !exports[name] && exports[to]) renamed[name] ??= to;
  // (of __all__, only the names summarised: what a `*` import of it gives that matters)
  const all = after.module.bindings.has('__all__')
    ? allNames(after.tree.rootNode)?.filter((n) => Object.hasOwn(exports, n))
    : undefined;
  const kept = after.classReferences().find((r) => r.name === 'FTP' && callOf(r.node));
  const cleartext = kept ? { cleartext: kept.node.startPosition.row + 1 } : {};
  return { module: file.module, path: file.path, exports, renamed, ...cleartext, ...(all ? { all } : {}) };
}

interface StarExport {
  name: string;
  value: Value;
  line: number;
  /** The class is ftplib's own in the module the `*` imports. */
  ftplibName?: 'FTP' | 'FTP_TLS';
}

/** The names the module's `*` imports of summarised modules give, with their values and the import's line. */
function starExports(bindings: Bindings, view: ProjectView): StarExport[] {
  const out: StarExport[] = [];
  const importer = { module: view.module ?? '', isPackage: view.isPackage };
  // (the last `*` that gives a name is the one that binds it)
  const { starModules, starLines } = bindings.module;
  const stars = starModules.map((module, k) => ({ module, line: starLines[k] }));
  for (const star of stars.reverse()) {
    const level = /^\.*/.exec(star.module)![0].length;
    const module = absoluteModule(importer, level, star.module.slice(level));
    const summary = module ? view.summaries[module] : undefined;
    if (!summary) continue;
    for (const name of starNames(summary)) {
      const value = starMember(view, [star.module], name);
      const e = summary.exports[name];
      // ftplib's own class stays ftplib's, passed on: importers of this module may switch names too
      const ftplibName = e.kind === 'class' ? e.ftplibName : undefined;
      if (value) out.push({ name, value, line: star.line, ...(ftplibName ? { ftplibName } : {}) });
    }
  }
  return out;
}

/** What the summarised modules of `*` imports (`modules`, as written) say their rewrite took away. */
function starRenames(view: ProjectView, modules: string[]): [string, string][] {
  const importer = { module: view.module ?? '', isPackage: view.isPackage };
  return modules.flatMap((written) => {
    const level = /^\.*/.exec(written)![0].length;
    const module = absoluteModule(importer, level, written.slice(level));
    const summary = module ? view.summaries[module] : undefined;
    return summary ? Object.entries(summary.renamed).filter(([name]) => !name.startsWith('_')) : [];
  });
}

/** A class of the module whose instances hold connections (or give them): its attributes that do. */
function holder(bindings: Bindings, classNode: Node, line: number): Exported | undefined {
  const attributes: Record<string, Exported> = {};
  for (const [attr, value] of bindings.instanceAttributes(classNode)) {
    // a method read through an instance is bound: what calling it gives is what it returns
    const exported = toExported(bindings, value, line, 0);
    if (exported && exported.kind !== 'module' && exported.kind !== 'holder') attributes[attr] = exported;
  }
  const logsIn = bindings.flow.loggedInConstructorArguments(classNode);
  if (logsIn.length) return { kind: 'holder', attributes, logsIn, line };
  return Object.keys(attributes).length ? { kind: 'holder', attributes, line } : undefined;
}

function toExported(bindings: Bindings, value: Value, line: number, depth: number): Exported | undefined {
  switch (value.kind) {
    case 'class': {
      const ftplibName = value.subclass || value.from ? undefined : value.tls ? 'FTP_TLS' : 'FTP';
      const protects = loginProtects(bindings, value);
      const out: Exported = { kind: 'class', tls: value.tls, ownInit: !!value.ownInit, protects, line };
      return ftplibName ? { ...out, ftplibName } : out;
    }
    case 'conn':
      return { kind: 'conn', tls: value.tls, protects: loginProtects(bindings, value), line };
    case 'partial': {
      const conn = value.conn;
      return { kind: 'conn', tls: conn.tls, protects: loginProtects(bindings, conn), line, partial: true };
    }
    case 'function':
    case 'external':
    case 'callables': {
      if (depth > 0) return undefined;
      const returns = bindings.flow.callResult(value);
      const exported = toExported(bindings, returns, line, depth + 1);
      // (a set's calls are not noted as a helper's: what they pass is not followed)
      const logsIn =
        value.kind === 'function'
          ? bindings.flow.loggedInParameters(value)
          : value.kind === 'external'
            ? value.helper?.logsIn
            : undefined;
      if ((!exported || exported.kind === 'module') && !logsIn?.length) return undefined;
      // (a helper passed on: where it is defined, which the calls through this module are noted for)
      const helper = value.kind === 'external' ? value.helper : undefined;
      return {
        kind: 'function',
        ...(exported && exported.kind !== 'module' ? { returns: exported } : {}),
        ...(logsIn?.length ? { logsIn } : {}),
        ...(logsIn?.length && helper ? { origin: originOf(helper) } : {}),
        line,
      };
    }
    case 'holder': {
      // another module's class passed on (`from app.auth import Session`): what it holds, and where it is
      // defined when its methods log in what its constructor is given
      if (value.instance || depth > 0) return undefined;
      const attributes: Record<string, Exported> = {};
      for (const [attr, a] of Object.entries(value.attributes)) {
        const exported = toExported(bindings, a, line, 0);
        if (exported && exported.kind !== 'module' && exported.kind !== 'holder') attributes[attr] = exported;
      }
      const helper = value.helper;
      if (helper)
        return { kind: 'holder', attributes, logsIn: helper.logsIn, origin: originOf(helper), line };
      return Object.keys(attributes).length ? { kind: 'holder', attributes, line } : undefined;
    }
    case 'module':
      return { kind: 'module', module: value.name };
    case 'unfollowed':
      return { kind: 'unfollowed', line };
    default:
      return undefined;
  }
}

/** Where a helper passed on is defined. */
function originOf(helper: HelperOrigin): HelperOrigin {
  return { module: helper.module, name: helper.name };
}
