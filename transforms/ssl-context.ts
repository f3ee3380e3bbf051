// Transform ssl-context (opt-in, --ssl-context): every FTP_TLS constructor gets
// context=ssl.create_default_context(), so the server's certificate and hostname are verified. Without a context
// FTP_TLS uses Python's unverified default: encrypted, but a man in the middle can still read everything.
// Constructors that already pass a context keep it (one that turns verification off is reported), keyfile= /
// certfile= (removed in Python 3.12) are reported, and `import ssl` is added once where a person would put it.
import type { Node } from 'web-tree-sitter';
import { findingsFor } from '../src/finding.js';
import { callArguments, lineEnd, lineStart, squash, type CallArguments } from '../src/syntax.js';
import { enclosingFunctionScope, type BindingSite, type Scope } from '../src/analysis/bindings.js';
import type { Edit, RawFinding, Transform, TransformContext } from '../src/types.js';

const RULE = 'ssl-context';
const finding = findingsFor(RULE);
const FIXED =
  "FTP_TLS now verifies the server's certificate and hostname: context=ssl.create_default_context() added " +
  '(without a context it checked neither)';
const SUPPRESSED = 'FTP_TLS without certificate verification kept: suppressed by';
/** FTP_TLS's positional parameters: host, user, passwd, acct; Python 3.11 and older go on with these. */
const POSITIONAL_LIMIT = 4;
const IMPORTS = new Set(['import_statement', 'import_from_statement']);

/** A call that runs FTP_TLS.__init__: a constructor, or `super().__init__` / `FTP_TLS.__init__(self, ...)`. */
interface Site {
  call: Node;
  /** Positional arguments before FTP_TLS's own `host` (1 for the `self` of `FTP_TLS.__init__(self, ...)`). */
  offset: number;
  /**
   * The callee is one of several callables, FTP_TLS among them (`for make in (open_link, FTP_TLS)`): a
   * context= would reach the others too, so the call is reported, not rewritten.
   */
  oneOf?: true;
}

export const sslContext: Transform = {
  name: RULE,
  description:
    'Give every FTP_TLS a verifying context=ssl.create_default_context() (certificate and hostname checked)',
  helpUri: 'https://docs.python.org/3/library/ssl.html#ssl.create_default_context',
  optIn: true,
  run(ctx) {
    const findings: RawFinding[] = [];
    const names = new SslNames(ctx);
    const needImport: Node[] = [];
    for (const site of constructorSites(ctx)) {
      const f = visitSite(ctx, site, names, needImport);
      if (f) findings.push(f);
    }
    const edits = needImport.length > 0 ? [importSslEdit(ctx, needImport)] : [];
    return { findings, edits };
  },
};

// ---- which calls --------------------------------------------------------------------------------------

/** Every call that ends in FTP_TLS.__init__ with arguments written here, in source order. */
function constructorSites(ctx: TransformContext): Site[] {
  const sites: Site[] = [];
  for (const node of ctx.bindings.calls()) {
    const { fn, attribute } = ctx.bindings.callee(node);
    const callee = ctx.bindings.valueOf(fn);
    if (callee.kind === 'class' && callee.tls && !callee.ownInit) {
      sites.push({ call: node, offset: 0 });
      continue;
    }
    if (callee.kind === 'callables' && callee.of.some((c) => c.kind === 'class' && c.tls && !c.ownInit)) {
      sites.push({ call: node, offset: 0, oneOf: true });
      continue;
    }
    // super().__init__(...) in a method of a class whose first base is FTP_TLS (or a subclass of it that keeps
    // FTP_TLS's __init__): the subclass's constructor calls are not FTP_TLS's, but this call is
    const parent = ctx.bindings.parentInit(node);
    if (parent) {
      if (parent.base.tls && !parent.base.ownInit) sites.push({ call: node, offset: parent.offset });
    } else if (attribute === '__init__') {
      // FTP_TLS.__init__(obj, ...) outside a method
      const owner = ctx.bindings.valueOf(fn!.childForFieldName('object'));
      if (owner.kind === 'class' && owner.tls && !owner.ownInit) sites.push({ call: node, offset: 1 });
    }
  }
  return sites;
}

// ---- one call -----------------------------------------------------------------------------------------

