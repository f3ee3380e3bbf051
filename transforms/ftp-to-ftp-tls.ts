// Transform ftp-to-ftp-tls: every reference bound to ftplib.FTP becomes FTP_TLS, imports kept right, and
// calls keep their meaning (FTP's positional timeout / source_address become keywords).
import type { Node } from 'web-tree-sitter';
import type { BindingSite, ClassReference, Scope } from '../src/bindings.js';
import { addNameAfter, addStatementAfter, removeImportItem, renameImportedName } from '../src/imports.js';
import { callOf, positionalArgs } from '../src/syntax.js';
import type { Edit, RawFinding, Transform, TransformContext } from '../src/types.js';

const RULE = 'ftp-to-ftp-tls';
const FIXED = 'ftplib.FTP sends logins and files in cleartext: replaced by FTP_TLS';
/** FTP's positional parameters after acct, which FTP_TLS takes as keywords only (3.12+) or elsewhere (3.11). */
const KEYWORD_ONLY = ['timeout', 'source_address'];

/** All references that resolve to one from-import of FTP in one scope. */
interface ImportGroup {
  sites: BindingSite[];
  localName: string;
  scope: Scope;
  fixed: ClassReference[];
  kept: ClassReference[];
}

export const ftpToFtpTls: Transform = {
  name: RULE,
  description: 'Rewrite ftplib.FTP (any import form, alias, subclass base, annotation) to FTP_TLS',
  run(ctx) {
    const findings: RawFinding[] = [];
    const edits: Edit[] = [];
    const groups = new Map<string, ImportGroup>();
    const handledCalls = new Set<number>();

    for (const ref of ctx.bindings.classReferences()) {
      if (ref.name !== 'FTP') continue;
      const group = ref.via === 'name' ? groupFor(groups, ref) : undefined;
      const call = callOf(ref.node);
      if (call) handledCalls.add(call.id);
      const marker = ctx.suppressor.markerFor(ref.node, call ? 'call' : 'reference');
      if (marker) {
        findings.push(
          finding(ref.node, 'suppressed', `cleartext ftplib.FTP kept: suppressed by ${marker}`, { marker }),
        );
        group?.kept.push(ref);
        continue;
      }
      const callEdits = call ? keywordEdits(call) : [];
      if (callEdits === undefined) {
        findings.push(
          finding(ref.node, 'manual', 'cleartext ftplib.FTP not rewritten', {
            reason: 'its positional arguments (*args, or more than six) cannot be mapped onto FTP_TLS safely',
          }),
        );
        group?.kept.push(ref);
        continue;
      }
      if (group) {
        group.fixed.push(ref);
        // the reference's own edit depends on the whole group (an alias may be renamed at the import instead)
        findings.push(finding(ref.node, 'fixed', FIXED, { edits: callEdits }));
        continue;
      }
      const target = ref.via === 'attribute' ? ref.node.childForFieldName('attribute')! : ref.node;
      findings.push(
        finding(ref.node, 'fixed', FIXED, {
          edits: [{ start: target.startIndex, end: target.endIndex, text: 'FTP_TLS' }, ...callEdits],
        }),
      );
    }

    for (const group of groups.values()) edits.push(...importEdits(ctx, group, findings));
    findings.push(...unusedImports(ctx, groups));
    edits.push(...subclassCallEdits(ctx, handledCalls));
    return { findings, edits };
  },
};

function groupFor(groups: Map<string, ImportGroup>, ref: ClassReference): ImportGroup {
  const key = ref.bindings.map((s) => s.node.id).join(',');
  let group = groups.get(key);
  if (!group) {
    const first = ref.bindings[0];
    group = { sites: ref.bindings, localName: first.node.text, scope: first.scope, fixed: [], kept: [] };
    groups.set(key, group);
  }
  return group;
}

/**
 * Import bookkeeping for one group. An aliased import whose every use is fixed just imports FTP_TLS under the
 * alias; otherwise the uses are renamed to FTP_TLS, which is imported, and FTP stays only for kept uses.
 */
