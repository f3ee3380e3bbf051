// Small questions about Python source shared by transforms: statements, lines, indentation, call arguments.
import type { Node } from 'web-tree-sitter';

export const COMPOUND_STATEMENTS = new Set([
  'if_statement',
  'for_statement',
  'while_statement',
  'try_statement',
  'with_statement',
  'function_definition',
  'class_definition',
  'decorated_definition',
  'match_statement',
]);

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset of the line terminator (or end of text) of the line holding `offset`. */
export function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The whitespace that starts the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(start, i);
}

/** True when only whitespace precedes the node on its first line. */
export function startsLine(text: string, node: Node): boolean {
  return text.slice(lineStart(text, node.startIndex), node.startIndex).trim() === '';
}

/** True when only whitespace or a comment follows the node on its last line. */
export function endsLine(text: string, node: Node): boolean {
  const rest = text.slice(node.endIndex, lineEnd(text, node.endIndex)).trim();
  return rest === '' || rest.startsWith('#');
}

/** A call's arguments, sorted out; comments left out. */
export interface CallArguments {
  /** The argument_list; undefined for `f(x for x in y)`, whose only argument is a generator. */
  list?: Node;
  /** Every argument, in order. */
  all: Node[];
  positional: Node[];
  /** Keyword name -> its value. */
  keywords: Map<string, Node>;
  /** `*args` is among them. */
  listSplat: boolean;
  /** `**kwargs` is among them. */
  dictSplat: boolean;
}

export function callArguments(call: Node): CallArguments {
  const found = call.childForFieldName('arguments');
  const list = found?.type === 'argument_list' ? found : undefined;
  const out: CallArguments = {
    list,
    all: [],
    positional: [],
    keywords: new Map(),
    listSplat: false,
    dictSplat: false,
  };
  for (const arg of list?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    out.all.push(arg);
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) out.keywords.set(name, value);
    } else if (arg.type === 'list_splat') out.listSplat = true;
    else if (arg.type === 'dictionary_splat') out.dictSplat = true;
    else out.positional.push(arg);
  }
  return out;
}

/** A class's positional bases (`class C(A, B, metaclass=M)`: A and B). */
export function positionalBases(cls: Node): Node[] {
  const bases = cls.childForFieldName('superclasses')?.namedChildren ?? [];
  return bases.filter((b): b is Node => !!b && b.type !== 'keyword_argument' && b.type !== 'comment');
}

/** The function definitions of a class's own body (decorated ones too), with their names. */
export function methodsOf(cls: Node): { name: string | undefined; def: Node }[] {
  const out: { name: string | undefined; def: Node }[] = [];
  for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
    const def = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (def?.type === 'function_definition') out.push({ name: def.childForFieldName('name')?.text, def });
  }
  return out;
}

/** The call whose callee is `node` (`FTP(...)` for the `FTP` node), if any. */
export function callOf(node: Node): Node | undefined {
  const parent = node.parent;
  if (parent?.type === 'call' && parent.childForFieldName('function')?.id === node.id) return parent;
  return undefined;
}

/** The statements after `stmt` in its block. */
export function followingStatements(stmt: Node): Node[] {
  const out: Node[] = [];
  for (let s = stmt.nextNamedSibling; s; s = s.nextNamedSibling) if (s.type !== 'comment') out.push(s);
  return out;
}

/**
 * The statements that run after `stmt` when it completes normally, in order: the rest of its block, a try's
 * else and finally blocks, then what follows each enclosing compound statement, up to the enclosing function.
 * Branches not taken (other if arms, except handlers) and loop repetition are left out.
 */
export function* statementsAfter(stmt: Node): Generator<Node> {
  for (let s: Node = stmt; ;) {
    yield* followingStatements(s);
    const block = s.parent;
    if (block?.type !== 'block') return;
    let up: Node | null = block.parent;
    while (up && !COMPOUND_STATEMENTS.has(up.type)) up = up.parent;
    if (!up || up.type === 'function_definition' || up.type === 'class_definition') return;
    if (up.type === 'try_statement' && up.childForFieldName('body')?.id === block.id) {
      for (const clause of up.namedChildren) {
        if (clause?.type !== 'else_clause' && clause?.type !== 'finally_clause') continue;
        const body = clause.namedChildren.find((c) => c?.type === 'block');
        for (const inner of body?.namedChildren ?? []) if (inner && inner.type !== 'comment') yield inner;
      }
    }
    s = up;
  }
}

