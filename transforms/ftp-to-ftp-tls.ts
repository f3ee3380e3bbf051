// Transform ftp-to-ftp-tls: every reference bound to ftplib.FTP becomes FTP_TLS, imports kept right, and
// calls keep their meaning (FTP's positional timeout / source_address become keywords). isinstance checks and
// class attribute reads follow too: FTP_TLS subclasses FTP, so reads still work and a check matches what the
// rewritten constructors now make. What changes ftplib.FTP itself (a monkeypatch) is left for a person.
import type { Node } from 'web-tree-sitter';
import { findingsFor } from '../src/finding.js';
import {
  enclosingFunctionScope,
  type BindingSite,
  type ClassReference,
  type Scope,
} from '../src/analysis/bindings.js';
import { addNameAfter, addStatementAfter, removeImportItem, renameImportedName } from '../src/imports.js';
import { plainServerReason } from '../src/analysis/plain-server.js';
import { isTestFile } from '../src/analysis/test-files.js';
import { MOCK_API } from './mock-targets.js';
import {
  annotationStrings,
  callArguments,
  callOf,
  exportedNames,
  positionalBases,
  squash,
  stringValue,
  tlsGuardBeforeLogin,
} from '../src/syntax.js';
import type { Edit, RawFinding, Transform, TransformContext } from '../src/types.js';

const RULE = 'ftp-to-ftp-tls';
const finding = findingsFor(RULE);
const FIXED = 'ftplib.FTP sends logins and files in cleartext: replaced by FTP_TLS';
/**
 * FTP's 5th and 6th positional parameters. FTP_TLS takes them as keywords only (3.12+); in 3.11 its 5th and
 * 6th positional parameters are keyfile and certfile, so left positional they would silently change meaning.
 */
const KEYWORD_ONLY = ['timeout', 'source_address'];

/** One reference to ftplib.FTP and what happens to it. */
interface Site {
  ref: ClassReference;
  /** None for a reference that stays FTP on purpose (an explicit base call past FTP_TLS): nothing to report. */
  finding?: RawFinding;
  /** Fixed: its own edits (keywords) are in finding.edits; the rename is added once the group is decided. */
  fixed: boolean;
}

/** All references that resolve to the same from-import(s) of FTP in one scope. */
interface ImportGroup {
  sites: BindingSite[];
  localName: string;
  scope: Scope;
  refs: Site[];
  /** Why `FTP` must stay imported even when every reference is fixed (a re-export, a string annotation). */
  keepReasons: RawFinding[];
}

export const ftpToFtpTls: Transform = {
  name: RULE,
  description: 'Rewrite ftplib.FTP (any import form, alias, subclass base, annotation) to FTP_TLS',
  helpUri: 'https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS',
  run(ctx) {
    const findings: RawFinding[] = [];
    const edits: Edit[] = [];
    const groups = new Map<string, ImportGroup>();
    const handledCalls = new Set<number>();

    const refs = ctx.bindings.classReferences().filter((ref) => ref.name === 'FTP');
    // a TLS check (`hasattr(conn, "prot_p")`) is looked for after each constructor only if the text has one
    const mayGuard = TLS_CHECK_TEXT.test(ctx.source);
    const sites = refs.map((ref) => classify(ctx, ref, callOf(ref.node)));
    // a file that runs its own cleartext test server keeps its clients FTP: they talk to it
    const plainServer = plainServerReason(ctx.bindings, ctx.source);
    const rewrittenBases = new Set(
      sites.filter((s) => s.fixed).flatMap((s) => classOfBase(s.ref.node)?.id ?? []),
    );
    // constructors a TLS check would break stay FTP: decided first, so that their annotations stay FTP too
    for (const site of sites) {
      const call = callOf(site.ref.node);
      const guard = site.fixed && call && mayGuard ? guardMadeTrue(call) : undefined;
      if (guard) leaveManual([site], guardReason(guard));
    }
    /** Constructor calls left as FTP (suppressed, manual): annotations of what they make stay FTP too. */
    const kept = new Map<number, Site>();
    for (const site of sites) {
      const call = callOf(site.ref.node);
      if (call && !site.fixed) kept.set(call.id, site);
    }
    for (let site of sites) {
      const ref = site.ref;
      const call = callOf(ref.node);
      if (call) handledCalls.add(call.id);
      const keptSite = site.fixed && kept.size ? describedKeptSite(ctx, ref.node, kept) : undefined;
      if (keptSite) site = keptAnnotation(site, keptSite);
      if (site.fixed && keptAsFtp(ctx, ref, rewrittenBases)) {
        const method = ref.node.parent;
        const call = method && callOf(method);
        if (call) handledCalls.add(call.id);
        site = { ref, fixed: false };
      }
      if (site.fixed && isExactTypeCheck(ref.node)) site = exactTypeCheck(site);
      if (site.fixed && plainServer) leaveManual([site], plainServer);
      if (site.finding) findings.push(site.finding);
      if (ref.via === 'name') groupFor(ctx, groups, ref).refs.push(site);
      else if (site.fixed) {
        // ftplib.FTP or a star-imported FTP: the name itself changes, no import to mend
        site.finding!.edits!.unshift(renameReference(ctx, ref));
        collapseConditional(site);
      }
    }

    for (const group of groups.values()) {
      findings.push(...group.keepReasons, ...suppressedImports(ctx, group));
      edits.push(...resolveGroup(ctx, group));
    }
    findings.push(...unusedImports(ctx, groups));
    if (!plainServer) edits.push(...inheritedCallEdits(ctx, handledCalls));
    findings.push(...importedCleartext(ctx, handledCalls));
    return { findings, edits };
  },
};