function visitSite(
  ctx: TransformContext,
  { call, offset, oneOf }: Site,
  names: SslNames,
  needImport: Node[],
): RawFinding | undefined {
  const args = callArguments(call);
  const list = args.list;
  if (!list) return undefined;
  const given = args.keywords.get('context');
  if (oneOf) {
    if (given) return undefined; // a context of the caller's own: left alone, as for FTP_TLS itself
    const marker = ctx.suppressor.markerFor(call, 'call');
    if (marker) return finding(call, 'suppressed', `${SUPPRESSED} ${marker}`, { marker });
    const fn = squash(call.childForFieldName('function')?.text ?? '');
    return finding(
      call,
      'manual',
      `context not added: ${fn} is FTP_TLS on some paths, another callable on others`,
      {
        reason:
          `a context= would be passed to the others too; pass context=ssl.create_default_context() where ${fn} ` +
          'is FTP_TLS, or give the others a context parameter',
      },
    );
  }
  const explicitNone = given?.type === 'none';
  // A name every binding of which is None passes no context either; but the name is the caller's (a line or
  // module we do not see may set it), so it is reported, not rewritten
  const noneName = given?.type === 'identifier' && ctx.bindings.valueOf(given).kind === 'none';
  let unverified: string | undefined;
  if (given && !explicitNone && !noneName) {
    unverified = unverifiedReason(ctx, given, 0);
    if (!unverified) return undefined; // a context of the caller's own: left alone
  }
  const marker = ctx.suppressor.markerFor(call, 'call');
  if (marker) return finding(call, 'suppressed', `${SUPPRESSED} ${marker}`, { marker });
  if (noneName)
    return finding(call, 'manual', `FTP_TLS is given context=${given.text}, which is always None here`, {
      reason:
        `every assignment of ${given.text} in its scope is None, so FTP_TLS checks neither the certificate nor ` +
        `the hostname; set ${given.text} = ssl.create_default_context() where it is assigned, and for a private ` +
        'CA call load_verify_locations(cafile) on it',
    });
  if (unverified)
    return finding(call, 'manual', 'FTP_TLS is given a context that does not verify the server', {
      reason: `${unverified}; pass context=ssl.create_default_context() (for a private CA: load_verify_locations(cafile))`,
    });
  const removed = ['keyfile', 'certfile'].filter((k) => args.keywords.has(k));
  if (removed.length > 0 || args.positional.length - offset > POSITIONAL_LIMIT)
    return finding(call, 'manual', 'context not added: FTP_TLS is given keyfile/certfile', {
      reason:
        `${removed.length ? removed.map((k) => `${k}=`).join(' and ') : 'positional keyfile/certfile (after acct)'} ` +
        'were removed in Python 3.12 and cannot be combined with context: create the context yourself, ' +
        'context = ssl.create_default_context(); context.load_cert_chain(certfile, keyfile), ' +
        'and pass context=context instead',
    });
  if (args.listSplat || args.dictSplat)
    return finding(call, 'manual', 'context not added: the call forwards *args or **kwargs', {
      reason:
        'they may already hold a context; add context=ssl.create_default_context() where the arguments are built',
    });
  const expr = names.expressionFor(call);
  if (typeof expr !== 'string') return finding(call, 'manual', 'context not added', { reason: expr.reason });
  if (names.needsImport(call)) needImport.push(call);
  const edits = explicitNone
    ? [{ start: given!.startIndex, end: given!.endIndex, text: expr }]
    : addKeyword(ctx, args, list, `context=${expr}`);
  return finding(call, 'fixed', FIXED, { edits });
}