/** Is the statement `<recv>.<method>(...)` (receiver compared without whitespace)? */
export function isMethodCallStatement(stmt: Node, recv: string, method: string): boolean {
  if (stmt.type !== 'expression_statement') return false;
  const call = stmt.namedChildren[0];
  return call?.type === 'call' && isMethodCall(call, recv, method);
}

/** Does the node use the receiver expression `recv` (a name or `self.attr`) anywhere? */
export function mentions(node: Node, recv: string): boolean {
  const want = squash(recv);
  const visit = (n: Node): boolean => {
    if ((n.type === 'identifier' || n.type === 'attribute') && squash(n.text) === want) {
      const parent = n.parent;
      const isAttrName = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === n.id;
      const isKeyword = parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === n.id;
      if (!isAttrName && !isKeyword) return true;
    }
    return n.namedChildren.some((c) => !!c && visit(c));
  };
  return visit(node);
}

/**
 * Does `recv.prot_p()` run after `stmt` before anything could use the data channel (true)? Statements that
 * only call control-channel methods on `recv` (set_pasv, cwd, ...) may come between; a prot_p() that only
 * comes after a transfer (or any other use) leaves that use in cleartext, so it does not count (false). When
 * the next use is an `if` or `try` under which the code calls `recv.prot_p()` on its own terms
 * (`if secure: ftp.prot_p()`), that statement: the code decides when to protect. With `inclusive`, `stmt` is
 * looked at too.
 */
export function protPAfter(
  stmt: Node,
  recv: string,
  inclusive = false,
  when?: string,
  /** A node's text as the stage's text has it (Bindings.textOf: renamed names say FTP_TLS). */
  textOf: (node: Node) => string = (node) => node.text,
): boolean | Node {
  const candidates = inclusive ? [stmt, ...statementsAfter(stmt)] : statementsAfter(stmt);
  for (const next of candidates) {
    if (isMethodCallStatement(next, recv, 'prot_p')) return true;
    if (isGuardedProtP(next, recv, when, textOf)) return true;
    if (!mentions(next, recv) || onlyControlCalls(next, recv)) continue;
    // an `if` (or a `try` that tolerates its failure) the code put its prot_p() under: its own decision
    const guarded =
      next.type === 'if_statement'
        ? next.childForFieldName('consequence')
        : next.type === 'try_statement'
          ? next.childForFieldName('body')
          : undefined;
    const conditional = !!guarded
      ?.descendantsOfType('call')
      .some((c) => !!c && isMethodCall(c, recv, 'prot_p'));
    return conditional ? next : false;
  }
  return false;
}

/**
 * `if <cond>: recv.prot_p()` with no other branch, where the condition is `when` (prot_p() exactly when a
 * login that depends on it ran) or a TLS check on recv, true for every FTP_TLS (`hasattr(recv, "prot_p")`).
 */
function isGuardedProtP(
  stmt: Node,
  recv: string,
  when: string | undefined,
  textOf: (node: Node) => string,
): boolean {
  if (stmt.type !== 'if_statement' || stmt.childForFieldName('alternative')) return false;
  const condition = stmt.childForFieldName('condition');
  if (!condition) return false;
  if (!(when && squash(condition.text) === squash(when)) && !isTlsCheck(condition, recv, textOf))
    return false;
  const first = stmt.childForFieldName('consequence')?.namedChildren.find((c) => c?.type !== 'comment');
  return !!first && isMethodCallStatement(first, recv, 'prot_p');
}

/**
 * `hasattr(recv, "prot_p")` (or another method only FTP_TLS has) or `isinstance(recv, ...FTP_TLS...)`: false
 * for FTP, true once the connection is rewritten to FTP_TLS.
 */