function importEdits(ctx: TransformContext, group: ImportGroup, findings: RawFinding[]): Edit[] {
  if (group.fixed.length === 0) return [];
  const importMarkers = group.sites.map((s) => ctx.suppressor.markerFor(s.statement!, 'import'));
  const importSuppressed = importMarkers.some(Boolean);
  const keepFtp = group.kept.length > 0 || importSuppressed;
  const aliased = group.localName !== 'FTP';
  const edits: Edit[] = [];

  if (aliased && !keepFtp) {
    for (const site of group.sites) edits.push(renameImportedName(site.importName!, 'FTP_TLS'));
    return edits;
  }
  // rename each fixed use to FTP_TLS: attach the edit to the use's own finding
  for (const ref of group.fixed) {
    const f = findings.find(
      (x) => x.start === ref.node.startIndex && x.end === ref.node.endIndex && x.rule === RULE,
    );
    f?.edits?.unshift({ start: ref.node.startIndex, end: ref.node.endIndex, text: 'FTP_TLS' });
  }
  const tlsAvailable = ctx.bindings.valueOfName('FTP_TLS', group.scope);
  const haveTls = tlsAvailable.kind === 'class' && tlsAvailable.tls && !tlsAvailable.subclass;
  for (const [i, site] of group.sites.entries()) {
    const stmt = site.statement!;
    if (!keepFtp) {
      edits.push(
        haveTls
          ? removeImportItem(ctx.source, stmt, site.importName!)
          : renameImportedName(site.importName!, 'FTP_TLS'),
      );
    } else if (!haveTls) {
      edits.push(
        importMarkers[i]
          ? addStatementAfter(ctx.source, stmt, 'from ftplib import FTP_TLS', ctx.eol)
          : addNameAfter(lastItem(stmt), 'FTP_TLS'),
      );
    }
  }
  return edits;
}

function lastItem(stmt: Node): Node {
  const items = stmt.childrenForFieldName('name').filter((n): n is Node => !!n);
  return items[items.length - 1];
}

/** `from ftplib import FTP` with no use in the file: maybe a re-export, so it is left for a person. */
function unusedImports(ctx: TransformContext, groups: Map<string, ImportGroup>): RawFinding[] {
  const used = new Set<number>();
  for (const g of groups.values()) for (const s of g.sites) used.add(s.node.id);
  const out: RawFinding[] = [];
  for (const site of ctx.bindings.ftplibImports) {
    if (site.kind !== 'from-import' || site.importedName !== 'FTP' || used.has(site.node.id)) continue;
    const marker = ctx.suppressor.markerFor(site.statement!, 'import');
    if (marker)
      out.push(
        finding(site.importName!, 'suppressed', `import of ftplib.FTP kept: suppressed by ${marker}`, {
          marker,
        }),
      );
    else
      out.push(
        finding(site.importName!, 'manual', 'ftplib.FTP is imported but not used in this file', {
          reason: 'it may be re-exported for other modules; change them and this import by hand',
        }),
      );
  }
  return out;
}

/**
 * Calls through a subclass of FTP defined here (without its own __init__) or through a factory keep their
 * meaning too: their positional timeout / source_address become keywords.
 */
function subclassCallEdits(ctx: TransformContext, handled: Set<number>): Edit[] {
  const edits: Edit[] = [];
  const walk = (node: Node): void => {
    if (node.type === 'call' && !handled.has(node.id)) {
      const callee = ctx.bindings.valueOf(node.childForFieldName('function'));
      if (
        callee.kind === 'class' &&
        !callee.tls &&
        !callee.ownInit &&
        !ctx.suppressor.markerFor(node, 'call')
      )
        edits.push(...(keywordEdits(node) ?? []));
    }
    for (const child of node.namedChildren) if (child) walk(child);
  };
  walk(ctx.tree.rootNode);
  return edits;
}

/** Edits that name FTP's 5th and 6th positional arguments; undefined when that cannot be done safely. */
function keywordEdits(call: Node): Edit[] | undefined {
  const { args, splat } = positionalArgs(call);
  if (splat) return undefined;
  if (args.length > 6) return undefined;
  return args
    .slice(4)
    .map((arg, i) => ({ start: arg.startIndex, end: arg.startIndex, text: `${KEYWORD_ONLY[i]}=` }));
}

function finding(
  node: Node,
  status: RawFinding['status'],
  message: string,
  extra: Partial<RawFinding> = {},
): RawFinding {
  return { rule: RULE, start: node.startIndex, end: node.endIndex, status, message, ...extra };
}