/** Adds `kw` as the call's last argument, keeping a trailing comma and a one-argument-per-line layout. */
function addKeyword(ctx: TransformContext, args: CallArguments, list: Node, kw: string): Edit[] {
  const text = ctx.source;
  const last = args.all[args.all.length - 1];
  if (!last) {
    const open = list.startIndex + 1;
    return [{ start: open, end: open, text: kw }];
  }
  let comma: Node | null = last.nextSibling;
  while (comma?.type === 'comment') comma = comma.nextSibling;
  const trailingComma = comma?.type === ',';
  const onePerLine =
    last.startPosition.row > list.startPosition.row &&
    text.slice(lineStart(text, last.startIndex), last.startIndex).trim() === '';
  if (!onePerLine) return [{ start: last.endIndex, end: last.endIndex, text: `, ${kw}` }];

  const indent = text.slice(lineStart(text, last.startIndex), last.startIndex);
  const after = trailingComma ? comma!.endIndex : last.endIndex;
  const rest = text.slice(after, lineEnd(text, after)).trim();
  const at = rest === '' || rest.startsWith('#') ? lineEnd(text, after) : after;
  const line = `${ctx.eol}${indent}${kw}${trailingComma ? ',' : ''}`;
  if (trailingComma) return [{ start: at, end: at, text: line }];
  if (at === last.endIndex) return [{ start: at, end: at, text: `,${line}` }];
  return [
    { start: last.endIndex, end: last.endIndex, text: ',' },
    { start: at, end: at, text: line },
  ];
}

// ---- contexts that do not verify ----------------------------------------------------------------------

/** Why the context expression passed turns verification off, or undefined when nothing says so. */
function unverifiedReason(ctx: TransformContext, expr: Node, depth: number): string | undefined {
  while (expr.type === 'parenthesized_expression' && expr.namedChildren[0]) expr = expr.namedChildren[0];
  if (depth > 3) return undefined;
  if (expr.type === 'call') {
    const why = creatorReason(expr, undefined);
    return why && `${why.call} ${why.clause}`;
  }
  if (expr.type !== 'identifier' && expr.type !== 'attribute') return undefined;
  const sets = attributeSettings(ctx, expr);
  for (const value of assignedValues(ctx, expr)) {
    if (value.type === 'call') {
      const why = creatorReason(value, sets);
      if (why) return `${squash(expr.text)} = ${why.call}, which ${why.clause}`;
    } else {
      const why = unverifiedReason(ctx, value, depth + 1);
      if (why) return `${squash(expr.text)} = ${squash(value.text)}, and ${why}`;
    }
  }
  const verify = sets.get('verify_mode');
  if (verify && /(^|\.)CERT_NONE$|^0$/.test(squash(verify.text)))
    return `${squash(expr.text)}.verify_mode = ${squash(verify.text)} turns certificate verification off`;
  const hostname = sets.get('check_hostname');
  if (hostname && /^(False|0|None)$/.test(hostname.text))
    return (
      `${squash(expr.text)}.check_hostname = ${hostname.text} turns the hostname check off: ` +
      'a valid certificate for any other host is accepted'
    );
  return undefined;
}

/** Why a call creates a non-verifying context. `sets`: `name.attr = value` settings on what it is assigned to. */
function creatorReason(
  call: Node,
  sets: Map<string, Node> | undefined,
): { call: string; clause: string } | undefined {
  const fn = squash(call.childForFieldName('function')?.text ?? '');
  const name = fn.slice(fn.lastIndexOf('.') + 1);
  const args = callArguments(call);
  if (name === '_create_unverified_context' || name === '_create_stdlib_context')
    return { call: `${fn}()`, clause: 'checks neither the certificate nor the hostname' };
  if (name === 'SSLContext') {
    const protocol = args.positional[0] ?? args.keywords.get('protocol');
    if (protocol && /PROTOCOL_TLS_CLIENT$/.test(squash(protocol.text))) return undefined;
    const required =
      /CERT_REQUIRED$/.test(sets?.get('verify_mode')?.text ?? '') &&
      /^True$/.test(sets?.get('check_hostname')?.text ?? '');
    if (required) return undefined;
    return {
      call: `${fn}(${protocol ? squash(protocol.text) : ''})`,
      clause:
        'starts with verify_mode CERT_NONE and check_hostname False (only PROTOCOL_TLS_CLIENT verifies)',
    };
  }
  if (name === 'create_default_context') {
    const purpose = args.positional[0] ?? args.keywords.get('purpose');
    if (purpose && /CLIENT_AUTH$/.test(squash(purpose.text)))
      return {
        call: `${fn}(${squash(purpose.text)})`,
        clause: 'makes a server-side context, which does not verify the server',
      };
  }
  return undefined;
}