/** Suppressed, manual (arguments that cannot be mapped) or fixed. */
function classify(ctx: TransformContext, ref: ClassReference, call: Node | undefined): Site {
  const marker = ctx.suppressor.markerFor(ref.node, call ? 'call' : 'reference');
  if (marker) {
    const message = `cleartext ftplib.FTP kept: suppressed by ${marker}`;
    return { ref, fixed: false, finding: finding(ref.node, 'suppressed', message, { marker }) };
  }
  if (patchesClass(ref.node)) {
    // `ftplib.FTP = Mock()` in a test: a double, which mock-targets moves to FTP_TLS and reports
    if (replacesClass(ref.node) && isTestFile(ctx)) return { ref, fixed: false };
    // `ftplib.FTP.return_value = X` in a test configures that double: mock-targets moves it with the double
    if (configuresMock(ref.node) && isTestFile(ctx)) return { ref, fixed: false };
    const reason =
      'it changes ftplib.FTP itself (a monkeypatch); FTP_TLS inherits the change unless it defines that ' +
      'attribute itself: check that the rewritten connections still get what this change meant';
    return {
      ref,
      fixed: false,
      finding: finding(ref.node, 'manual', 'ftplib.FTP is modified here', { reason }),
    };
  }
  const callEdits = call ? keywordEdits(call, 0) : [];
  if (callEdits === undefined) {
    const reason = 'its positional arguments (*args, or more than six) cannot be mapped onto FTP_TLS safely';
    const f = finding(ref.node, 'manual', 'cleartext ftplib.FTP not rewritten', { reason });
    return { ref, fixed: false, finding: f };
  }
  return { ref, fixed: true, finding: finding(ref.node, 'fixed', FIXED, { edits: callEdits }) };
}

const TLS_CHECK_TEXT =
  /hasattr\s*\([^)]*['"](prot_p|prot_c|auth|ccc|context)['"]|isinstance\s*\([^)]*FTP_TLS/;

/**
 * `if hasattr(conn, "prot_p"): conn.prot_p()` after the constructor and before conn's login: false for FTP,
 * it would become true, and PROT P before login fails (503). The check, if any.
 */
function guardMadeTrue(call: Node): Node | undefined {
  const { positional, keywords } = callArguments(call);
  if (positional.length >= 2 || keywords.has('user')) return undefined; // logs in at once: checks come after
  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.id) {
    const target = parent.childForFieldName('left');
    const stmt = parent.parent;
    if (target && stmt?.type === 'expression_statement') return tlsGuardBeforeLogin(stmt, target.text, false);
  }
  if (parent?.type === 'as_pattern' && parent.parent?.type === 'with_item') {
    const target = parent.childForFieldName('alias')?.namedChildren[0];
    const body = parent.parent.parent?.parent?.childForFieldName('body');
    const first = body?.namedChildren.find((s): s is Node => !!s && s.type !== 'comment');
    if (target && first) return tlsGuardBeforeLogin(first, target.text, true);
  }
  return undefined;
}

function guardReason(guard: Node): string {
  const condition = guard.childForFieldName('condition')!.text;
  return (
    `the check \`${condition}\` (line ${guard.startPosition.row + 1}) is false for FTP; with FTP_TLS it would ` +
    'be true and call prot_p() before login(), which the server refuses; move that prot_p() after login(), ' +
    'then run ftptls again'
  );
}

/** The annotation of a kept connection, left as it is, reported with the status of the connection's site. */
function keptAnnotation(site: Site, keptSite: Site): Site {
  const origin = keptSite.finding!;
  const line = keptSite.ref.node.startPosition.row + 1;
  const how = origin.marker ? `, suppressed by ${origin.marker}` : ', left for review';
  const message = `ftplib.FTP annotation kept: it describes the connection kept as FTP at line ${line}${how}`;
  const extra = origin.marker ? { marker: origin.marker } : { reason: origin.reason };
  return { ref: site.ref, fixed: false, finding: finding(site.ref.node, origin.status, message, extra) };
}

/**
 * The kept constructor site whose connection the annotation holding `ref` describes: an annotated name or
 * `self.attr` (or a class body's attribute annotation) assigned from it, or the return type of a function
 * returning it, through a few assignments. FTP_TLS is an FTP, so keeping an annotation FTP is always sound.
 */
