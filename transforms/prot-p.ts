// Transform prot-p: after every login() of a TLS connection, call <conn>.prot_p() so the data channel (file
// contents, listings) is encrypted too. FTP_TLS protects only the control channel until prot_p() is called.
import type { Node } from 'web-tree-sitter';
import { findingsFor } from '../src/finding.js';
import { loginProtects } from '../src/analysis/protects.js';
import { MAX_CALLABLES } from '../src/analysis/callables.js';
import { getattrCall, loginReceiver } from '../src/analysis/login-call.js';
import type { CallablesValue, UnfollowedValue } from '../src/analysis/value.js';
import {
  boundLogins,
  containerLogin,
  handedClass,
  throughUnknownCall,
  type Escape,
} from '../src/analysis/escapes.js';
import {
  endsLine,
  indentAt,
  insideExpectedFailure,
  isNoneOrEmpty,
  lineEnd,
  lineStart,
  callArguments,
  protPAfter,
  protPPrecedes,
  rebinds,
  squash,
  startsLine,
} from '../src/syntax.js';
import type { Edit, RawFinding, Transform, TransformContext } from '../src/types.js';

const RULE = 'prot-p';
const finding = findingsFor(RULE);
const FIXED = 'login() on FTP_TLS leaves the data channel in cleartext: prot_p() added after it';
const NOT_ADDED = 'prot_p() not added';
const NO_NAME = 'prot_p() not added: the logged-in connection has no name to call it on';
/** Calls that only an FTP connection makes: a parameter used this way is one, of unknown origin. */
const FTP_METHODS =
  /^(storbinary|storlines|retrbinary|retrlines|nlst|mlsd|sendcmd|voidcmd|cwd|pwd|prot_p|prot_c|ntransfercmd)$/;
/**
 * Expression parents that evaluate the login call every time their statement runs, before it ends: a login
 * inside them is followed by the statement's end. (Not `and`/`or`, conditional expressions, comprehensions.)
 */
const UNCONDITIONAL = new Set([
  'assignment',
  'augmented_assignment',
  'argument_list',
  'parenthesized_expression',
  'await',
  'keyword_argument',
  'call',
  'attribute',
  'subscript',
  'not_operator',
  'unary_operator',
  'binary_operator',
  'comparison_operator',
  'expression_list',
  'tuple',
  'list',
  'pair',
  'dictionary',
]);
/** Why a login in a statement other than an expression statement gets no prot_p(). */
const HOLDER_REASONS: Record<string, string> = {
  return_statement:
    'login() in a return statement: nothing runs after it here; call prot_p() where the connection is used',
  if_statement: 'login() is in an if condition; add prot_p() by hand where the branches have logged in',
  elif_clause: 'login() is in an elif condition; add prot_p() by hand where the branches have logged in',
  while_statement: 'login() is in a while condition; add prot_p() by hand',
  assert_statement: 'login() inside assert is skipped under python -O; log in outside the assert',
  lambda: 'login() inside a lambda: there is no statement to add prot_p() after',
};