/** Values assigned to the same variable (or self attribute) as `target`, anywhere in the file. */
function assignedValues(ctx: TransformContext, target: Node): Node[] {
  const out: Node[] = [];
  for (const a of ctx.tree.rootNode.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    let value = a?.childForFieldName('right');
    while (value?.type === 'assignment') value = value.childForFieldName('right');
    if (left && value && sameTarget(ctx, left, target)) out.push(value);
  }
  return out;
}

/** The last `target.verify_mode = ...` / `target.check_hostname = ...` settings in the file. */
function attributeSettings(ctx: TransformContext, target: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const a of ctx.tree.rootNode.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const value = a?.childForFieldName('right');
    if (left?.type !== 'attribute' || !value) continue;
    const attr = left.childForFieldName('attribute')?.text;
    const object = left.childForFieldName('object');
    if ((attr === 'verify_mode' || attr === 'check_hostname') && object && sameTarget(ctx, object, target))
      out.set(attr, value);
  }
  return out;
}

/** Do two expressions name the same variable: same text, and their root name resolves to the same binding. */
function sameTarget(ctx: TransformContext, a: Node, b: Node): boolean {
  if (a.type !== b.type || squash(a.text) !== squash(b.text)) return false;
  const ra = rootName(a);
  const rb = rootName(b);
  if (!ra || !rb) return false;
  const sa = ctx.bindings.scopeAt(ra);
  const sb = ctx.bindings.scopeAt(rb);
  if (a.type === 'attribute') {
    // self.ctx: the same class's methods
    const ma = enclosingFunctionScope(sa);
    const mb = enclosingFunctionScope(sb);
    if (ma?.selfName === ra.text || mb?.selfName === rb.text)
      return ma?.selfName === ra.text && mb?.selfName === rb.text && ma?.classScope === mb?.classScope;
  }
  return ctx.bindings.lookup(ra.text, sa)?.scope === ctx.bindings.lookup(rb.text, sb)?.scope;
}

function rootName(node: Node): Node | undefined {
  let n: Node | null = node;
  while (n?.type === 'attribute') n = n.childForFieldName('object');
  return n?.type === 'identifier' ? n : undefined;
}

// ---- the ssl name -------------------------------------------------------------------------------------

/** How each call reaches ssl.create_default_context: an existing import, or a new module-level `import ssl`. */
class SslNames {
  /** Names bound anywhere by `import ssl [as x]` (module) or `from ssl import create_default_context [as x]`. */
  private readonly candidates: { name: string; kind: 'module' | 'function' }[] = [];
  private readonly viaNewImport = new Set<number>();

  constructor(private readonly ctx: TransformContext) {
    const seen = new Set<string>();
    for (const stmt of ctx.tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) {
      if (!stmt) continue;
      const fromSsl =
        stmt.type === 'import_from_statement' && stmt.childForFieldName('module_name')?.text === 'ssl';
      for (const item of stmt.childrenForFieldName('name')) {
        if (!item) continue;
        const dotted = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
        const alias = item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : undefined;
        let found: { name: string; kind: 'module' | 'function' } | undefined;
        if (stmt.type === 'import_statement' && dotted?.text === 'ssl')
          found = { name: alias ?? 'ssl', kind: 'module' };
        if (fromSsl && dotted?.text === 'create_default_context')
          found = { name: alias ?? 'create_default_context', kind: 'function' };
        if (found && !seen.has(`${found.kind}:${found.name}`)) {
          seen.add(`${found.kind}:${found.name}`);
          this.candidates.push(found);
        }
      }
    }
    // prefer `ssl.create_default_context()` when both forms are there
    this.candidates.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'module' ? -1 : 1));
  }

  /** The expression to pass as context at `call`, or why none can be written. */
  expressionFor(call: Node): string | { reason: string } {
    const scope = this.ctx.bindings.scopeAt(call);
    for (const c of this.candidates) {
      if (this.resolvesToSsl(c.name, scope, c.kind))
        return c.kind === 'module' ? `${c.name}.create_default_context()` : `${c.name}()`;
    }
    const found = this.ctx.bindings.lookup('ssl', scope);
    const usable =
      !found ||
      (found.scope.kind === 'module' && found.sites.every((s) => s.fallback || isSslImport(s, 'module')));
    if (!usable)
      return {
        reason:
          'the name ssl means something else here; pass context=ssl.create_default_context() ' +
          'with the ssl module imported under another name',
      };
    this.viaNewImport.add(call.id);
    return 'ssl.create_default_context()';
  }

  needsImport(call: Node): boolean {
    return this.viaNewImport.has(call.id);
  }

  private resolvesToSsl(name: string, scope: Scope, kind: 'module' | 'function'): boolean {
    const found = this.ctx.bindings.lookup(name, scope);
    if (!found) return false;
    const sites = found.sites.filter((s) => !s.fallback);
    return sites.length > 0 && sites.every((s) => isSslImport(s, kind));
  }
}