function describedKeptSite(ctx: TransformContext, ref: Node, kept: Map<number, Site>): Site | undefined {
  let type: Node | null = ref.parent;
  while (type && type.type !== 'type' && !STOPS_ANNOTATION.has(type.type)) type = type.parent;
  if (type?.type !== 'type') return undefined;
  const holder = type.parent;
  let sources: Node[] = [];
  if (holder?.type === 'assignment' && holder.childForFieldName('type')?.id === type.id) {
    const target = holder.childForFieldName('left');
    const right = holder.childForFieldName('right');
    sources = [...(right ? [right] : []), ...(target ? ctx.bindings.sourcesOf(target) : [])];
  } else if (
    holder?.type === 'function_definition' &&
    holder.childForFieldName('return_type')?.id === type.id
  ) {
    sources = returnedValues(holder);
  }
  const seen = new Set<number>();
  const find = (expr: Node, depth: number): Site | undefined => {
    if (seen.has(expr.id) || depth > 4) return undefined;
    seen.add(expr.id);
    if (expr.type === 'parenthesized_expression' && expr.namedChildren[0])
      return find(expr.namedChildren[0], depth);
    if (expr.type === 'call') return kept.get(expr.id);
    if (expr.type === 'conditional_expression')
      return expr.namedChildren.flatMap((c) => (c ? [find(c, depth)] : [])).find(Boolean);
    if (expr.type === 'identifier' || expr.type === 'attribute')
      for (const source of ctx.bindings.sourcesOf(expr)) {
        const found = find(source, depth + 1);
        if (found) return found;
      }
    return undefined;
  };
  for (const source of sources) {
    const found = find(source, 0);
    if (found) return found;
  }
  return undefined;
}

/** Where the search for an annotation around a reference gives up: it is not in one. */
const STOPS_ANNOTATION = new Set(['block', 'module', 'expression_statement', 'call', 'argument_list']);

/** The expressions a function returns (not those of functions nested in it). */
function returnedValues(fn: Node): Node[] {
  const out: Node[] = [];
  for (const ret of fn.childForFieldName('body')?.descendantsOfType('return_statement') ?? []) {
    let owner = ret?.parent;
    while (owner && owner.type !== 'function_definition' && owner.type !== 'lambda') owner = owner.parent;
    const value = ret?.namedChildren[0];
    if (owner?.id === fn.id && value) out.push(value);
  }
  return out;
}

/**
 * References that mean "the class FTP" rather than "make a cleartext connection", and stay FTP: every FTP_TLS
 * is an FTP, so they keep their meaning, where FTP_TLS could change it.
 * - `isinstance(x, FTP)`, `issubclass(c, FTP)`: true for FTP and FTP_TLS alike; with FTP_TLS, false for a
 *   plain FTP handed in from elsewhere.
 * - Reads of the class's attributes (`ftplib.FTP.makepasv`), and explicit base calls like
 *   `FTP.ntransfercmd(self, ...)`, except in a class whose base this run rewrites to FTP_TLS (there they
 *   meant "my base's method"); past an FTP_TLS base they skip its override on purpose (TLS session reuse).
 */
function keptAsFtp(ctx: TransformContext, ref: ClassReference, rewrittenBases: Set<number>): boolean {
  if (isTypeCheckArgument(ref.node)) return true;
  const attribute = ref.node.parent;
  if (attribute?.type !== 'attribute' || attribute.childForFieldName('object')?.id !== ref.node.id)
    return false;
  const explicit = explicitBaseCall(ctx, ref);
  return !explicit || !followsRewrittenBase(ctx, explicit.cls, rewrittenBases, new Set());
}

/** The class argument of isinstance() / issubclass(), alone or in a tuple of classes. */
function isTypeCheckArgument(ref: Node): boolean {
  let arg: Node = ref;
  if (arg.parent?.type === 'tuple') arg = arg.parent;
  const call = arg.parent?.type === 'argument_list' ? arg.parent.parent : undefined;
  if (call?.type !== 'call') return false;
  const fn = call.childForFieldName('function')?.text;
  return (fn === 'isinstance' || fn === 'issubclass') && callArguments(call).positional[1]?.id === arg.id;
}

/**
 * `type(conn) is FTP` (`==`, `is not`, `!=`, `in (FTP, ...)`, `conn.__class__ is FTP`): true only for a
 * plain FTP. Neither name keeps its meaning: with FTP it turns false for the rewritten connections, with FTP_TLS
 * true for connections that were FTP_TLS already.
 */
function isExactTypeCheck(ref: Node): boolean {
  let operand: Node = ref;
  if (operand.parent?.type === 'tuple' || operand.parent?.type === 'list' || operand.parent?.type === 'set')
    operand = operand.parent;
  const comparison = operand.parent;
  if (comparison?.type !== 'comparison_operator') return false;
  const operators = comparison.children.filter((c) => c && !c.isNamed).map((c) => c!.type);
  if (!operators.every((o) => ['is', 'is not', '==', '!=', 'in', 'not in', 'not'].includes(o))) return false;
  return comparison.namedChildren.some((c) => !!c && c.id !== operand.id && isTypeOf(c));
}

