// What an import from another project module gives a file's analysis: the module's summary (plain data,
// src/project/types.ts) turned back into the analysis's values. A module or name the pass did not summarise
// is simply not followed (nothing is known of it).
import type { ConnValue, Value } from '../analysis/value.js';
import { absoluteModule } from './modules.js';
import { starNames } from './star.js';
import type { Exported, ModuleSummary, ProjectView } from './types.js';

const OTHER: Value = { kind: 'other' };

type Summaries = Record<string, ModuleSummary>;

/**
 * What a file's analysis asked of the summaries, and the answers, while the project pass processed the module
 * itself (plan.ts) with the summaries it had then: when the final summaries answer every question the same,
 * that processing is the one the module's final view gives, and it is not done again. Every read of
 * `summaries` is a question: the analysis's usual ones (below) as they are asked, any other read of a name
 * (or of them all) as the value read.
 */
export class SummaryQuestions {
  /** The summaries to give the analysis. */
  readonly summaries: Summaries;
  private readonly asked: { question: (s: Summaries) => unknown; answer: string }[] = [];
  /** The analysis wrote into them: nothing is known then. */
  private wrote = false;

  constructor(private readonly live: Summaries) {
    const write = () => {
      this.wrote = true;
      return false;
    };
    this.summaries = new Proxy(live, {
      get: (target, key) => (typeof key === 'symbol' ? Reflect.get(target, key) : this.ask((s) => s[key])),
      has: (target, key) => (typeof key === 'symbol' ? Reflect.has(target, key) : this.ask((s) => key in s)),
      ownKeys: () => this.ask((s) => Reflect.ownKeys(s)),
      getOwnPropertyDescriptor: (target, key) => {
        if (typeof key !== 'symbol') this.ask((s) => Object.getOwnPropertyDescriptor(s, key)?.value);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      set: write,
      defineProperty: write,
      deleteProperty: write,
    });
    asking.set(this.summaries, this);
  }

  /** The answer from the summaries as they are now, noted. */
  ask<T>(question: (s: Summaries) => T): T {
    const answer = question(this.live);
    this.asked.push({ question, answer: answerKey(answer) });
    return answer;
  }

  /** Every question asked gets the same answer from `summaries`. */
  holdIn(summaries: Summaries): boolean {
    return !this.wrote && this.asked.every((q) => answerKey(q.question(summaries)) === q.answer);
  }
}

const asking = new WeakMap<object, SummaryQuestions>();

function answerKey(answer: unknown): string {
  return JSON.stringify(answer) ?? 'undefined';
}

/** A question about the view's summaries: asked directly, or noted when they are a SummaryQuestions' own. */
function ask<T>(view: ProjectView, question: (s: Summaries) => T): T {
  const questions = asking.get(view.summaries);
  return questions ? questions.ask(question) : question(view.summaries);
}

/** `import pkg.mod` / `import pkg.mod as m`: the module, when the project has it (or a package above it). */
export function projectModule(view: ProjectView, dotted: string): Value {
  const known = ask(view, (s) => Object.keys(s).some((m) => m === dotted || m.startsWith(`${dotted}.`)));
  return known ? { kind: 'module', name: dotted } : OTHER;
}

/** The names the summarised modules say the rewrite took away (ModuleSummary.renamed), module by module. */
export function renamedNames(view: ProjectView): string[] {
  return ask(view, (s) => Object.values(s).flatMap((summary) => Object.keys(summary.renamed)));
}

/** `from <module> import <name>`, the module as written (`..conn` for a relative import). */
export function importedFromProject(view: ProjectView, written: string, name: string): Value {
  const level = /^\.*/.exec(written)![0].length;
  const importer = { module: view.module ?? '', isPackage: view.isPackage };
  if (level > 0 && !view.module) return OTHER;
  const module = absoluteModule(importer, level, written.slice(level));
  return module ? memberOf(view, module, name) : OTHER;
}

/**
 * A name no binding gives, read through the `from X import *` of a scope (`modules`: each X as written):
 * the export of the last summarised X whose `*` gives it; undefined when none does.
 */
export function starMember(view: ProjectView, modules: string[], name: string): Value | undefined {
  return ask(view, (summaries) => {
    for (const module of starredLastFirst(view, modules)) {
      const summary = summaries[module];
      if (summary && starNames(summary).includes(name))
        return toValue({ ...view, summaries }, summary, summary.exports[name], name);
    }
    return undefined;
  });
}

/** The modules of a scope's `from X import *` (each X as written), made absolute, the last one first. */
function starredLastFirst(view: ProjectView, modules: string[]): string[] {
  const importer = { module: view.module ?? '', isPackage: view.isPackage };
  const out: string[] = [];
  for (const written of [...modules].reverse()) {
    const level = /^\.*/.exec(written)![0].length;
    if (level > 0 && !view.module) continue;
    const module = absoluteModule(importer, level, written.slice(level));
    if (module) out.push(module);
  }
  return out;
}

/**
 * A name no binding or `*` gives, that a summarised X of the scope's `from X import *` gave before the
 * rewrite took it away (ModuleSummary.renamed): the name that stands for it now.
 */
export function starRenamed(view: ProjectView, modules: string[], name: string): string | undefined {
  return ask(view, (summaries) => {
    for (const module of starredLastFirst(view, modules)) {
      const to = summaries[module]?.renamed[name];
      if (to) return to;
    }
    return undefined;
  });
}

/** `module.name`: an export of a summarised module, or a submodule. */
export function memberOf(view: ProjectView, module: string, name: string): Value {
  return ask(view, (summaries) => memberIn({ ...view, summaries }, module, name));
}

function memberIn(view: ProjectView, module: string, name: string): Value {
  const summary = view.summaries[module];
  const exported = summary?.exports[name];
  if (summary && exported) return toValue(view, summary, exported, name);
  return projectModule(view, `${module}.${name}`).kind === 'module'
    ? { kind: 'module', name: `${module}.${name}` }
    : OTHER;
}

function toValue(view: ProjectView, summary: ModuleSummary, e: Exported, name = ''): Value {
  const from = `${summary.path}:${'line' in e ? e.line : 1}`;
  switch (e.kind) {
    case 'class': {
      // ftplib's FTP re-exported, with ftplib's FTP_TLS exported beside it: importers can switch names
      const reexport =
        e.ftplibName === 'FTP' &&
        summary.exports.FTP_TLS?.kind === 'class' &&
        summary.exports.FTP_TLS.ftplibName === 'FTP_TLS';
      return {
        kind: 'class',
        tls: e.tls,
        ownInit: e.ownInit,
        protects: e.protects,
        from,
        ...(reexport ? { reexport } : {}),
      };
    }
    case 'conn': {
      const conn: ConnValue = { kind: 'conn', tls: e.tls, origin: 'constructor', protects: e.protects, from };
      return e.partial ? { kind: 'partial', conn } : conn;
    }
    case 'function':
      return {
        kind: 'external',
        returns: e.returns ? toValue(view, summary, e.returns) : OTHER,
        from,
        ...(e.logsIn ? { helper: { module: summary.module, name, ...e.origin, logsIn: e.logsIn } } : {}),
      };
    case 'holder': {
      const attributes: Record<string, Value> = {};
      for (const [attr, a] of Object.entries(e.attributes))
        attributes[attr] = toValue(view, summary, a, attr);
      const helper = e.logsIn
        ? { helper: { module: summary.module, name, ...e.origin, logsIn: e.logsIn } }
        : {};
      return { kind: 'holder', attributes, instance: false, from, ...helper };
    }
    case 'module':
      return { kind: 'module', name: e.module };
    case 'unfollowed':
      return { kind: 'unfollowed' };
  }
}
