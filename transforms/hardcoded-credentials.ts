// Transform hardcoded-credentials (report only, it never edits): an FTP login whose password is written in
// the code. Encrypting the session (ftp-to-ftp-tls, prot-p) protects the password on the wire; a password in
// the source is readable by everyone who can read the code, a copy of it or its history, whatever the wire.
//
// What counts (README "Hard-coded credentials"), on ftplib connections and classes only (the analysis says
// which, src/analysis/bindings.ts): `conn.login(user, passwd)` and the constructor's login `FTP_TLS(host, user,
// passwd)` (also a subclass without its own __init__, and `super().__init__(host, user, passwd)` in one with
// it), when the password is a non-empty constant string: a literal (also an f-string without a replacement
// field, implicit or `+` concatenation of literals), or a name whose every binding in the scope Python looks it
// up in is one (`PASSWORD = "s3cret"` at module level, used in a function). Not: anything computed at run time
// (a parameter, even with a default: bandit's B107 covers defaults; os.environ, a call, an f-string with a
// replacement field, `"prefix" + suffix`), an anonymous login (no user, an empty one, "anonymous" or "ftp"),
// an empty password, and `acct` (accounting information, sent only if the server asks).
import type { Node } from 'web-tree-sitter';
import { loginReceiver } from '../src/analysis/login-call.js';
import { findingsFor } from '../src/finding.js';
import { callArguments } from '../src/syntax.js';
import type { RawFinding, Transform, TransformContext } from '../src/types.js';

const RULE = 'hardcoded-credentials';
const finding = findingsFor(RULE);
/** The users ftplib and FTP servers treat as an anonymous login, whose password is no secret. */
const ANONYMOUS = /^(anonymous|ftp)$/i;
const WHERE_FROM = 'read it from an environment variable, a secrets manager or ~/.netrc';
const WHY =
  'anyone who can read the code or its history has it; read it at run time (os.environ["FTP_PASSWORD"], ' +
  'a secrets manager, netrc.netrc().authenticators(host)) and change the password, it has been exposed';

export const hardcodedCredentials: Transform = {
  name: RULE,
  description:
    'Report FTP logins whose password is a string in the code (report only: nothing is changed); ' +
    'read it from the environment, a secrets manager or ~/.netrc',
  helpUri: 'https://cwe.mitre.org/data/definitions/798.html',
  reportOnly: true,
  run(ctx) {
    const findings: RawFinding[] = [];
    for (const call of ctx.bindings.calls()) {
      const login = loginOf(ctx, call);
      if (!login) continue;
      const f = check(ctx, call, login);
      if (f) findings.push(f);
    }
    return { findings };
  },
};

/** A call that logs in: what it is called in messages, and its user and password arguments. */
interface Login {
  what: string;
  user: Node | undefined;
  passwd: Node | undefined;
}

function loginOf(ctx: TransformContext, call: Node): Login | undefined {
  const { fn, attribute } = ctx.bindings.callee(call);
  if (!fn) return undefined;
  // the arguments only of a call that logs in: most calls of a file are not one
  const at = (offset: number, what = `${ctx.bindings.textOf(fn)}()`): Login => {
    const { positional, keywords } = callArguments(call);
    return {
      what,
      user: positional[offset] ?? keywords.get('user'),
      passwd: positional[offset + 1] ?? keywords.get('passwd'),
    };
  };
  // conn.login(user, passwd, acct) (or getattr(conn, "login")(...)) on what is, or may be, an ftplib connection
  const recv = loginReceiver(ctx.bindings, call);
  if (recv) {
    const value = ctx.bindings.valueOf(recv);
    return value.kind === 'conn' || value.kind === 'partial' ? at(0, 'login()') : undefined;
  }
  // FTP(host, user, passwd, acct, ...): FTP.__init__ logs in when given a user; also FTP_TLS and subclasses
  // (`x.append(...)`: through a name no class can be reached by, no constructor: not asked)
  const maybeClass = attribute === undefined || ctx.bindings.mayBeClassAttribute(attribute);
  const callee = maybeClass ? ctx.bindings.valueOf(fn) : undefined;
  if (callee?.kind === 'class') return callee.ownInit ? undefined : at(1);
  // one of several callables, an FTP class among them (`for make in (open_link, FTP)`): on some paths it is
  if (callee?.kind === 'callables' && callee.of.some((c) => c.kind === 'class' && !c.ownInit)) return at(1);
  // super().__init__(host, user, passwd) / FTP.__init__(self, host, user, passwd) in a subclass
  const parent = ctx.bindings.parentInit(call);
  if (parent && !parent.base.ownInit) return at(parent.offset + 1);
  return undefined;
}