function isSslImport(site: BindingSite, kind: 'module' | 'function'): boolean {
  if (kind === 'module') return site.kind === 'import' && site.module === 'ssl';
  return (
    site.kind === 'from-import' && site.module === 'ssl' && site.importedName === 'create_default_context'
  );
}

// ---- where `import ssl` goes --------------------------------------------------------------------------

/**
 * One `import ssl`, where a person would put it and where it is bound wherever FTP_TLS is: in the block of
 * ftplib's imports when they all run in the module's scope in one block (the module, or the body of a
 * module-level `if`/`try`/`with`...), else in the innermost such block holding every call that needs it and
 * every module-level ftplib import (a function's own `import ftplib` leaves `ssl` to the module: a module-level
 * name is bound in every function). There, in a run of imports that comes before the first call (the run
 * holding ftplib's import, else the first such run): alphabetically among plain `import x` lines when they
 * are sorted, else right before the ftplib import or after the run's last import; inside a `try` or `with`
 * body never after the ftplib import (an import in between may fail and be caught). Without such a run: a
 * paragraph of its own at the block's start, after the docstring, `from __future__` imports and header
 * comments.
 */
function importSslEdit(ctx: TransformContext, users: Node[]): Edit {
  const text = ctx.source;
  const eol = ctx.eol;
  const firstUse = Math.min(...users.map((u) => u.startIndex));
  const ftplib = ctx.tree.rootNode
    .descendantsOfType(['import_statement', 'import_from_statement'])
    .filter((s): s is Node => !!s && importsFtplib(s));
  const placed = ftplib.map(moduleBlocks);
  const atModule = placed.filter((p) => !p.inDefinition).map((p) => p.chain);
  const home = commonBlock([...users.map((u) => moduleBlocks(u).chain), ...atModule]);
  const inner = atModule.map((chain) => chain[chain.length - 1]);
  const preferred =
    atModule.length === placed.length && inner.length > 0 && inner.every((b) => b.id === inner[0].id)
      ? inner[0]
      : undefined;

  for (const node of preferred && preferred.id !== home.id ? [preferred, home] : [home]) {
    const block = blockOf(text, node);
    for (const run of importRuns(text, block.statements.slice(block.header))) {
      const at = blockInsertion(text, run, guarded(node));
      if (at.offset <= firstUse)
        return {
          start: at.offset,
          end: at.offset,
          text: at.before ? `${block.indent}import ssl${eol}` : `${eol}${block.indent}import ssl`,
        };
    }
  }
  return blockStartEdit(text, eol, blockOf(text, home));
}

/** The statements of a block that runs in the module's scope: the module, or a module-level block. */
interface Block {
  statements: Node[];
  /** How many of them come first: the docstring (a string first in any block) and `from __future__` imports. */
  header: number;
  /** The indentation of its statements. */
  indent: string;
  /** Where its own lines start: the file's start, or the line after the block's `if ...:` header. */
  start: number;
}

function blockOf(text: string, node: Node): Block {
  const statements = node.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
  let header = 0;
  if (statements[0] && isDocstring(statements[0])) header++;
  while (statements[header]?.type === 'future_import_statement') header++;
  const first = statements[0];
  const indent =
    node.type === 'module' || !first ? '' : text.slice(lineStart(text, first.startIndex), first.startIndex);
  const start = node.type === 'module' ? 0 : nextLineStart(text, colonOf(node)?.endIndex ?? node.startIndex);
  return { statements, header, indent, start };
}

const DEFINITIONS = new Set(['function_definition', 'class_definition', 'lambda']);

/**
 * The blocks holding `node` that run in the module's scope, outermost (the module) first, and whether `node`
 * is inside a def or class (the blocks in there are not listed). A block that starts on its header's line
 * (`if x: import os`) and what it holds are left out: no line can be put into it.
 */
