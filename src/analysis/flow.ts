// Flow summaries: what a call gives back, as far as ftplib is concerned. A function's returns (its yields,
// for a generator or a @contextmanager), what wrappers hand back (contextlib.closing, ExitStack's
// enter_context, functools.partial), and what the calls of a function in this file pass for a parameter.
// Bindings asks these questions for calls and parameters; each answer is computed once and kept. Recursion
// is cut: a function's own recursive call adds nothing to what it returns.
import type { Node } from 'web-tree-sitter';
import type { Bindings, BindingSite } from './bindings.js';
import {
  container,
  merge,
  mergeChoice,
  type CallablesValue,
  type CallableValue,
  type FunctionValue,
  type UnfollowedValue,
  type Value,
} from './value.js';
import { UNFOLLOWED } from './callables.js';
import { callArguments, methodsOf } from '../syntax.js';
import type { Passed } from '../project/types.js';
import { dynamicImport } from '../project/dynamic-import.js';
import { loginOf } from './login-call.js';

const OTHER: Value = { kind: 'other' };
const NONE: Value = { kind: 'none' };

/** Methods that hand back the context manager they are given (`stack.enter_context(FTP(host))`). */
const HANDS_BACK = new Set(['enter_context', 'enter_async_context']);

/** Decorators that change what a function is; any other is taken to keep what it returns (retry, caching). */
const CONTEXT_MANAGER = /(^|\.)(async)?contextmanager$/;
const PROPERTY = /(^|\.)(cached_)?property$/;
const STATIC = /(^|\.)(staticmethod|classmethod)$/;

/** What is called on a connection: a parameter used so may receive one from its callers. */
const CONNECTION_METHODS =
  'login|prot_p|connect|storbinary|storlines|retrbinary|retrlines|nlst|mlsd|dir|cwd|pwd|sendcmd|voidcmd|quit|close|set_pasv|auth|size|delete|rename|mkd|rmd|transfercmd|ntransfercmd|getwelcome';

/** A name all of whose characters the patterns' `\w` matches. */
const WORD = /^\w+$/;

/**
 * Uses of `name` that a parameter receiving a connection or a class would have: called, a connection's method
 * called on it, stored (`self.conn = conn`), returned, or handed on.
 */
export function usesAsConnection(body: string, name: string): boolean {
  return new RegExp(
    `(?<![\\w.])${name}\\s*(\\(|\\.\\s*(${CONNECTION_METHODS})\\b)|=\\s*${name}\\s*$|` +
      `\\breturn\\s+${name}\\b|[(,]\\s*${name}\\s*[,)]`,
    'm',
  ).test(body);
}

/**
 * The same four patterns with the name left open, for one scan that collects every name they match. Each
 * consumes one character (`=`, `(`, `,`) or one whole word (the name, `return`) and reads the name in a
 * lookahead, so no match hides another: a name's match starts at a word's start or at such a character,
 * never inside what an earlier match consumed, and at one position only one pattern can match.
 */
const USED_NAMES = new RegExp(
  `(?<![\\w.])(\\w+)(?=\\s*(?:\\(|\\.\\s*(?:${CONNECTION_METHODS})\\b))|=(?=\\s*(\\w+)\\s*$)|` +
    `[(,](?=\\s*(\\w+)\\s*[,)])|\\breturn(?=\\s+(\\w+)\\b)`,
  'gm',
);

/** Every name `usesAsConnection` is true of in `body` (for names of word characters only). */
export function namesUsedAsConnection(body: string): Set<string> {
  const names = new Set<string>();
  for (const match of body.matchAll(USED_NAMES)) names.add(match[1] ?? match[2] ?? match[3] ?? match[4]);
  return names;
}

/** What Flow reads of the code's structure and text, the same for every fork: no values in it. */
class FlowShape {
  callsByName?: Map<string, Node[]>;
  readonly bodies = new Map<number, string>();
  /** Per function (def id): the names its body uses as a connection could be used. */
  readonly usedNames = new Map<number, Set<string>>();
  /** Per function (def id): its returns and yields (see exits). */
  readonly exits = new Map<number, { returns: (Node | null)[]; yields: (Node | null)[] }>();
}

export class Flow {
  private readonly returnsMemo = new Map<number, Value>();
  private readonly argumentsMemo = new Map<number, Value | undefined>();
  /** Functions and parameters being evaluated: met again, they add nothing (a recursive call). */
  private readonly active = new Set<string>();

  constructor(
    private readonly bindings: Bindings,
    private readonly shape = new FlowShape(),
  ) {}

  /** A Flow for `bindings` (a fork of this one's analysis, on the same tree): its values asked afresh. */
  fork(bindings: Bindings): Flow {
    return new Flow(bindings, this.shape);
  }