/** The constant string an expression always is, and where it is written; undefined if not a constant. */
interface Constant {
  value: string;
  /** The name the argument is, when it is one bound only to constants (the first binding). */
  name?: string;
  line?: number;
  /** The assignments of that name: a suppression marker there counts too. */
  sites: Node[];
}

function check(ctx: TransformContext, call: Node, login: Login): RawFinding | undefined {
  if (!login.passwd) return undefined;
  const passwd = constantOf(ctx, login.passwd);
  if (!passwd || passwd.value === '') return undefined;
  // ftplib logs in as anonymous without a user (or with an empty one); its password is an e-mail, no secret
  if (!login.user) return undefined;
  const user = constantOf(ctx, login.user);
  if (user && (user.value === '' || ANONYMOUS.test(user.value))) return undefined;

  const marker =
    ctx.suppressor.markerFor(call, 'credentials') ??
    passwd.sites.map((s) => ctx.suppressor.markerFor(s, 'credentials')).find((m) => m !== undefined);
  if (marker)
    return finding(login.passwd, 'suppressed', `hard-coded password kept: suppressed by ${marker}`, {
      marker,
    });
  const source = passwd.name
    ? `${passwd.name} is only ever a string literal (line ${passwd.line})`
    : 'the password is a string literal';
  return finding(login.passwd, 'manual', `hard-coded password in ${login.what}: ${WHERE_FROM}`, {
    reason: `${source}; ${WHY}`,
  });
}

/**
 * A constant string: a literal without replacement fields (f-strings included), implicit or `+`
 * concatenations of such, in parentheses; or a name whose every binding where Python finds it assigns one.
 */
function constantOf(ctx: TransformContext, expr: Node): Constant | undefined {
  const literal = literalValue(expr);
  if (literal !== undefined) return { value: literal, sites: [] };
  if (expr.type !== 'identifier') return undefined;
  const found = ctx.bindings.lookup(expr.text, ctx.bindings.scopeAt(expr));
  if (!found || found.sites.length === 0) return undefined;
  if (found.star.length) return undefined; // `from x import *` may bind it too
  const values: string[] = [];
  for (const site of found.sites) {
    const value = site.kind === 'assign' && site.value ? literalValue(site.value) : undefined;
    if (value === undefined) return undefined;
    values.push(value);
  }
  // one of them empty: not always a password (the empty one logs in with none)
  const value = values.includes('') ? '' : values[0];
  const first = found.sites[0].node;
  return {
    value,
    name: ctx.bindings.textOf(expr),
    line: ctx.inputLine?.(first.startIndex) ?? first.startPosition.row + 1,
    sites: found.sites.map((s) => s.node),
  };
}

/** The value of a constant string expression (escapes left as written: only emptiness and words matter). */
function literalValue(expr: Node): string | undefined {
  switch (expr.type) {
    case 'string': {
      if (expr.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
      const start = expr.namedChildren.find((c) => c?.type === 'string_start');
      const end = expr.namedChildren.find((c) => c?.type === 'string_end');
      if (!start || !end) return undefined;
      return expr.text.slice(start.endIndex - expr.startIndex, end.startIndex - expr.startIndex);
    }
    case 'concatenated_string': {
      const parts = expr.namedChildren.map((c) => (c ? literalValue(c) : undefined));
      return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
    }
    case 'binary_operator': {
      if (expr.childForFieldName('operator')?.text !== '+') return undefined;
      const left = expr.childForFieldName('left');
      const right = expr.childForFieldName('right');
      const a = left ? literalValue(left) : undefined;
      const b = right ? literalValue(right) : undefined;
      return a !== undefined && b !== undefined ? a + b : undefined;
    }
    case 'parenthesized_expression': {
      const inner = expr.namedChildren[0];
      return inner ? literalValue(inner) : undefined;
    }
    default:
      return undefined;
  }
}
