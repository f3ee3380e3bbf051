// What an import from another project module gives a file's analysis: the module's summary (plain data,
// src/project/types.ts) turned back into the analysis's values. A module or name the pass did not summarise
// is simply not followed (nothing is known of it).
import type { Value } from '../analysis/bindings.js';
import { absoluteModule } from './modules.js';
import type { Exported, ModuleSummary, ProjectView } from './types.js';

const OTHER: Value = { kind: 'other' };

/** `import pkg.mod` / `import pkg.mod as m`: the module, when the project has it (or a package above it). */
export function projectModule(view: ProjectView, dotted: string): Value {
  const known = Object.keys(view.summaries).some((m) => m === dotted || m.startsWith(`${dotted}.`));
  return known ? { kind: 'module', name: dotted } : OTHER;
}

/** `from <module> import <name>`, the module as written (`..conn` for a relative import). */
export function importedFromProject(view: ProjectView, written: string, name: string): Value {
  const level = /^\.*/.exec(written)![0].length;
  const importer = { module: view.module ?? '', isPackage: view.isPackage };
  if (level > 0 && !view.module) return OTHER;
  const module = absoluteModule(importer, level, written.slice(level));
  return module ? memberOf(view, module, name) : OTHER;
}

/** `module.name`: an export of a summarised module, or a submodule. */
export function memberOf(view: ProjectView, module: string, name: string): Value {
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
    case 'conn':
      return { kind: 'conn', tls: e.tls, origin: 'constructor', protects: e.protects, from };
    case 'function':
      return {
        kind: 'external',
        returns: e.returns ? toValue(view, summary, e.returns) : OTHER,
        from,
        ...(e.logsIn ? { helper: { module: summary.module, name, logsIn: e.logsIn } } : {}),
      };
    case 'holder': {
      const attributes: Record<string, Value> = {};
      for (const [attr, a] of Object.entries(e.attributes))
        attributes[attr] = toValue(view, summary, a, attr);
      return { kind: 'holder', attributes, instance: false, from };
    }
    case 'module':
      return { kind: 'module', name: e.module };
  }
}