export function isTlsCheck(
  condition: Node,
  recv: string,
  textOf: (node: Node) => string = (node) => node.text,
): boolean {
  if (condition.type !== 'call') return false;
  const fn = condition.childForFieldName('function')?.text;
  const [object, what] = callArguments(condition).positional;
  if (!object || !what || squash(object.text) !== squash(recv)) return false;
  if (fn === 'hasattr') return /^['"](prot_p|prot_c|auth|ccc|context)['"]$/.test(what.text);
  return fn === 'isinstance' && /\bFTP_TLS\b/.test(textOf(what));
}

/**
 * The first `if <TLS check on recv>:` whose body calls `recv.prot_p()` that runs after `stmt` (inclusive)
 * before any `recv.login(...)`: once FTP becomes FTP_TLS, that prot_p() would run before the login.
 */
export function tlsGuardBeforeLogin(stmt: Node, recv: string, inclusive: boolean): Node | undefined {
  const candidates = inclusive ? [stmt, ...statementsAfter(stmt)] : statementsAfter(stmt);
  for (const next of candidates) {
    const events = [
      ...next.descendantsOfType('if_statement').filter((s): s is Node => !!s && guardsProtP(s, recv)),
      ...next.descendantsOfType('call').filter((c): c is Node => !!c && isMethodCall(c, recv, 'login')),
    ].sort((a, b) => a.startIndex - b.startIndex);
    if (events.length) return events[0].type === 'if_statement' ? events[0] : undefined;
  }
  return undefined;
}

function guardsProtP(stmt: Node, recv: string): boolean {
  const condition = stmt.childForFieldName('condition');
  if (!condition || !isTlsCheck(condition, recv)) return false;
  const body = stmt.childForFieldName('consequence');
  return !!body?.descendantsOfType('call').some((c) => !!c && isMethodCall(c, recv, 'prot_p'));
}

function isMethodCall(call: Node, recv: string, method: string): boolean {
  const fn = call.childForFieldName('function');
  return (
    fn?.type === 'attribute' &&
    fn.childForFieldName('attribute')?.text === method &&
    squash(fn.childForFieldName('object')!.text) === squash(recv)
  );
}

/** Methods of FTP that use only the control channel, and leave the protection level as it is. */
const CONTROL_ONLY = new Set([
  'set_pasv',
  'set_debuglevel',
  'debug',
  'cwd',
  'pwd',
  'getwelcome',
  'mkd',
  'rmd',
  'delete',
  'rename',
  'size',
]);

/** Is every use of `recv` in `stmt` a call of a control-only method (`recv.cwd(...)`)? */
function onlyControlCalls(stmt: Node, recv: string): boolean {
  const want = squash(recv);
  const visit = (n: Node): boolean => {
    if ((n.type === 'identifier' || n.type === 'attribute') && squash(n.text) === want) {
      const attr = n.parent;
      const isMethod =
        attr?.type === 'attribute' &&
        attr.childForFieldName('object')?.id === n.id &&
        CONTROL_ONLY.has(attr.childForFieldName('attribute')?.text ?? '') &&
        attr.parent?.type === 'call';
      if (!isMethod) return false;
    }
    return n.namedChildren.every((c) => !c || visit(c));
  };
  return visit(stmt);
}

/**
 * Did `recv.prot_p()` run before `stmt` on the way to it (earlier in its block or an enclosing one, within
 * the function), with nothing in between rebinding `recv` or dropping the protection (prot_c, ccc)?
 * PROT P set before login() stays set after it, but only once the control channel is TLS: a prot_p() with
 * no auth() (or login()) before it is refused by the server (503) and protects nothing.
 */
export function protPPrecedes(stmt: Node, recv: string): boolean {
  let protP = false;
  for (const prev of statementsBefore(stmt)) {
    if (isMethodCallStatement(prev, recv, protP ? 'auth' : 'prot_p')) {
      if (protP) return true;
      protP = true;
      continue;
    }
    if (protP && isMethodCallStatement(prev, recv, 'login')) return true;
    // dropped again, or a new session (the server starts it at PROT C) since that prot_p()
    if (['prot_c', 'ccc', 'connect', 'close', 'quit'].some((m) => isMethodCallStatement(prev, recv, m)))
      return false;
    if (prev.type !== 'expression_statement' || rebinds(prev, recv)) return false;
  }
  return false;
}

/**
 * The statements that ran just before `stmt`, nearest first: earlier in its block, then before the compound
 * statement holding the block, up to the function (a loop's body runs again after what follows it: what
 * precedes the loop is not "just before" each time, so the walk ends there).
 */
function* statementsBefore(stmt: Node): Generator<Node> {
  for (let s: Node | null = stmt; s;) {
    for (let prev = s.previousNamedSibling; prev; prev = prev.previousNamedSibling)
      if (prev.type !== 'comment') yield prev;
    const block: Node | null = s.parent;
    if (block?.type !== 'block') return;
    let up: Node | null = block.parent;
    while (up && !COMPOUND_STATEMENTS.has(up.type)) up = up.parent;
    if (!up || up.type === 'function_definition' || up.type === 'class_definition') return;
    if (up.type === 'for_statement' || up.type === 'while_statement') return;
    s = up;
  }
}

/** Does an expression statement assign to `recv` (`recv = ...`, `recv, x = ...`)? */
export function rebinds(stmt: Node, recv: string): boolean {
  const expr = stmt.namedChildren[0];
  if (expr?.type !== 'assignment' && expr?.type !== 'augmented_assignment') return false;
  const left = expr.childForFieldName('left');
  return !!left && mentions(left, recv);
}

/** Test helpers whose block expects an exception: a login there is expected to fail. */
const EXPECTS_FAILURE = /(^|\.)(raises|assertRaises|assertRaisesRegex|assertRaisesRegexp|failUnlessRaises)$/;

/** Is `node` inside `with pytest.raises(...)` / `with self.assertRaises(...)` (within its function)? */
export function insideExpectedFailure(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition') return false;
    if (p.type !== 'with_statement') continue;
    for (const item of p.descendantsOfType('with_item')) {
      let value = item?.childForFieldName('value');
      if (value?.type === 'as_pattern') value = value.namedChildren[0];
      const fn = value?.type === 'call' ? value.childForFieldName('function') : null;
      if (fn && EXPECTS_FAILURE.test(squash(fn.text)) && item!.parent?.parent?.id === p.id) return true;
    }
  }
  return false;
}

