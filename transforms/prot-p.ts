// Transform prot-p: after every login() of a TLS connection, call <conn>.prot_p() so the data channel (file
// contents, listings) is encrypted too. FTP_TLS protects only the control channel until prot_p() is called.
import type { Node } from 'web-tree-sitter';
import {
  COMPOUND_STATEMENTS,
  endsLine,
  followingStatements,
  indentAt,
  isEmptyString,
  lineEnd,
  positionalArgs,
  startsLine,
} from '../src/syntax.js';
import type { Edit, RawFinding, Transform, TransformContext } from '../src/types.js';

const RULE = 'prot-p';
const FIXED = 'login() on FTP_TLS leaves the data channel in cleartext: prot_p() added after it';
const NO_NAME = 'prot_p() not added: the logged-in connection has no name to call it on';
/** Calls that only an FTP connection makes: a parameter used this way is one, of unknown origin. */
const FTP_METHODS =
  /^(storbinary|storlines|retrbinary|retrlines|nlst|mlsd|sendcmd|voidcmd|cwd|pwd|prot_p|prot_c|ntransfercmd)$/;
/** Expression parents through which a login call is always evaluated before its statement ends. */
const PASS_THROUGH = new Set([
  'assignment',
  'argument_list',
  'parenthesized_expression',
  'await',
  'keyword_argument',
  'call',
]);

export const protP: Transform = {
  name: RULE,
  description: 'Call prot_p() after every login() of an FTP_TLS connection, so file transfers are encrypted',
  run(ctx) {
    const findings: RawFinding[] = [];
    const walk = (node: Node): void => {
      if (node.type === 'call') {
        const f = loginCall(ctx, node) ?? constructorLogin(ctx, node);
        if (f) findings.push(f);
      }
      for (const child of node.namedChildren) if (child) walk(child);
    };
    walk(ctx.tree.rootNode);
    return { findings };
  },
};

/** `recv.login(...)` on a TLS connection. */
function loginCall(ctx: TransformContext, call: Node): RawFinding | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'login') return undefined;
  const recv = fn.childForFieldName('object')!;
  const value = ctx.bindings.valueOf(recv);
  if (value.kind !== 'conn') return unknownParameter(ctx, call, recv);
  if (!value.tls) return undefined; // still cleartext FTP (suppressed): ftp-to-ftp-tls reported it
  if (recv.type === 'call')
    return finding(call, 'manual', NO_NAME, {
      reason: 'FTP_TLS(...).login() is chained on the constructor; assign the connection to a name first',
    });
  if (value.origin === 'param')
    return finding(call, 'manual', 'prot_p() not added: the connection comes from a caller', {
      reason: 'it is a parameter whose origin is unknown; call prot_p() after login() if it is FTP_TLS',
    });
  const marker = ctx.suppressor.markerFor(call, 'login');
  if (marker)
    return finding(call, 'suppressed', `login() without prot_p() kept: suppressed by ${marker}`, { marker });
  return afterStatement(ctx, call, recv.text);
}

/** `FTP_TLS(host, user, passwd)` logs in inside the constructor. */
function constructorLogin(ctx: TransformContext, call: Node): RawFinding | undefined {
  const callee = ctx.bindings.valueOf(call.childForFieldName('function'));
  if (callee.kind !== 'class' || !callee.tls || callee.ownInit) return undefined;
  const { args, keywords } = positionalArgs(call);
  const user = args[1] ?? keywords.get('user');
  if (!user || isEmptyString(user)) return undefined;
  const marker = ctx.suppressor.markerFor(call, 'login');
  if (marker)
    return finding(call, 'suppressed', `login without prot_p() kept: suppressed by ${marker}`, { marker });

  const parent = call.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.id) {
    const target = parent.childForFieldName('left');
    if (target && (target.type === 'identifier' || target.type === 'attribute'))
      return afterStatement(ctx, call, target.text);
  }
  if (parent?.type === 'as_pattern' && parent.parent?.type === 'with_item') {
    const target = parent.childForFieldName('alias')?.namedChildren[0];
    const withStmt = parent.parent.parent?.parent;
    if (target && withStmt?.type === 'with_statement') return atBodyStart(ctx, call, withStmt, target.text);
  }
  return finding(call, 'manual', NO_NAME, {
    reason: 'the constructor logs in (user given) but its result is not assigned to a name',
  });
}