/** An argument spelled like an FTP class (`map(FTP_TLS, hosts)`, `submit(ftplib.FTP, h)`): not a call of it. */
const HANDED_TEXT = /[(,]\s*[\w.]*ftp\w*\s*[,)]/i;
/** `sendcmd("USER ...")`, `voidcmd(f"PASS {pw}")`. */
const COMMAND_TEXT = /\b(sendcmd|voidcmd|putcmd)\s*\(\s*[fFrRbBuU]*['"](USER|PASS)\b/i;

export const protP: Transform = {
  name: RULE,
  description: 'Call prot_p() after every login() of an FTP_TLS connection, so file transfers are encrypted',
  helpUri: 'https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS.prot_p',
  run(ctx) {
    const findings: RawFinding[] = [];
    // what only some files have is looked for only where the text has it
    const mayHand = HANDED_TEXT.test(ctx.source);
    const mayCommand = COMMAND_TEXT.test(ctx.source);
    for (const call of ctx.bindings.calls()) {
      const f =
        loginCall(ctx, call) ??
        dynamicLogin(ctx, call) ??
        constructorLogin(ctx, call) ??
        parentInitLogin(ctx, call) ??
        (mayCommand ? commandLogin(ctx, call) : undefined);
      if (f) findings.push(f);
      if (mayHand) for (const e of handedClass(ctx.bindings, call)) findings.push(escaped(e.node, e));
    }
    for (const e of boundLogins(ctx.bindings, ctx.source)) findings.push(escaped(e.node, e));
    return { findings };
  },
};

/** A finding about a connection or class that another module of the project made: say where. */
function fromAnotherModule(f: RawFinding | undefined, from: string | undefined): RawFinding | undefined {
  if (!f || !from) return f;
  f.message += ` (the connection comes from ${from})`;
  const at = from.lastIndexOf(':');
  f.related = [
    { path: from.slice(0, at), line: Number(from.slice(at + 1)), message: 'the connection is made here' },
  ];
  return f;
}

/** A connection whose trail ends here (src/analysis/escapes.ts): a manual finding at `node`. */
function escaped(node: Node, e: Escape): RawFinding {
  return finding(node, 'manual', e.message, { reason: e.reason });
}

/** `recv.login(...)` (or `getattr(recv, "login")(...)`) on a TLS connection. */
function loginCall(ctx: TransformContext, call: Node): RawFinding | undefined {
  const recv = loginReceiver(ctx.bindings, call);
  if (!recv) return undefined;
  const value = ctx.bindings.valueOf(recv);
  const container = containerLogin(ctx.bindings, recv);
  if (container) return escaped(call, container);
  if (value.kind === 'partial') return value.conn.tls ? notOnlyConnection(ctx, call, recv) : undefined;
  if (value.kind === 'unfollowed')
    return finding(call, 'manual', NOT_ADDED, {
      reason:
        `${ctx.bindings.textOf(recv)} comes from one of more callables than ftptls follows (${MAX_CALLABLES}), ` +
        'some of which may make ftplib connections; call prot_p() after login() where it is an FTP_TLS connection',
    });
  if (value.kind !== 'conn') {
    const through = throughUnknownCall(ctx.bindings, recv);
    return through ? escaped(call, through) : unknownParameter(ctx, call, recv);
  }
  // still cleartext FTP (suppressed, manual): ftp-to-ftp-tls reported it; unless FTP_TLS on some paths
  if (!value.tls)
    return value.someTls
      ? finding(call, 'manual', NOT_ADDED, {
          reason:
            `${ctx.bindings.textOf(recv)} is an FTP_TLS connection on some paths and a plain FTP (kept, reported where it is ` +
            'made) on others, which has no prot_p(); call prot_p() after login() where it is FTP_TLS',
        })
      : undefined;
  if (loginProtects(ctx.bindings, value)) return undefined;
  // a test that expects this login to fail (`with pytest.raises(...)`) transfers nothing after it
  if (insideExpectedFailure(call)) return undefined;
  if (/^False$/.test(callArguments(call).keywords.get('secure')?.text ?? ''))
    return finding(call, 'manual', NOT_ADDED, {
      reason:
        'login(secure=False) keeps the control channel in cleartext on purpose, and PROT P needs TLS on it; ' +
        'decide by hand whether this connection should log in with TLS',
    });
  if (recv.type === 'call')
    return finding(call, 'manual', NO_NAME, {
      reason: 'FTP_TLS(...).login() is chained on the constructor; assign the connection to a name first',
    });
  // `Client().conn.login()`: writing the receiver again would call again
  if (callInChain(recv))
    return finding(call, 'manual', NO_NAME, {
      reason: `${ctx.bindings.textOf(recv)} is read through a call; assign the connection to a name first`,
    });
  if (value.origin === 'param')
    return finding(call, 'manual', 'prot_p() not added: the connection comes from a caller', {
      reason: 'it is a parameter whose origin is unknown; call prot_p() after login() if it is FTP_TLS',
    });
  const marker = ctx.suppressor.markerFor(call, 'login');
  if (marker)
    return finding(call, 'suppressed', `login() without prot_p() kept: suppressed by ${marker}`, { marker });
  return fromAnotherModule(afterStatement(ctx, call, ctx.bindings.sameTextOf(recv)), value.from);
}

/**
 * `getattr(ftp, method)(...)` on an FTP_TLS connection, the method's name known only at run time: it may be
 * login(), which is then not followed by prot_p().
 */
function dynamicLogin(ctx: TransformContext, call: Node): RawFinding | undefined {
  const got = getattrCall(ctx.bindings, call);
  if (!got || got.name.type === 'string' || got.name.type === 'concatenated_string') return undefined;
  const value = ctx.bindings.valueOf(got.recv);
  const conn = value.kind === 'partial' ? value.conn : value;
  if (conn.kind !== 'conn' || !conn.tls) return undefined;
  const recv = ctx.bindings.textOf(got.recv);
  return finding(call, 'manual', NOT_ADDED, {
    reason:
      `the method getattr(${recv}, ${ctx.bindings.textOf(got.name)}) calls is chosen at run time and may be ` +
      `login(); call ${recv}.prot_p() after it where it logs in`,
  });
}

/** `FTP_TLS(host, user, passwd)` logs in inside the constructor (FTP.__init__ does when host and user are set). */
function constructorLogin(ctx: TransformContext, call: Node): RawFinding | undefined {
  const { fn, attribute } = ctx.bindings.callee(call);
  if (attribute !== undefined && !ctx.bindings.mayBeClassAttribute(attribute)) return undefined;
  const callee = ctx.bindings.valueOf(fn);
  if (callee.kind === 'callables' || callee.kind === 'unfollowed')
    return oneOfSeveralLogsIn(ctx, call, callee);
  if (callee.kind !== 'class' || !callee.tls || callee.ownInit) return undefined;
  if (!logsIn(call, 0)) return undefined;
  if (loginProtects(ctx.bindings, callee)) return undefined;
  const when = loginCondition(ctx, call, 0);
  const marker = ctx.suppressor.markerFor(call, 'login');
  if (marker)
    return finding(call, 'suppressed', `login without prot_p() kept: suppressed by ${marker}`, { marker });

  if (when === UNKNOWN) return sometimesLogsIn(call);
  // `closing(FTP_TLS(host, user, pw))`, `stack.enter_context(...)`: the wrapper's result is the connection
  const outer = wrapperOf(call) ?? call;
  const parent = outer.parent;
  if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === outer.id) {
    const target = parent.childForFieldName('left');
    if (target && (target.type === 'identifier' || target.type === 'attribute'))
      return fromAnotherModule(afterStatement(ctx, call, ctx.bindings.sameTextOf(target), when), callee.from);
  }
  if (parent?.type === 'as_pattern' && parent.parent?.type === 'with_item') {
    const target = parent.childForFieldName('alias')?.namedChildren[0];
    const withStmt = parent.parent.parent?.parent;
    if (target && withStmt?.type === 'with_statement')
      return fromAnotherModule(
        atBodyStart(ctx, call, withStmt, ctx.bindings.sameTextOf(target), when),
        callee.from,
      );
  }
  const reason =
    parent?.type === 'named_expression'
      ? 'the constructor logs in (user given) inside an expression (:=); add prot_p() by hand after it'
      : 'the constructor logs in (user given) but its result is not assigned to a name';
  return finding(call, 'manual', NO_NAME, { reason });
}

/**
 * `make(host, user, pw)` where make is FTP_TLS or a function (or one of more callables than are followed):
 * the constructor logs in on some paths only, so prot_p() after the call could come before any login.
 */
function oneOfSeveralLogsIn(
  ctx: TransformContext,
  call: Node,
  callee: CallablesValue | UnfollowedValue,
): RawFinding | undefined {
  const cls = callee.kind === 'callables' ? callee.of.find((c) => c.kind === 'class') : callee.class;
  if (!cls || !cls.tls || cls.ownInit || !logsIn(call, 0) || loginProtects(ctx.bindings, cls))
    return undefined;
  const marker = ctx.suppressor.markerFor(call, 'login');
  if (marker)
    return finding(call, 'suppressed', `login without prot_p() kept: suppressed by ${marker}`, { marker });
  const name = textOf(ctx, ctx.bindings.callee(call).fn);
  const what =
    callee.kind === 'callables'
      ? `${name} is FTP_TLS on some paths, ${callee.open ? 'something not known' : 'another callable'} on others`
      : `${name} is one of more callables than ftptls follows (${MAX_CALLABLES}), FTP_TLS among them`;
  return finding(call, 'manual', NOT_ADDED, {
    reason: `${what}; FTP_TLS's constructor logs in (user given): call prot_p() after it by hand where it has logged in`,
  });
}

/**
 * `conn.sendcmd("USER " + user)` / `"PASS ..."` on a TLS connection: FTP_TLS negotiates TLS in login() only,
 * so credentials sent as raw commands still cross in cleartext, and no prot_p() follows them.
 */
function commandLogin(ctx: TransformContext, call: Node): RawFinding | undefined {
  const { fn, attribute } = ctx.bindings.callee(call);
  if (!/^(sendcmd|voidcmd|putcmd)$/.test(attribute ?? '')) return undefined;
  const command = callArguments(call).positional[0];
  if (!command || !/^[fFrRbBuU]*['"](USER|PASS)\b/i.test(command.text.replace(/^\(/, ''))) return undefined;
  const value = ctx.bindings.valueOf(fn!.childForFieldName('object'));
  if (value.kind !== 'conn' || !value.tls) return undefined;
  return finding(call, 'manual', 'credentials sent with a raw command, not login()', {
    reason:
      'FTP_TLS switches the control channel to TLS inside login() (or auth()); a USER/PASS sent by hand ' +
      'before that crosses in cleartext: call auth() first, or use login(), then prot_p()',
  });
}

/** The call of closing() / enter_context() that the constructor call is handed to, if any. */
function wrapperOf(call: Node): Node | undefined {
  const list = call.parent;
  const wrapper = list?.type === 'argument_list' ? list.parent : undefined;
  if (wrapper?.type !== 'call' || callArguments(wrapper).positional[0]?.id !== call.id) return undefined;
  const fn = wrapper.childForFieldName('function');
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
  return name === 'closing' || name === 'enter_context' ? wrapper : undefined;
}

/** `super().__init__(host, user, passwd)` in a subclass's own __init__ logs `self` in. */
function parentInitLogin(ctx: TransformContext, call: Node): RawFinding | undefined {
  const parent = ctx.bindings.parentInit(call);
  if (!parent || !parent.base.tls || parent.base.ownInit || !parent.method.selfName) return undefined;
  if (!logsIn(call, parent.offset)) return undefined;
  // `def __init__(self, *args, **kwargs): super().__init__(*args, **kwargs)`: the calls that make instances
  // say whether it logs in, and get their prot_p() there (constructorLogin)
  const params = parent.method.node.childForFieldName('parameters')?.text ?? '';
  if (/^\(\s*\w+\s*,\s*\*\w+\s*,\s*\*\*\w+\s*,?\s*\)$/.test(params)) return undefined;
  const self = ctx.bindings.valueOfName(parent.method.selfName, parent.method);
  if (self.kind === 'conn' && loginProtects(ctx.bindings, self)) return undefined;
  const marker = ctx.suppressor.markerFor(call, 'login');
  if (marker)
    return finding(call, 'suppressed', `login without prot_p() kept: suppressed by ${marker}`, { marker });
  const when = loginCondition(ctx, call, parent.offset);
  if (when === UNKNOWN) return sometimesLogsIn(call);
  return afterStatement(ctx, call, parent.method.selfName, when);
}

const UNKNOWN = Symbol('unknown');

/**
 * When the constructor's login runs: FTP.__init__ logs in only if its user is non-empty. Undefined when it
 * always does (a non-empty literal, or a value nothing here suggests may be empty); a name to test when the
 * user is a name that may be None or empty (a parameter defaulting to None or "", as in classes that log in
 * at once or later); UNKNOWN for an expression that may be empty and cannot be evaluated again safely.
 */
function loginCondition(
  ctx: TransformContext,
  call: Node,
  offset: number,
): string | typeof UNKNOWN | undefined {
  const { positional, keywords, listSplat, dictSplat } = callArguments(call);
  // FTP.__init__ connects only with a host and logs in only with a user: both must be set for the login
  const names: string[] = [];
  const args = [positional[offset] ?? keywords.get('host'), positional[offset + 1] ?? keywords.get('user')];
  if ((listSplat || dictSplat) && !(args[0] && args[1])) return UNKNOWN;
  for (const arg of args) {
    if (!arg) continue;
    if (arg.type === 'boolean_operator' || arg.type === 'conditional_expression') return UNKNOWN;
    // `os.environ.get("FTP_USER")`, `os.getenv(...)`: None when it is not set
    const fn = arg.type === 'call' ? (arg.childForFieldName('function')?.text ?? '') : '';
    if (/(\.get|getenv)$/.test(fn)) return UNKNOWN;
    if (arg.type !== 'identifier') continue;
    const sites = ctx.bindings.lookup(arg.text, ctx.bindings.scopeAt(arg))?.sites ?? [];
    const mayBeEmpty = sites.some((site) => {
      const value = site.kind === 'param' ? site.value?.childForFieldName('value') : site.value;
      return isNoneOrEmpty(value ?? undefined);
    });
    if (mayBeEmpty) names.push(ctx.bindings.sameTextOf(arg));
  }
  return names.length ? names.join(' and ') : undefined;
}

function sometimesLogsIn(call: Node): RawFinding {
  return finding(call, 'manual', NOT_ADDED, {
    reason:
      'the constructor logs in only when its host and user arguments are non-empty, and here that cannot be ' +
      'told (an expression, a lookup that may give None, or *args/**kwargs); call prot_p() by hand after it, ' +
      'under the same condition',
  });
}

/** The code protects the data channel after this login only under a condition of its own: say so. */
function conditionalProtP(ctx: TransformContext, call: Node, guard: Node): RawFinding {
  const condition =
    guard.type === 'try_statement'
      ? 'its try block does not fail'
      : textOf(ctx, guard.childForFieldName('condition'));
  return finding(call, 'manual', `prot_p() after this login runs only if ${condition}`, {
    reason:
      `the code calls prot_p() under its own condition (line ${guard.startPosition.row + 1}); where it is ` +
      'false, files and listings cross in cleartext: check that this is meant',
  });
}

/** FTP.__init__ logs in when both host and user are given (non-empty). */
function logsIn(call: Node, offset: number): boolean {
  const { positional, keywords, listSplat, dictSplat } = callArguments(call);
  // `FTP_TLS(host, *creds)`, `FTP_TLS(**cfg)`: may well log in; splatLogin reports it
  if (listSplat || dictSplat) return true;
  const host = positional[offset] ?? keywords.get('host');
  const user = positional[offset + 1] ?? keywords.get('user');
  return !!host && !!user && !isNoneOrEmpty(host) && !isNoneOrEmpty(user);
}

/**
 * Adds `recv.prot_p()` after the statement holding the login, unless prot_p() comes next anyway; with
 * `when`, only if that name is true (`if user: recv.prot_p()`), which needs a line of its own.
 */
function afterStatement(
  ctx: TransformContext,
  call: Node,
  recv: string,
  when?: string,
): RawFinding | undefined {
  let node = call;
  while (node.parent && UNCONDITIONAL.has(node.parent.type)) node = node.parent;
  const holder = node.parent;
  if (holder?.type !== 'expression_statement' || hasAncestor(call, 'lambda')) {
    const kind = hasAncestor(call, 'lambda') ? 'lambda' : (holder?.type ?? '');
    const reason =
      HOLDER_REASONS[kind] ??
      'login() is part of an expression that may not run it (and/or, a conditional, a comprehension); ' +
        'add prot_p() by hand';
    return finding(call, 'manual', NOT_ADDED, { reason });
  }
  const after = protPAfter(holder, recv, false, when, (n) => ctx.bindings.textOf(n));
  // (a statement that makes the connection anew, `conn = FTP_TLS(h, u, p)`, has no prot_p() before it)
  if (after === true || (!rebinds(holder, recv) && protPPrecedes(holder, recv))) return undefined;
  if (after) return conditionalProtP(ctx, call, after);
  if (when && !(startsLine(ctx.source, holder) && endsLine(ctx.source, holder))) return sometimesLogsIn(call);
  const code = when ? guarded(ctx, holder, when, recv) : `${recv}.prot_p()`;
  return finding(call, 'fixed', FIXED, { edits: [insertAfter(ctx, holder, code)] });
}

/** `with FTP_TLS(host, user, pw) as conn:` — prot_p() is the body's first statement. */
function atBodyStart(
  ctx: TransformContext,
  call: Node,
  withStmt: Node,
  recv: string,
  when?: string,
): RawFinding | undefined {
  const body = withStmt.childForFieldName('body');
  const first = body?.namedChildren.find((s): s is Node => !!s && s.type !== 'comment');
  if (!first)
    return finding(call, 'manual', NO_NAME, { reason: 'the with block has no body to add prot_p() to' });
  const after = protPAfter(first, recv, true, when, (n) => ctx.bindings.textOf(n));
  if (after === true) return undefined;
  if (after) return conditionalProtP(ctx, call, after);
  if (when && !startsLine(ctx.source, first)) return sometimesLogsIn(call);
  const code = when ? guarded(ctx, first, when, recv) : `${recv}.prot_p()`;
  if (!startsLine(ctx.source, first))
    return finding(call, 'fixed', FIXED, {
      edits: [{ start: first.startIndex, end: first.startIndex, text: `${code}; ` }],
    });
  const at = aboveLeadingComments(ctx.source, first, withStmt);
  const text = `${code}${ctx.eol}${indentAt(ctx.source, first.startIndex)}`;
  return finding(call, 'fixed', FIXED, { edits: [{ start: at, end: at, text }] });
}

/** Words of the comments that tools read as directives for the line below (`# nosemgrep`, `# pylint: ...`). */
const DIRECTIVE =
  /\b(noqa|nosec|nosemgrep|pylint|pyright|mypy|type|fmt|pragma|isort|ruff|suppress|ignore|disable)\b/i;

/**
 * Where a new first statement of a block goes: above the comment lines that open the block, so that a comment
 * stays beside the statement it describes. Not when one of them may be a directive for the line below it.
 */
function aboveLeadingComments(text: string, first: Node, compound: Node): number {
  const headerEnd = compound.children.find((c) => c?.type === ':')?.endIndex ?? first.startIndex;
  const indent = indentAt(text, first.startIndex);
  let at = lineStart(text, first.startIndex);
  for (;;) {
    if (at <= headerEnd) break;
    const above = lineStart(text, at - (text[at - 1] === '\n' && text[at - 2] === '\r' ? 2 : 1));
    if (above <= headerEnd) break;
    const line = text.slice(above, lineEnd(text, above));
    if (!line.startsWith(`${indent}#`)) break;
    if (DIRECTIVE.test(line)) return first.startIndex;
    at = above;
  }
  return at === lineStart(text, first.startIndex) ? first.startIndex : at + indent.length;
}

/** `if when:` and `recv.prot_p()` one level deeper on the next line (a tab where the file indents with tabs). */
function guarded(ctx: TransformContext, at: Node, when: string, recv: string): string {
  const indent = indentAt(ctx.source, at.startIndex);
  const unit = indent.startsWith('\t') ? '\t' : '    ';
  return `if ${when}:${ctx.eol}${indent}${unit}${recv}.prot_p()`;
}

/**
 * A new line with the statement's indentation after the statement's line (after any trailing comment), or
 * `; code` when the statement shares its line with others or with a compound statement's header.
 */
function insertAfter(ctx: TransformContext, stmt: Node, code: string): Edit {
  if (startsLine(ctx.source, stmt) && endsLine(ctx.source, stmt)) {
    const at = lineEnd(ctx.source, stmt.endIndex);
    return { start: at, end: at, text: `${ctx.eol}${indentAt(ctx.source, stmt.startIndex)}${code}` };
  }
  return { start: stmt.endIndex, end: stmt.endIndex, text: `; ${code}` };
}

/**
 * A receiver that holds a connection made here on some paths and something else on others (a caller's
 * parameter, a placeholder, another factory's result): prot_p() there could fail on a plain FTP, or on what
 * is not a connection at all. Say what else it may hold.
 */
/** `make() on `: the callee of the call that gives a site its value, when it is a name or attribute. */
function givenBy(value: Node | undefined): string {
  const fn = value?.type === 'call' ? value.childForFieldName('function') : null;
  return fn && /^[\w.]+$/.test(fn.text) ? `${fn.text}() on ` : '';
}

function notOnlyConnection(ctx: TransformContext, call: Node, recv: Node): RawFinding {
  const others: string[] = [];
  if (recv.type === 'identifier') {
    for (const site of ctx.bindings.lookup(recv.text, ctx.bindings.scopeAt(recv))?.sites ?? []) {
      const kind = ctx.bindings.valueOfSite(site).kind;
      if (kind === 'conn' || kind === 'none' || site.fallback) continue;
      const line = site.node.startPosition.row + 1;
      // (`c = make(h)`, make one of several callables: the site itself is a connection on some paths only)
      if (site.kind !== 'param')
        others.push(
          kind === 'partial'
            ? `what ${givenBy(site.value)}line ${line} gives on other paths`
            : `the value of line ${line}`,
        );
      else {
        const calls = ctx.bindings.flow.passedBy(site).filter((p) => p.value.kind !== 'conn');
        const lines = calls.map((p) => p.call.startPosition.row + 1);
        others.push(
          lines.length
            ? `what the call${lines.length > 1 ? 's' : ''} at line${lines.length > 1 ? 's' : ''} ${lines.join(', ')} pass${lines.length > 1 ? '' : 'es'}`
            : `the value its caller passes (line ${line})`,
        );
      }
    }
  }
  const what = others.length ? others.join(', ') : 'a value not known to be a connection';
  const name = ctx.bindings.textOf(recv);
  return finding(call, 'manual', `prot_p() not added: ${name} is not always a connection made here`, {
    reason: `it may also hold ${what}; call prot_p() after login() where it is an FTP_TLS connection`,
  });
}

/** A parameter of unknown origin used as an FTP connection: say so, since we cannot know it is TLS. */
function unknownParameter(ctx: TransformContext, call: Node, recv: Node): RawFinding | undefined {
  // `self.conn` given its value from a parameter (`def __init__(self, conn): self.conn = conn`): that one
  const sources = recv.type === 'attribute' ? ctx.bindings.sourcesOf(recv) : [recv];
  for (const source of sources) {
    if (source.type !== 'identifier') continue;
    const found = ctx.bindings.lookup(source.text, ctx.bindings.scopeAt(source));
    if (!found || found.sites.length === 0 || !found.sites.every((s) => s.kind === 'param')) continue;
    // a method's own `self` is the instance: a connection only in a subclass of ftplib's classes (valueOf knew)
    if (found.scope.classScope && found.scope.selfName === source.text) continue;
    // used as a connection: where the parameter is, or (for self.conn) anywhere in the class
    const where =
      recv.type === 'attribute' ? (found.scope.classScope?.node ?? found.scope.node) : found.scope.node;
    const usedAsFtp = [...where.descendantsOfType('attribute')].some(
      (a) =>
        squash(a?.childForFieldName('object')?.text ?? '') === squash(recv.text) &&
        FTP_METHODS.test(a?.childForFieldName('attribute')?.text ?? ''),
    );
    const fn = textOf(ctx, found.scope.node.childForFieldName('name'));
    const site = found.sites[0];
    // (what the project notes is by a module-level function's or class's name: a method's is not it)
    const passed = ctx.bindings.flow.passedElsewhere(site);
    // a parameter some caller gives an FTP_TLS connection is one, however little it is used here
    if (!usedAsFtp && passed !== 'mixed') continue;
    const via =
      source === recv
        ? ''
        : ` (${ctx.bindings.textOf(recv)} is set from the parameter ${ctx.bindings.textOf(source)})`;
    const cls = found.scope.classScope;
    const who = fn === '__init__' && cls ? textOf(ctx, cls.node.childForFieldName('name')) : fn;
    if (passed === 'other' || passed === 'mixed')
      return finding(call, 'manual', `prot_p() not added: ${who}() is called with other values too`, {
        reason:
          `other modules of the project call ${who}() with values not known to be FTP_TLS connections; call ` +
          'prot_p() after login() where it is one',
      });
    return finding(call, 'manual', 'prot_p() not added: the connection comes from a caller', {
      reason: `it is a parameter whose origin is unknown${via}; if it is FTP_TLS, call prot_p() after login()`,
    });
  }
  return undefined;
}

/** `make().conn`, `a.b().c`: an attribute read through a call. */
function callInChain(recv: Node): boolean {
  for (let n: Node | null = recv; n?.type === 'attribute'; n = n.childForFieldName('object'))
    if (n.childForFieldName('object')?.type === 'call') return true;
  return false;
}

/** A node's text as the stage's text has it (Bindings.textOf), '' for none. */
function textOf(ctx: TransformContext, node: Node | null | undefined): string {
  return node ? ctx.bindings.textOf(node) : '';
}

function hasAncestor(node: Node, type: string): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === type) return true;
    if (p.type === 'function_definition' || p.type === 'class_definition') return false;
  }
  return false;
}