/** `type(x)` or `x.__class__`. */
function isTypeOf(node: Node): boolean {
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text === '__class__';
  if (node.type !== 'call' || node.childForFieldName('function')?.text !== 'type') return false;
  return callArguments(node).positional.length === 1;
}

function exactTypeCheck(site: Site): Site {
  const reason =
    'type(x) is FTP is true only for a plain FTP: kept as FTP it is false for the connections ftptls rewrites ' +
    'to FTP_TLS, made FTP_TLS it is true for connections that were FTP_TLS already; decide by hand what the ' +
    'check means (isinstance(x, ftplib.FTP) is true for both, isinstance(x, ftplib.FTP_TLS) only for TLS)';
  return {
    ref: site.ref,
    fixed: false,
    finding: finding(site.ref.node, 'manual', 'exact type check of ftplib.FTP not rewritten', { reason }),
  };
}

/** The class whose positional base this reference is (`class Mirror(FTP)`), if it is one. */
function classOfBase(ref: Node): Node | undefined {
  const list = ref.parent;
  const cls = list?.type === 'argument_list' ? list.parent : undefined;
  return cls?.type === 'class_definition' && positionalBases(cls).some((b) => b.id === ref.id)
    ? cls
    : undefined;
}

/**
 * `FTP.method(self, ...)` (or `ftplib.FTP.method(self, ...)`) in a method of a class: an explicit call of
 * FTP's own implementation on the instance.
 */
function explicitBaseCall(ctx: TransformContext, ref: ClassReference): { call: Node; cls: Node } | undefined {
  const method = ref.node.parent;
  if (method?.type !== 'attribute' || method.childForFieldName('object')?.id !== ref.node.id)
    return undefined;
  const call = callOf(method);
  const scope = call && enclosingFunctionScope(ctx.bindings.scopeAt(call));
  if (!call || !scope?.classScope || !scope.selfName) return undefined;
  const first = callArguments(call).positional[0];
  if (first?.type !== 'identifier' || first.text !== scope.selfName) return undefined;
  return { call, cls: scope.classScope.node };
}

/**
 * Does the class reach FTP only through bases this run rewrites to FTP_TLS? Then an explicit FTP.method call
 * in it meant "my base's method" and follows the rename; a class that already had FTP_TLS above it did not.
 */
function followsRewrittenBase(
  ctx: TransformContext,
  cls: Node,
  rewritten: Set<number>,
  seen: Set<number>,
): boolean {
  if (rewritten.has(cls.id)) return true;
  if (seen.has(cls.id)) return false;
  seen.add(cls.id);
  return positionalBases(cls).some((base) => {
    const value = ctx.bindings.valueOf(base);
    return (
      value.kind === 'class' && !!value.subclass && followsRewrittenBase(ctx, value.subclass, rewritten, seen)
    );
  });
}

/** `ftplib.FTP = X` (the class itself replaced, not one of its attributes), X not ftplib's FTP_TLS. */
function replacesClass(ref: Node): boolean {
  const parent = ref.parent;
  if (parent?.type !== 'assignment' || parent.childForFieldName('left')?.id !== ref.id) return false;
  return !/(^|\.)FTP_TLS$/.test(parent.childForFieldName('right')?.text ?? '');
}

/** `ftplib.FTP.return_value = X`, `ftplib.FTP.side_effect = ...`: sets a mock's own attribute. */
function configuresMock(ref: Node): boolean {
  const attribute = ref.parent;
  if (attribute?.type !== 'attribute' || attribute.childForFieldName('object')?.id !== ref.id) return false;
  return MOCK_API.test(attribute.childForFieldName('attribute')?.text ?? '');
}

/** `ftplib.FTP = X`, `FTP.port = 2121`, `del FTP.x`: the class itself is assigned to or changed. */
function patchesClass(ref: Node): boolean {
  let target = ref;
  if (ref.parent?.type === 'attribute' && ref.parent.childForFieldName('object')?.id === ref.id)
    target = ref.parent;
  const parent = target.parent;
  if (!parent) return false;
  if (parent.type === 'assignment' || parent.type === 'augmented_assignment')
    return parent.childForFieldName('left')?.id === target.id;
  if (parent.type === 'pattern_list' || parent.type === 'tuple_pattern') return true;
  return parent.type === 'delete_statement';
}

function groupFor(ctx: TransformContext, groups: Map<string, ImportGroup>, ref: ClassReference): ImportGroup {
  const key = ref.bindings.map((s) => s.node.id).join(',');
  let group = groups.get(key);
  if (!group) {
    const first = ref.bindings[0];
    group = {
      sites: ref.bindings,
      localName: first.node.text,
      scope: first.scope,
      refs: [],
      keepReasons: [],
    };
    group.keepReasons.push(...keepReasons(ctx, group));
    groups.set(key, group);
  }
  return group;
}