  /** A recursion cut short (see Bindings.cycleCuts): it adds nothing. */
  private cut(): Value {
    this.bindings.cycleCuts++;
    return NONE;
  }

  /** A `def` as a value: how it is decorated decides what calling it gives. */
  functionValue(def: Node): FunctionValue {
    const decorators = this.bindings
      .decoratorsOf(def)
      .map((d) => d.text.slice(1).trim().replace(/\(.*$/s, ''));
    return {
      kind: 'function',
      def,
      contextManager: decorators.some((d) => CONTEXT_MANAGER.test(d)),
      property: decorators.some((d) => PROPERTY.test(d)),
      bound: !decorators.some((d) => STATIC.test(d)),
    };
  }

  /** What a call evaluates to. */
  callValue(call: Node): Value {
    const { fn, attribute } = this.bindings.callee(call);
    if (!fn) return OTHER;
    const first = () => this.bindings.valueOf(callArguments(call).positional[0]);
    if (HANDS_BACK.has(attribute ?? '')) return first();
    if (attribute === 'values' || attribute === 'items') {
      // a dict's values, or its (key, value) pairs (the analysis keeps a dict's values alone)
      const dict = this.bindings.valueOf(this.bindings.facts.field(fn, 'object'));
      if (dict.kind === 'container')
        return attribute === 'values' ? dict : container([container([OTHER, dict.of], [OTHER, dict.of])]);
    }
    const callee = this.bindings.valueOf(fn);
    switch (callee.kind) {
      case 'class':
      case 'function':
      case 'external':
      case 'callables':
      case 'unfollowed':
        return this.callResult(callee);
      case 'holder':
        // an instance of a project class that holds connections: read through its attributes
        return callee.instance ? OTHER : { ...callee, instance: true };
      case 'known':
        if (callee.name === 'contextlib.closing') return first();
        if (callee.name === 'importlib.import_module')
          return this.bindings.project ? dynamicImport(this.bindings.project, call, 'import_module') : OTHER;
        if (callee.name === 'functools.partial') {
          // a class with some arguments bound: calling it makes a connection, its arguments no longer FTP's
          const cls = first();
          return cls.kind === 'class' ? { ...cls, ownInit: true } : OTHER;
        }
        return OTHER;
      default:
        // `__import__("app.net")`: the builtin, not a name bound here
        if (this.bindings.project && fn.type === 'identifier' && fn.text === '__import__')
          if (!this.bindings.lookup('__import__', this.bindings.scopeAt(fn)))
            return dynamicImport(this.bindings.project, call, '__import__');
        return OTHER;
    }
  }

  /** What calling a class, function or set of them gives (a set: what each gives, merged). */
  callResult(callee: CallableValue | CallablesValue | UnfollowedValue): Value {
    switch (callee.kind) {
      case 'class': {
        // what is known of a class from another module goes with the connections it makes
        const { protects, from } = callee;
        return {
          kind: 'conn',
          tls: callee.tls,
          origin: 'constructor',
          subclass: callee.subclass,
          ...(protects ? { protects } : {}),
          ...(from ? { from } : {}),
        };
      }
      case 'function':
        return this.returns(callee);
      case 'external':
        return callee.returns;
      case 'callables': {
        const results = callee.of.map((member) => this.callResult(member));
        return merge(callee.open ? [...results, OTHER] : results);
      }
      case 'unfollowed':
        return UNFOLLOWED;
    }
  }

  /**
   * What calling the function gives: its returns merged (a function that ends without one returns None);
   * for a @contextmanager, what it yields (the `with` target); for another generator, a container of what
   * it yields (what `for` gets).
   */
  returns(fn: FunctionValue): Value {
    const key = fn.def.id;
    const known = this.returnsMemo.get(key);
    if (known) return known;
    if (this.active.has(`r${key}`)) return this.cut();
    this.active.add(`r${key}`);
    let found = this.shape.exits.get(key);
    if (!found) this.shape.exits.set(key, (found = exits(fn.def)));
    const { returns, yields } = found;
    const valueOf = (n: Node | null) => (n ? this.bindings.valueOf(n) : NONE);
    let value: Value;
    if (fn.contextManager) value = yields.length ? merge(yields.map(valueOf)) : OTHER;
    else if (yields.length) value = { kind: 'container', of: merge(yields.map(valueOf)) };
    else value = returns.length ? merge([...returns.map(valueOf), NONE]) : NONE;
    this.active.delete(`r${key}`);
    this.returnsMemo.set(key, value);
    return value;
  }

  /**
   * What the calls of the parameter's function in this file pass for it (the default where a call leaves it
   * out), merged; undefined when no call of the function is seen here.
   */
  argumentsFor(site: BindingSite): Value | undefined {
    const key = site.node.id;
    if (this.argumentsMemo.has(key)) return this.argumentsMemo.get(key);
    if (this.active.has(`a${key}`)) return this.cut();
    // Callers are asked about a parameter only when its function uses it as a connection or a class could
    // be: following every parameter of every call would cost more than the rest of the analysis
    if (!this.usedAsConnection(site)) {
      this.argumentsMemo.set(key, undefined);
      return undefined;
    }
    this.active.add(`a${key}`);
    const passed = this.passedBy(site).map((p) => p.value);
    // what other modules of the project pass (src/project/plan.ts notes it)
    const there = this.passedElsewhere(site);
    if (there) passed.push(there === 'tls' ? { kind: 'conn', tls: true, origin: 'constructor' } : OTHER);
    // what each call passes is one possibility: a factory from one, something else from another is an open set
    const value = passed.length ? mergeChoice(passed) : undefined;
    this.active.delete(`a${key}`);
    this.argumentsMemo.set(key, value);
    return value;
  }

  /**
   * What other modules of the project pass for the parameter (ProjectView.passed): for a module-level
   * function, by its name; for the `__init__` of a module-level class, by the class's name and the position
   * among the constructor's arguments (self not counted).
   */
  passedElsewhere(site: BindingSite): Passed | undefined {
    const passed = this.bindings.project?.passed;
    if (!passed || site.paramIndex === undefined) return undefined;
    const module = this.bindings.module;
    const name = site.scope.node.childForFieldName('name')?.text ?? '';
    if (site.scope.parent === module) return passed[name]?.[site.paramIndex];
    const cls = site.scope.classScope;
    if (name !== '__init__' || cls?.parent !== module || site.scope.parent !== cls) return undefined;
    return passed[cls.node.childForFieldName('name')?.text ?? '']?.[site.paramIndex - 1];
  }

  /**
   * The positions of the constructor's arguments (self not counted) that the class's methods log in: a
   * parameter of its `__init__` stored as `self.attr`, with `.attr.login(` called in the class (or logged in
   * by `__init__` itself).
   */
  loggedInConstructorArguments(classNode: Node): number[] {
    const init = methodsOf(classNode).find((m) => m.name === '__init__')?.def;
    const scope = init && this.bindings.scopeOfDefinition(init);
    if (!init || !scope?.selfName) return [];
    const body = init.childForFieldName('body')?.text ?? '';
    const whole = classNode.childForFieldName('body')?.text ?? '';
    const out: number[] = [];
    for (const [name, sites] of scope.bindings) {
      const site = sites.find((s) => s.kind === 'param' && s.paramIndex !== undefined);
      if (!site || site.paramIndex === 0 || !WORD.test(name)) continue;
      const stored = new RegExp(`(?<![\\w.])${scope.selfName}\\s*\\.\\s*(\\w+)\\s*=\\s*${name}\\s*$`, 'gm');
      const logged =
        loginOf(name).test(body) ||
        [...body.matchAll(stored)].some((m) => loginOf(`\\w+\\s*\\.\\s*${m[1]}`).test(whole));
      if (logged) out.push(site.paramIndex! - 1);
    }
    return out.sort((a, b) => a - b);
  }

  /** Does the parameter's function use it as a connection or a class could be used (see usesAsConnection)? */
  private usedAsConnection(site: BindingSite): boolean {
    const def = site.scope.node;
    const name = this.bindings.facts.text(site.node);
    if (WORD.test(name)) return this.usedAsConnectionIn(def).has(name);
    // a name with characters outside [A-Za-z0-9_] (any Unicode letter): matched as before, without them
    return usesAsConnection(this.bodyText(def), name.replace(/[^\w]/g, ''));
  }

  /** The names the function's body uses so: one scan of the body, instead of one per parameter. */
  private usedAsConnectionIn(def: Node): Set<string> {
    let names = this.shape.usedNames.get(def.id);
    if (!names) {
      names = namesUsedAsConnection(this.bodyText(def));
      this.shape.usedNames.set(def.id, names);
    }
    return names;
  }

  private bodyText(def: Node): string {
    let body = this.shape.bodies.get(def.id);
    if (body === undefined) this.shape.bodies.set(def.id, (body = def.childForFieldName('body')?.text ?? ''));
    return body;
  }

  /** The positions of the parameters a function logs in itself (`conn.login(...)` on the parameter). */
  loggedInParameters(fn: FunctionValue): number[] {
    const scope = this.bindings.scopeOfDefinition(fn.def);
    const body = fn.def.childForFieldName('body')?.text ?? '';
    const out: number[] = [];
    for (const [name, sites] of scope?.bindings ?? []) {
      const site = sites.find((s) => s.kind === 'param' && s.paramIndex !== undefined);
      if (site && loginOf(name).test(body)) out.push(site.paramIndex!);
    }
    return out.sort((a, b) => a - b);
  }

  /** Each call of the parameter's function in this file, with what it passes for the parameter. */
  passedBy(site: BindingSite): { call: Node; value: Value }[] {
    const def = site.scope.node;
    const facts = this.bindings.facts;
    const nameNode = facts.type(def) === 'function_definition' ? facts.field(def, 'name') : null;
    const name = nameNode ? facts.text(nameNode) : undefined;
    if (!name || site.paramIndex === undefined) return [];
    const out: { call: Node; value: Value }[] = [];
    const cls = site.scope.classScope;
    if (name === '__init__' && cls) {
      // `Session(conn)`: making an instance of a class defined here calls its __init__, self first
      const className = cls.node.childForFieldName('name')?.text ?? '';
      for (const call of this.callsNamed(className)) {
        const { fn } = this.bindings.callee(call);
        if (fn?.type === 'identifier' && this.bindings.classBodyOf(fn) === cls)
          out.push({ call, value: this.argumentValue(call, site, 1) });
      }
      return out;
    }
    for (const call of this.callsNamed(name)) {
      const fn = this.bindings.callee(call).fn!;
      const callee = this.bindings.valueOf(fn);
      if (callee.kind !== 'function' || callee.def.id !== def.id) continue;
      // `obj.method(a)` passes obj as self; `Class.method(obj, a)` and plain functions pass everything
      const method = this.bindings.scopeOfDefinition(def)?.selfName !== undefined;
      const bound = method && callee.bound && fn.type === 'attribute' && !isClassName(fn, def);
      out.push({ call, value: this.argumentValue(call, site, bound ? 1 : 0) });
    }
    return out;
  }

  /** Where each call of a function with this name may pass things: `name(...)` and `x.name(...)`. */
  private callsNamed(name: string): Node[] {
    let byName = this.shape.callsByName;
    if (!byName) {
      byName = this.shape.callsByName = new Map();
      for (const call of this.bindings.calls()) {
        const { fn, type, attribute } = this.bindings.callee(call);
        const callee = type === 'identifier' ? this.bindings.facts.text(fn!) : attribute;
        if (!callee) continue;
        const list = byName.get(callee) ?? [];
        list.push(call);
        byName.set(callee, list);
      }
    }
    return byName.get(name) ?? [];
  }

  /** The value one call passes for the parameter: by position (after `offset` bound ones), or keyword. */
  private argumentValue(call: Node, site: BindingSite, offset: number): Value {
    const { positional, keywords, listSplat, dictSplat } = callArguments(call);
    const index = site.paramIndex! - offset;
    const arg =
      (index >= 0 ? positional[index] : undefined) ?? keywords.get(this.bindings.facts.text(site.node));
    if (arg) return this.bindings.valueOf(arg);
    if (listSplat || dictSplat) return OTHER;
    const fallback = site.value?.childForFieldName('value');
    return fallback ? this.bindings.valueOf(fallback) : NONE;
  }
}

/** A function's return expressions (null for a bare `return`) and yields, not those of functions inside it. */
function exits(def: Node): { returns: (Node | null)[]; yields: (Node | null)[] } {
  if (def.type === 'lambda') return { returns: [def.childForFieldName('body')], yields: [] };
  const returns: (Node | null)[] = [];
  const yields: (Node | null)[] = [];
  for (const node of def.childForFieldName('body')?.descendantsOfType(['return_statement', 'yield']) ?? []) {
    if (!node || ownerFunction(node)?.id !== def.id) continue;
    const value = node.namedChildren.find((c) => c?.type !== 'comment') ?? null;
    if (node.type === 'return_statement') returns.push(value);
    // `yield from gen()` hands on another generator's values: not followed
    else yields.push(/^yield\s+from\b/.test(node.text) ? null : value);
  }
  return { returns, yields };
}

function ownerFunction(node: Node): Node | undefined {
  for (let p = node.parent; p; p = p.parent)
    if (p.type === 'function_definition' || p.type === 'lambda') return p;
  return undefined;
}

/** `Client.method(...)` inside or beside class Client: called on the class, so nothing is bound to self. */
function isClassName(fn: Node, def: Node): boolean {
  let cls: Node | null = def.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  return fn.childForFieldName('object')?.text === cls?.childForFieldName('name')?.text;
}
