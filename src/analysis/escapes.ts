// Where the trail of a connection ends inside this file: it is logged in through a container element, its
// bound login() or its class is handed to code that calls it later (an executor, map()), or it goes into a
// call ftptls cannot see into and what comes back is logged in. Each is a place to report, not to guess.
import type { Node } from 'web-tree-sitter';
import type { Bindings } from './bindings.js';
import type { Value } from './value.js';
import { callArguments } from '../syntax.js';

export interface Escape {
  /** Where to report it. */
  node: Node;
  message: string;
  reason: string;
}

/** Callees that only look at a class (or wrap it in a way the analysis follows): handing it to them is fine. */
const READS_CLASS =
  /^(isinstance|issubclass|type|print|repr|str|id|hash|getattr|hasattr|setattr|vars|dir|partial|functools\.partial|closing|contextlib\.closing|super)$|(^|\.)(patch\.object|create_autospec|Mock|MagicMock|assertIsInstance|assertIs|assertEqual|raise_from|reraise|debug|info|warning|error|exception|log)$/;

const isConnection = (v: Value) => (v.kind === 'conn' && v.tls) || (v.kind === 'partial' && v.conn.tls);

/** `conns[host].login()`: an element of a container of connections. */
export function containerLogin(bindings: Bindings, recv: Node): Escape | undefined {
  if (recv.type !== 'subscript' || !isConnection(bindings.valueOf(recv))) return undefined;
  return {
    node: recv,
    message: 'prot_p() not added: the connection is logged in through a container',
    reason: `${bindings.textOf(recv)} is an element of a container of connections; call prot_p() on it after login() by hand`,
  };
}

/** `pool.submit(conn.login, user, pw)`: a connection's login handed on as a callable, called who knows when. */
export function boundLogins(bindings: Bindings, source: string): Escape[] {
  const out: Escape[] = [];
  for (const m of source.matchAll(/\.\s*login\b(?!\s*\()/g)) {
    const at = m.index + m[0].length - 'login'.length;
    const id = bindings.tree.rootNode.descendantForIndex(at, at + 'login'.length);
    const attribute = id?.parent;
    if (id?.type !== 'identifier' || attribute?.type !== 'attribute') continue;
    if (attribute.childForFieldName('attribute')?.id !== id.id) continue;
    if (
      attribute.parent?.type === 'call' &&
      attribute.parent.childForFieldName('function')?.id === attribute.id
    )
      continue;
    if (!isConnection(bindings.valueOf(attribute.childForFieldName('object')))) continue;
    out.push({
      node: attribute,
      message: 'prot_p() not added: login is handed on to be called elsewhere',
      reason:
        `${bindings.textOf(attribute)} is passed on as a callable (an executor, a callback), so no statement follows the ` +
        'login here; call prot_p() on the connection once that call has run',
    });
  }
  return out;
}

/**
 * `map(FTP_TLS, hosts)`, `executor.submit(FTP_TLS, host, user, pw)`: an FTP class handed to a call the
 * analysis does not follow, which makes the connections (and may log them in) out of sight.
 */
export function handedClass(bindings: Bindings, call: Node): Escape[] {
  // Only arguments spelled like an FTP class are asked about (FTP_TLS, ftplib.FTP, MirrorFTP): asking the
  // analysis about every argument of every call would cost more than the rest of the file
  const args = callArguments(call).all.filter((a) => /ftp/i.test(a.text));
  if (args.length === 0) return [];
  const fn = call.childForFieldName('function');
  if (!fn || READS_CLASS.test(fn.text.replace(/\s+/g, ''))) return [];
  const callee = bindings.valueOf(fn);
  // a function or class of this file: the analysis follows what it does with the class
  if (callee.kind === 'function' || callee.kind === 'class' || callee.kind === 'known') return [];
  if (fn.type === 'identifier' && bindings.classBodyOf(fn)) return [];
  const out: Escape[] = [];
  for (const arg of args) {
    const value = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
    if (value?.type !== 'identifier' && value?.type !== 'attribute') continue;
    const v = bindings.valueOf(value);
    if (v.kind !== 'class' || !v.tls) continue;
    out.push({
      node: value,
      message: `prot_p() not added: ${bindings.textOf(value)} is handed to ${bindings.textOf(fn)}()`,
      reason: 'the connections made from it there are out of sight; call prot_p() after each of their logins',
    });
  }
  return out;
}

/**
 * `conn = wrap(FTP_TLS(host)); conn.login()`: the receiver comes from a call the analysis cannot see into,
 * given a connection; it may well be that connection.
 */
export function throughUnknownCall(bindings: Bindings, recv: Node): Escape | undefined {
  if (recv.type !== 'identifier') return undefined;
  for (const site of bindings.lookup(recv.text, bindings.scopeAt(recv))?.sites ?? []) {
    const value = site.kind === 'assign' ? site.value : undefined;
    if (value?.type !== 'call') continue;
    const given = callArguments(value).all.find((a) => isConnection(bindings.valueOf(a)));
    if (!given) continue;
    const fn = value.childForFieldName('function');
    const callee = fn ? bindings.textOf(fn) : 'a call';
    const name = bindings.textOf(recv);
    return {
      node: recv,
      message: `prot_p() not added: ${name} comes from ${callee}(), which is given a connection`,
      reason:
        `${callee}() (line ${value.startPosition.row + 1}) may return the connection it is given; if ` +
        `${name} is that FTP_TLS connection, call prot_p() after login()`,
    };
  }
  return undefined;
}