/**
 * Decides a group's imports, then gives each fixed reference its rename. An import whose every use is fixed is
 * rewritten in place (an alias keeps its name: `FTP_TLS as SecureFTP`); otherwise FTP stays for the kept uses
 * and FTP_TLS is imported beside it. A group that cannot be made consistent is left whole, each use manual.
 */
function resolveGroup(ctx: TransformContext, group: ImportGroup): Edit[] {
  let fixed = group.refs.filter((r) => r.fixed);
  if (fixed.length === 0) return [];
  const importMarkers = group.sites.map((s) => ctx.suppressor.markerFor(s.statement!, 'import'));
  const aliased = group.localName !== 'FTP';
  const mustKeep = () =>
    fixed.length < group.refs.length || importMarkers.some(Boolean) || group.keepReasons.length > 0;

  // A use renamed to FTP_TLS must find the FTP_TLS this import gives: not another binding in between
  // (`from ftplib import FTP_TLS` in one branch of a function makes the name local to all of it)
  if (!aliased || mustKeep()) {
    for (const site of fixed) {
      const other = otherTlsBinding(ctx, site.ref.scope, group.scope);
      if (other) leaveManual([site], renamedWouldMiss(other));
    }
    fixed = fixed.filter((r) => r.fixed);
    if (fixed.length === 0) return [];
  }
  const keepFtp = mustKeep();
  const renameUses = !aliased || keepFtp;
  // ...and the import may bind FTP_TLS only where that name is not another library's already
  const taken = renameUses && takenTlsName(ctx, group.scope);
  if (taken) {
    leaveManual(
      fixed,
      `FTP_TLS already names something else here (line ${taken.node.startPosition.row + 1}); import ` +
        "ftplib's FTP_TLS under another name and use it here by hand",
    );
    return [];
  }

  // `global FTP` then `from ftplib import FTP` in a function: an import renamed there would bind FTP_TLS
  // locally, and the module's FTP would stay unset
  if (group.sites.some((s) => ctx.bindings.scopeAt(s.statement!) !== group.scope)) {
    leaveManual(
      fixed,
      `the import binds ${group.localName}, declared global or nonlocal where it is imported; renamed, it ` +
        'would bind FTP_TLS in the function instead; rewrite the declaration and the import together by hand',
    );
    return [];
  }
  const fallbacks = fallbackEdits(ctx, group, keepFtp, renameUses);
  if (!fallbacks) {
    leaveManual(
      fixed,
      `the except ImportError fallback that also defines ${group.localName} cannot be renamed safely; ` +
        'rewrite the import and its fallback together by hand',
    );
    return [];
  }

  if (renameUses)
    for (const site of fixed) {
      site.finding!.edits!.unshift(renameReference(ctx, site.ref));
      collapseConditional(site);
    }
  const edits: Edit[] = [...fallbacks];
  if (!renameUses) {
    for (const site of group.sites) edits.push(renameImportedName(site.importName!, 'FTP_TLS'));
    return edits;
  }
  const tls = ctx.bindings.valueOfName('FTP_TLS', group.scope);
  const haveTls = tls.kind === 'class' && tls.tls && !tls.subclass;
  for (const [i, site] of group.sites.entries()) {
    const stmt = site.statement!;
    if (!keepFtp) {
      // no duplicate: when FTP_TLS is already imported, FTP just goes
      edits.push(
        haveTls
          ? removeImportItem(ctx.source, stmt, site.importName!)
          : renameImportedName(site.importName!, 'FTP_TLS'),
      );
    } else if (!haveTls) {
      // a suppressed import line stays byte-identical: FTP_TLS gets its own line below it
      edits.push(
        importMarkers[i]
          ? addStatementAfter(ctx.source, stmt, 'from ftplib import FTP_TLS', ctx.eol)
          : addNameAfter(site.importName!, 'FTP_TLS'),
      );
    }
  }
  return edits;
}

/** A binding of FTP_TLS that a use in `from` finds before the import's scope `target`, if any. */
function otherTlsBinding(ctx: TransformContext, from: Scope, target: Scope): BindingSite | undefined {
  const found = ctx.bindings.lookup('FTP_TLS', from);
  if (!found || found.scope === target) return undefined;
  // only a binding between the use and the import's scope is met first; one outside it is shadowed by the
  // renamed import (`from ftplib import FTP_TLS` in a function, FTP_TLS also imported at module level)
  for (let s = found.scope.parent; s; s = s.parent) if (s === target) return found.sites[0];
  return undefined;
}

function renamedWouldMiss(site: BindingSite | undefined): string {
  const line = site ? ` (line ${site.node.startPosition.row + 1})` : '';
  return (
    `FTP_TLS is bound in this scope${line} but not on every path to this use: renamed, it could raise ` +
    'UnboundLocalError (or find another FTP_TLS); use one FTP_TLS import for the whole function by hand'
  );
}

