// What a login call looks like, asked in one place by every part that looks for one: prot-p and
// hardcoded-credentials on the tree, the flow's helper questions on a function's text, the project scan on a
// file's bytes. A login is `recv.login(...)` or `getattr(recv, "login")(...)` (the builtin getattr).
// Kept free of runtime imports of the analysis: the scan loads it before any file needs the pipeline.
import type { Node } from 'web-tree-sitter';
import type { Bindings } from './bindings.js';
import { callArguments } from '../syntax.js';

/** Some login call in a text: a file calls login() only if this matches. */
export const ANY_LOGIN = /\.\s*login\s*\(|\bgetattr\s*\([^()]*,\s*(['"])login\1\s*\)\s*\(/;

/** A login of the receiver `recv` (a regular expression's source, e.g. an escaped name) in a text. */
export function loginOf(recv: string): RegExp {
  return new RegExp(
    `(?<![\\w.])${recv}\\s*\\.\\s*login\\s*\\(|\\bgetattr\\s*\\(\\s*${recv}\\s*,\\s*(['"])login\\1\\s*\\)\\s*\\(`,
  );
}

/** What the call logs in: the receiver of `recv.login(...)` or `getattr(recv, "login")(...)`. */
export function loginReceiver(bindings: Bindings, call: Node): Node | undefined {
  const { fn, attribute } = bindings.callee(call);
  if (attribute === 'login') return fn!.childForFieldName('object')!;
  const got = getattrCall(bindings, call);
  return got && got.name.type === 'string' && /^(['"])login\1$/.test(got.name.text) ? got.recv : undefined;
}

/** `getattr(recv, name)(...)`, the builtin getattr with two arguments. */
export function getattrCall(bindings: Bindings, call: Node): { recv: Node; name: Node } | undefined {
  const { fn, type } = bindings.callee(call);
  if (type !== 'call') return undefined;
  const inner = bindings.callee(fn!);
  if (inner.type !== 'identifier' || inner.fn!.text !== 'getattr') return undefined;
  if (bindings.lookup('getattr', bindings.scopeAt(fn!))) return undefined;
  const { positional, all } = callArguments(fn!);
  if (all.length !== 2 || positional.length !== 2) return undefined;
  return { recv: positional[0], name: positional[1] };
}