/** Text without whitespace, to compare expressions as written (`self . ftp` is `self.ftp`). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** A string literal that is empty (`''`, `""`), so a constructor given it as user does not log in. */
export function isEmptyString(node: Node | undefined): boolean {
  return !!node && node.type === 'string' && /^[rRbBuU]*(''|"")$/.test(node.text);
}

/** `None` or an empty string literal: a user that makes FTP.__init__ skip its login. */
export function isNoneOrEmpty(node: Node | undefined): boolean {
  return !!node && (node.type === 'none' || isEmptyString(node));
}

/**
 * String literals in `__all__ = [...]` / `__all__ += [...]` at module level, also inside module-level
 * compound statements (`if TYPE_CHECKING:`, `try:`), not in functions or classes.
 */
export function exportedNames(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (statements: (Node | null)[]) => {
    for (const stmt of statements) {
      if (!stmt || stmt.type === 'function_definition' || stmt.type === 'class_definition') continue;
      if (stmt.type === 'decorated_definition' || stmt.type === 'comment') continue;
      if (stmt.type !== 'expression_statement') {
        // a compound statement: its blocks, and the clauses (elif, else, except, finally) that hold blocks
        for (const part of stmt.namedChildren)
          if (part?.type === 'block') visit(part.namedChildren);
          else if (part && /_clause$/.test(part.type))
            for (const inner of part.namedChildren) if (inner?.type === 'block') visit(inner.namedChildren);
        continue;
      }
      const expr = stmt.namedChildren[0];
      if (!expr || (expr.type !== 'assignment' && expr.type !== 'augmented_assignment')) continue;
      if (expr.childForFieldName('left')?.text !== '__all__') continue;
      const value = expr.childForFieldName('right');
      for (const item of value?.namedChildren ?? []) if (item?.type === 'string') out.push(item);
    }
  };
  visit(root.namedChildren);
  return out;
}

/** String literals in type annotations (`bindings.annotations()`): parameters, returns, annotated assignments. */
export function annotationStrings(annotations: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const type of annotations) {
    for (const str of type.descendantsOfType('string')) if (str) out.push(str);
  }
  return out;
}

/** The text of a plain string literal (no prefix needing care, no interpolation), else undefined. */
export function stringValue(str: Node): string | undefined {
  const m = /^[uU]?(['"])(.*)\1$/s.exec(str.text);
  return m ? m[2] : undefined;
}