/** Adds `recv.prot_p()` after the statement holding the login, unless one already follows. */
function afterStatement(ctx: TransformContext, call: Node, recv: string): RawFinding | undefined {
  let node = call;
  while (node.parent && PASS_THROUGH.has(node.parent.type)) node = node.parent;
  const stmt = node.parent;
  if (stmt?.type !== 'expression_statement') {
    const reason =
      node.parent?.type === 'lambda' || hasAncestor(call, 'lambda')
        ? 'login() inside a lambda: there is no statement to add prot_p() after'
        : stmt?.type === 'return_statement'
          ? 'login() in a return statement: nothing runs after it here; call prot_p() where the connection is used'
          : 'login() is used inside an expression whose evaluation is conditional; add prot_p() by hand';
    return finding(call, 'manual', 'prot_p() not added', { reason });
  }
  if (hasAncestor(call, 'lambda'))
    return finding(call, 'manual', 'prot_p() not added', {
      reason: 'login() inside a lambda: there is no statement to add prot_p() after',
    });
  if (protPFollows(stmt, recv)) return undefined;
  return finding(call, 'fixed', FIXED, { edits: [insertAfter(ctx, stmt, `${recv}.prot_p()`)] });
}

/** `with FTP_TLS(host, user, pw) as conn:` — prot_p() is the body's first statement. */
function atBodyStart(
  ctx: TransformContext,
  call: Node,
  withStmt: Node,
  recv: string,
): RawFinding | undefined {
  const body = withStmt.childForFieldName('body');
  const stmts = body?.namedChildren.filter((s): s is Node => !!s && s.type !== 'comment') ?? [];
  if (stmts.some((s) => isProtP(s, recv))) return undefined;
  const first = stmts[0];
  if (!first)
    return finding(call, 'manual', NO_NAME, { reason: 'the with block has no body to add prot_p() to' });
  const text = startsLine(ctx.source, first)
    ? `${recv}.prot_p()${ctx.eol}${indentAt(ctx.source, first.startIndex)}`
    : `${recv}.prot_p(); `;
  return finding(call, 'fixed', FIXED, { edits: [{ start: first.startIndex, end: first.startIndex, text }] });
}

/** A new line with the statement's indentation, or `; code` when the statement shares its line. */
function insertAfter(ctx: TransformContext, stmt: Node, code: string): Edit {
  if (startsLine(ctx.source, stmt) && endsLine(ctx.source, stmt)) {
    const at = lineEnd(ctx.source, stmt.endIndex);
    return { start: at, end: at, text: `${ctx.eol}${indentAt(ctx.source, stmt.startIndex)}${code}` };
  }
  return { start: stmt.endIndex, end: stmt.endIndex, text: `; ${code}` };
}

/** Is `recv.prot_p()` among the statements that run after `stmt` (same block, then after enclosing blocks)? */
function protPFollows(stmt: Node, recv: string): boolean {
  for (let s: Node | null = stmt; s;) {
    if (followingStatements(s).some((next) => isProtP(next, recv))) return true;
    let up: Node | null = s.parent;
    while (up && !COMPOUND_STATEMENTS.has(up.type)) up = up.parent;
    if (
      !up ||
      up.type === 'function_definition' ||
      up.type === 'class_definition' ||
      up.type === 'decorated_definition'
    )
      return false;
    s = up;
  }
  return false;
}

function isProtP(stmt: Node, recv: string): boolean {
  if (stmt.type !== 'expression_statement') return false;
  const call = stmt.namedChildren[0];
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  return (
    fn?.type === 'attribute' &&
    fn.childForFieldName('attribute')?.text === 'prot_p' &&
    squash(fn.childForFieldName('object')!.text) === squash(recv)
  );
}

/** A parameter of unknown origin used as an FTP connection: say so, since we cannot know it is TLS. */
function unknownParameter(ctx: TransformContext, call: Node, recv: Node): RawFinding | undefined {
  if (recv.type !== 'identifier') return undefined;
  const found = ctx.bindings.lookup(recv.text, ctx.bindings.scopeAt(recv));
  if (!found || found.sites.length === 0 || !found.sites.every((s) => s.kind === 'param')) return undefined;
  const fn = found.scope.node;
  const usedAsFtp = [...fn.descendantsOfType('attribute')].some(
    (a) =>
      a?.childForFieldName('object')?.text === recv.text &&
      FTP_METHODS.test(a.childForFieldName('attribute')?.text ?? ''),
  );
  if (!usedAsFtp) return undefined;
  return finding(call, 'manual', 'prot_p() not added: the connection comes from a caller', {
    reason: 'it is a parameter whose origin is unknown; if it is FTP_TLS, call prot_p() after login()',
  });
}

function hasAncestor(node: Node, type: string): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === type) return true;
    if (p.type === 'function_definition' || p.type === 'class_definition') return false;
  }
  return false;
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function finding(
  node: Node,
  status: RawFinding['status'],
  message: string,
  extra: Partial<RawFinding> = {},
): RawFinding {
  return { rule: RULE, start: node.startIndex, end: node.endIndex, status, message, ...extra };
}