function moduleBlocks(node: Node): { chain: Node[]; inDefinition: boolean } {
  let chain: Node[] = [];
  let inDefinition = false;
  for (let n = node.parent; n; n = n.parent) {
    if (DEFINITIONS.has(n.type)) {
      chain = [];
      inDefinition = true;
    } else if (n.type === 'module' || n.type === 'block') chain.push(n);
  }
  chain.reverse();
  const cut = chain.findIndex((b) => b.type === 'block' && !ownLines(b));
  return { chain: cut < 0 ? chain : chain.slice(0, cut), inDefinition };
}

/** The innermost block all chains share (they all start with the module). */
function commonBlock(chains: Node[][]): Node {
  let depth = 0;
  while (chains.every((c) => depth < c.length && c[depth].id === chains[0][depth].id)) depth++;
  return chains[0][depth - 1];
}

/** The `:` that a block follows (after any comments on its own lines). */
function colonOf(block: Node): Node | null {
  let p = block.previousSibling;
  while (p?.type === 'comment') p = p.previousSibling;
  return p;
}

/** Does the block's first statement start on a line after its header's? */
function ownLines(block: Node): boolean {
  const first = block.namedChildren.find((n) => n && n.type !== 'comment');
  const colon = colonOf(block);
  return !!first && !!colon && colon.endPosition.row < first.startPosition.row;
}

/** A block inside a `try` or `with` body: an exception there may be caught and the module go on. */
function guarded(node: Node): boolean {
  for (let n: Node | null = node; n && n.type !== 'module'; n = n.parent) {
    const owner = n.type === 'block' ? n.parent : null;
    if (owner?.type === 'with_statement') return true;
    if (owner?.type === 'try_statement' && owner.childForFieldName('body')?.id === n.id) return true;
  }
  return false;
}

/**
 * `import ssl` as a paragraph of its own at the start of a block (the module's, or a module-level block's,
 * indented as it is): after the docstring and `from __future__` imports (with the blank line the file has
 * after them, if any), and after the comment lines that follow them or start the block (shebang, coding,
 * licence): before the comment lines directly above the next statement, unless nothing but blank lines comes
 * before those (they are the header then). One blank line after it, two before a def or class.
 */
function blockStartEdit(text: string, eol: string, block: Block): Edit {
  const prev = block.statements[block.header - 1];
  const next = block.statements[block.header];
  const line = `${block.indent}import ssl`;
  const blank =
    next && /^(function_definition|class_definition|decorated_definition)$/.test(next.type) ? 2 : 1;
  const after = prev ? lineEnd(text, prev.endIndex) : undefined;
  if (!next) {
    const at = after ?? block.start;
    return { start: at, end: at, text: after !== undefined ? `${eol}${eol}${line}` : `${line}${eol}` };
  }
  const gap = gapLines(text, after !== undefined ? nextLineStart(text, after) : block.start, next);
  if (after !== undefined && !gap.some((l) => l.comment)) {
    // no comments after the docstring / __future__ imports: right after them, as many blank lines before as
    // the file has there (at most one), and the blank lines a def or class wants after
    const existing = gap.length;
    const before = eol.repeat(1 + Math.min(existing, 1));
    return { start: after, end: after, text: `${before}${line}${eol.repeat(Math.max(0, blank - existing))}` };
  }
  // the comment lines directly above `next` belong to it, unless nothing but blank lines comes before them
  let k = gap.length;
  while (k > 0 && gap[k - 1].comment) k--;
  const header = k < gap.length && !gap.slice(0, k).some((l) => l.comment);
  const at = header || k === gap.length ? lineStart(text, next.startIndex) : gap[k].start;
  return { start: at, end: at, text: `${line}${eol.repeat(blank + 1)}` };
}

/** The lines from the line start `from` to the line of `next`: each blank or a comment (nothing else can be). */
function gapLines(text: string, from: number, next: Node): { start: number; comment: boolean }[] {
  const out: { start: number; comment: boolean }[] = [];
  const to = lineStart(text, next.startIndex);
  for (let at = from; at < to; at = nextLineStart(text, at)) {
    out.push({ start: at, comment: text.slice(at, lineEnd(text, at)).trim().startsWith('#') });
  }
  return out;
}