/** A binding of FTP_TLS in `scope` that is not ftplib's FTP_TLS (another library's class, a placeholder). */
function takenTlsName(ctx: TransformContext, scope: Scope): BindingSite | undefined {
  return (scope.bindings.get('FTP_TLS') ?? []).find((site) => {
    if (site.fallback) return false;
    const value = ctx.bindings.valueOfSite(site);
    return !(value.kind === 'class' && value.tls && !value.subclass);
  });
}

/** A group that cannot be made consistent: each use it would have fixed is left for a person, with why. */
function leaveManual(fixed: Site[], reason: string): void {
  for (const site of fixed) {
    const finding = site.finding!;
    site.fixed = false;
    finding.status = 'manual';
    finding.message = 'cleartext ftplib.FTP not rewritten';
    finding.reason = reason;
    delete finding.edits;
  }
}

/**
 * `try: from ftplib import FTP / except ImportError: FTP = None`: once the uses say FTP_TLS, the fallback must
 * define FTP_TLS too, or the fallback path raises NameError. Simple assignments are renamed (or chained, when
 * FTP stays); anything else (a fallback def, class or import) is undefined: the caller leaves the group alone.
 */
function fallbackEdits(
  ctx: TransformContext,
  group: ImportGroup,
  keepFtp: boolean,
  renameUses: boolean,
): Edit[] | undefined {
  if (!renameUses) return [];
  const fallbacks = (group.scope.bindings.get(group.localName) ?? []).filter((s) => s.fallback);
  if (fallbacks.length === 0) return [];
  const ownTls = (group.scope.bindings.get('FTP_TLS') ?? []).some((s) => s.fallback);
  if (ownTls) return [];
  const edits: Edit[] = [];
  for (const site of fallbacks) {
    const assignment = site.node.parent;
    const value = assignment?.childForFieldName('right');
    if (site.kind !== 'assign' || assignment?.type !== 'assignment' || !value) return undefined;
    if (assignment.childForFieldName('left')?.id !== site.node.id) return undefined;
    edits.push(
      keepFtp ? { start: value.startIndex, end: value.startIndex, text: 'FTP_TLS = ' } : rename(site.node),
    );
  }
  return edits;
}

/**
 * Uses of the imported name that are not references we can rewrite, so FTP must stay imported: the module
 * re-exports it (`__all__`, or the `FTP as FTP` idiom), or a string annotation names it. Each is reported.
 */
function keepReasons(ctx: TransformContext, group: ImportGroup): RawFinding[] {
  const out: RawFinding[] = [];
  const name = group.localName;
  for (const site of group.sites) {
    const item = site.importName!;
    if (
      item.type === 'aliased_import' &&
      item.childForFieldName('alias')?.text === item.childForFieldName('name')?.text
    )
      out.push(
        finding(item, 'manual', `ftplib.FTP is re-exported (\`FTP as FTP\`): kept beside FTP_TLS`, {
          reason: 'modules that import FTP from here still get cleartext FTP; change them, then this import',
        }),
      );
  }
  if (group.scope.kind === 'module' && ctx.project?.wanted?.includes(name))
    out.push(
      finding(
        group.sites[0].importName!,
        'manual',
        'ftplib.FTP is re-exported: FTP_TLS exported beside it for the project',
        {
          reason:
            "the project's modules that import FTP from here now import FTP_TLS; FTP stays for code outside " +
            'the project, which still gets cleartext FTP: remove it once nothing imports it',
        },
      ),
    );
  if (group.scope.kind === 'module') {
    for (const str of exportedNames(ctx.tree.rootNode)) {
      if (stringValue(str) !== name) continue;
      out.push(
        finding(str, 'manual', `${name} is re-exported through __all__: ftplib.FTP kept beside FTP_TLS`, {
          reason: `modules that import ${name} from here still get cleartext FTP; change them, then this export`,
        }),
      );
    }
  }
  // type comments (`# type: (str) -> FTP`) are read by type checkers: the name they mention stays importable
  if (group.scope.kind === 'module')
    for (const m of ctx.source.matchAll(/#\s*type:[^\r\n]*/g)) {
      if (!new RegExp(`(^|[^\\w.])${name}\\b`).test(m[0].slice(m[0].indexOf(':') + 1))) continue;
      out.push(
        finding(
          { startIndex: m.index, endIndex: m.index + m[0].length },
          'manual',
          `a type comment mentions ${name}: ftplib.FTP kept imported for it`,
          {
            reason: 'type comments are not rewritten; change it to FTP_TLS by hand, then drop the FTP import',
          },
        ),
      );
    }
  // string annotations are not parsed here: keep the name they mention importable
  const wordRe = new RegExp(`(^|[^\\w.])${name}\\b`);
  for (const str of annotationStrings(ctx.bindings.annotations())) {
    if (!wordRe.test(stringValue(str) ?? '')) continue;
    if (ctx.bindings.lookup(name, ctx.bindings.scopeAt(str))?.scope !== group.scope) continue;
    out.push(
      finding(str, 'manual', `the string annotation mentions ${name}: ftplib.FTP kept imported for it`, {
        reason:
          'string annotations are not rewritten; change it to FTP_TLS by hand, then drop the FTP import',
      }),
    );
  }
  return out;
}

/** A suppressed import of a group is a site of its own: reported, with the marker, whatever its uses became. */
function suppressedImports(ctx: TransformContext, group: ImportGroup): RawFinding[] {
  const out: RawFinding[] = [];
  for (const site of group.sites) {
    const marker = ctx.suppressor.markerFor(site.statement!, 'import');
    if (marker)
      out.push(
        finding(site.importName!, 'suppressed', `import of ftplib.FTP kept: suppressed by ${marker}`, {
          marker,
        }),
      );
  }
  return out;
}

/**
 * `from ftplib import FTP` that other modules of the project import from here (`from ._compat import FTP`):
 * FTP_TLS is imported beside it, and those modules switch to it (they see this in this module's summary).
 * FTP stays for importers outside the project, and that is what the finding reports.
 */
function projectReexport(ctx: TransformContext, site: BindingSite): RawFinding {
  const tls = ctx.bindings.valueOfName('FTP_TLS', site.scope);
  const haveTls = tls.kind === 'class' && tls.tls && !tls.subclass;
  const edits = haveTls ? [] : [addNameAfter(site.importName!, 'FTP_TLS')];
  return finding(
    site.importName!,
    'manual',
    'ftplib.FTP is re-exported: FTP_TLS exported beside it for the project',
    {
      reason:
        "the project's modules that import FTP from here now import FTP_TLS; FTP stays for code outside the " +
        'project, which still gets cleartext FTP: remove it once nothing imports it',
      edits,
    },
  );
}

/** `from ftplib import FTP` with no use we could rewrite: left for a person, with the reason. */
function unusedImports(ctx: TransformContext, groups: Map<string, ImportGroup>): RawFinding[] {
  const used = new Set<number>();
  for (const g of groups.values()) for (const s of g.sites) used.add(s.node.id);
  const out: RawFinding[] = [];
  for (const site of ctx.bindings.ftplibImports) {
    if (site.kind !== 'from-import' || site.importedName !== 'FTP' || used.has(site.node.id)) continue;
    const marker = ctx.suppressor.markerFor(site.statement!, 'import');
    if (marker) {
      const message = `import of ftplib.FTP kept: suppressed by ${marker}`;
      out.push(finding(site.importName!, 'suppressed', message, { marker }));
      continue;
    }
    const others = (site.scope.bindings.get(site.node.text) ?? []).filter((s) => s !== site && !s.fallback);
    if (
      !site.fallback &&
      !others.length &&
      site.scope.kind === 'module' &&
      ctx.project?.wanted?.includes(site.node.text)
    ) {
      out.push(projectReexport(ctx, site));
      continue;
    }
    const reason = site.fallback
      ? 'it is the cleartext fallback when the import above fails; decide whether falling back is acceptable'
      : others.length > 0
        ? `${site.node.text} is bound again in this scope (line ${others[0].node.startPosition.row + 1}), ` +
          'so its uses are not known to be ftplib.FTP'
        : 'it may be re-exported for other modules; change them and this import by hand';
    out.push(
      finding(site.importName!, 'manual', 'ftplib.FTP is imported but not used as ftplib.FTP here', {
        reason,
      }),
    );
  }
  return out;
}

/**
 * `FTP(host)` where FTP is ftplib's, imported from another module of the project that cannot give FTP_TLS
 * instead (it does not export it beside FTP): the connection stays cleartext, and the finding says where
 * the class comes from.
 */
function importedCleartext(ctx: TransformContext, handled: Set<number>): RawFinding[] {
  if (!ctx.project) return [];
  const out: RawFinding[] = [];
  for (const node of ctx.bindings.calls()) {
    if (handled.has(node.id)) continue;
    const { fn } = ctx.bindings.callee(node);
    const callee = ctx.bindings.valueOf(fn);
    if (callee.kind !== 'class' || callee.tls || !callee.from || !fn) continue;
    const marker = ctx.suppressor.markerFor(node, 'call');
    if (marker) {
      out.push(finding(fn, 'suppressed', `cleartext ftplib.FTP kept: suppressed by ${marker}`, { marker }));
      continue;
    }
    out.push(
      finding(fn, 'manual', `cleartext ftplib.FTP not rewritten: ${fn.text} comes from ${callee.from}`, {
        reason:
          'it is ftplib.FTP (or a cleartext subclass) defined or re-exported by another module of the project, ' +
          'which was not rewritten to FTP_TLS; fix that module first, then run ftptls again',
      }),
    );
  }
  return out;
}

/**
 * Calls that reach FTP.__init__ without naming FTP keep their meaning too: through a subclass defined here
 * (without its own __init__), through a factory bound to the class, and a subclass's own
 * `super().__init__(...)` / `FTP.__init__(self, ...)`.
 */
function inheritedCallEdits(ctx: TransformContext, handled: Set<number>): Edit[] {
  const edits: Edit[] = [];
  // Only a call of more than four arguments gets keyword edits: another's callee is worth evaluating only to
  // ask the suppressor about it, which records a marker as used, so only when the file has markers
  const everyCall = inheritedCallCheck.everyCall || ctx.suppressor.hasMarkers;
  for (const node of ctx.bindings.calls()) {
    if (!everyCall && argumentCount(node) <= 4) continue;
    if (!handled.has(node.id)) {
      const callee = ctx.bindings.valueOf(ctx.bindings.callee(node).fn);
      const parent = callee.kind === 'class' ? undefined : ctx.bindings.parentInit(node);
      // ask the suppressor only about calls that reach FTP.__init__: asking marks a marker as used
      const suppressed = () => !!ctx.suppressor.markerFor(node, 'call');
      if (callee.kind === 'class' && !callee.tls && !callee.ownInit && !suppressed())
        edits.push(...(keywordEdits(node, 0) ?? []));
      if (parent && !parent.base.tls && !parent.base.ownInit && !suppressed())
        edits.push(...(keywordEdits(node, parent.offset) ?? []));
    }
  }
  return edits;
}

/**
 * The switch that proves inheritedCallEdits' shortcut changes nothing (test/inherited-calls.test.ts): with
 * `everyCall`, the callee of every call is evaluated, as before the shortcut.
 */
export const inheritedCallCheck = { everyCall: false };

/** How many arguments a call has at most (comments and a generator's clauses counted too). */
function argumentCount(call: Node): number {
  return call.childForFieldName('arguments')?.namedChildCount ?? 0;
}

/**
 * Edits that name FTP's 5th and 6th positional arguments (after `offset` leading ones, e.g. `self`);
 * undefined when that cannot be done safely.
 */
function keywordEdits(call: Node, offset: number): Edit[] | undefined {
  const { positional, listSplat } = callArguments(call);
  if (listSplat) return undefined;
  const own = positional.slice(offset);
  if (own.length > 6) return undefined;
  return own
    .slice(4)
    .map((arg, i) => ({ start: arg.startIndex, end: arg.startIndex, text: `${KEYWORD_ONLY[i]}=` }));
}

/**
 * The edit that makes a reference FTP_TLS: its name (`ftplib.FTP` -> `ftplib.FTP_TLS`), or, in a union that
 * names FTP_TLS already (`FTP | FTP_TLS`), the operand and its `|` removed instead of a repeated member.
 */
/**
 * `FTP_TLS(host) if secure else FTP(host)`, `FTP_TLS if secure else FTP`: once renamed, both branches are
 * the same, so the choice goes and the other branch stands alone, when the condition calls nothing
 * (dropping it changes no behaviour).
 */
function collapseConditional(site: Site): void {
  const call = callOf(site.ref.node) ?? site.ref.node;
  // tree-sitter reads `with A if c else B as x` as `A if c else (B as x)`
  const inWith = call?.parent?.type === 'as_pattern' ? call.parent : undefined;
  const choice = (inWith ?? call)?.parent;
  const edits = site.finding!.edits!;
  if (!call || choice?.type !== 'conditional_expression' || edits.length !== 1) return;
  const [yes, condition, last] = choice.namedChildren;
  const no = last?.type === 'as_pattern' ? last.namedChildren[0] : last;
  const other = yes?.id === call.id ? no : no?.id === call.id ? yes : undefined;
  if (!other || !condition || condition.descendantsOfType(['call', 'named_expression', 'await']).length)
    return;
  const rename = edits[0];
  const renamed =
    call.text.slice(0, rename.start - call.startIndex) +
    rename.text +
    call.text.slice(rename.end - call.startIndex);
  if (squash(renamed) !== squash(other.text)) return;
  // `(FTP_TLS if secure else FTP)(host)`: the parentheses go with the choice (what stays is a primary)
  const outer = !inWith && choice.parent?.type === 'parenthesized_expression' ? choice.parent : choice;
  if (outer.descendantsOfType('comment').length) return; // a comment inside would be lost
  const end = last?.type === 'as_pattern' ? no!.endIndex : outer.endIndex;
  edits[0] = { start: outer.startIndex, end, text: other.text };
}

function renameReference(ctx: TransformContext, ref: ClassReference): Edit {
  const union = ref.node.parent;
  if (union?.type === 'binary_operator' && union.childForFieldName('operator')?.type === '|') {
    const left = union.childForFieldName('left');
    const right = union.childForFieldName('right');
    const other = left?.id === ref.node.id ? right : left;
    const value = other ? ctx.bindings.valueOf(other) : undefined;
    if (other && value?.kind === 'class' && value.tls && !value.subclass && other.type !== 'binary_operator')
      return other === right
        ? { start: ref.node.startIndex, end: other.startIndex, text: '' }
        : { start: other.endIndex, end: ref.node.endIndex, text: '' };
  }
  return rename(ref.via === 'attribute' ? ref.node.childForFieldName('attribute')! : ref.node);
}

function rename(node: Node): Edit {
  return { start: node.startIndex, end: node.endIndex, text: 'FTP_TLS' };
}