/** The start of the line after the one holding `offset` (the text's end on the last line). */
function nextLineStart(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  return Math.min(text.length, end + (text.startsWith('\r\n', end) ? 2 : 1));
}

function isDocstring(stmt: Node): boolean {
  const expr = stmt.type === 'expression_statement' ? stmt.namedChildren : [];
  return expr.length === 1 && (expr[0]?.type === 'string' || expr[0]?.type === 'concatenated_string');
}

/** Runs of imports with no blank line between them: the one holding ftplib's import first, then the others in order. */
function importRuns(text: string, statements: Node[]): Node[][] {
  const runs: Node[][] = [];
  let run: Node[] = [];
  for (const stmt of statements) {
    const prev = run[run.length - 1];
    if (IMPORTS.has(stmt.type) && prev && !blankLineBetween(text, prev, stmt)) {
      run.push(stmt);
      continue;
    }
    if (run.length) runs.push(run);
    run = IMPORTS.has(stmt.type) ? [stmt] : [];
  }
  if (run.length) runs.push(run);
  const ftplib = runs.find((r) => r.some(importsFtplib));
  return ftplib ? [ftplib, ...runs.filter((r) => r !== ftplib)] : runs;
}

function blockInsertion(text: string, block: Node[], guarded: boolean): { offset: number; before: boolean } {
  const at = sortedInsertion(text, block);
  const ftplib = block.find(importsFtplib);
  // where an exception may be caught, an import between ftplib's and ssl's could fail and leave ssl unbound
  if (!guarded || !ftplib || at.offset <= ftplib.startIndex) return at;
  return { offset: importLineStart(text, block, ftplib), before: true };
}

function sortedInsertion(text: string, block: Node[]): { offset: number; before: boolean } {
  const plain = block.filter((s) => s.type === 'import_statement');
  const keys = plain.map((s) => moduleOf(s).toLowerCase());
  const sorted = keys.length > 0 && keys.every((k, j) => j === 0 || keys[j - 1] <= k);
  let target: Node | undefined;
  if (sorted) {
    target = plain.find((_, j) => keys[j] > 'ssl');
    if (!target) return { offset: lineEnd(text, plain[plain.length - 1].endIndex), before: false };
  } else target = block.find(importsFtplib);
  if (!target) return { offset: lineEnd(text, block[block.length - 1].endIndex), before: false };
  return { offset: importLineStart(text, block, target), before: true };
}

/** Before the target and the comment lines that introduce it (not those heading the whole block). */
function importLineStart(text: string, block: Node[], target: Node): number {
  return target === block[0] ? lineStart(text, target.startIndex) : attachedCommentsStart(text, target);
}

function moduleOf(stmt: Node): string {
  const item = stmt.childrenForFieldName('name')[0];
  const dotted = item?.type === 'aliased_import' ? item.childForFieldName('name') : item;
  return dotted?.text ?? '';
}

function importsFtplib(stmt: Node): boolean {
  if (stmt.type === 'import_from_statement') return stmt.childForFieldName('module_name')?.text === 'ftplib';
  return stmt.childrenForFieldName('name').some((item) => {
    const dotted = item?.type === 'aliased_import' ? item.childForFieldName('name') : item;
    return dotted?.text === 'ftplib';
  });
}

/** Is there an empty line between the end of `a` and the start of `b`? */
function blankLineBetween(text: string, a: Node, b: Node): boolean {
  const lines = text.slice(lineEnd(text, a.endIndex), lineStart(text, b.startIndex)).split(/\r\n|\r|\n/);
  return lines.slice(1, -1).some((l) => l.trim() === '');
}

/** The start of the line of `stmt`, or of the comment lines directly above it (they belong to it). */
function attachedCommentsStart(text: string, stmt: Node): number {
  let start = stmt;
  for (let c = stmt.previousSibling; c?.type === 'comment'; c = c.previousSibling) {
    if (c.startPosition.row !== start.startPosition.row - 1) break;
    const before = c.previousSibling;
    if (before && before.endPosition.row === c.startPosition.row) break; // trails the line above
    start = c;
  }
  return lineStart(text, start.startIndex);
}
