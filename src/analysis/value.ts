// What a name, attribute or expression may hold, as the analysis (bindings.ts, flow.ts) sees it, and how the
// values of several bindings merge into one. Plain data but for the tree nodes some kinds point at.
import type { Node } from 'web-tree-sitter';
import { callables, isCallable, UNFOLLOWED } from './callables.js';

export type FtplibClass = 'FTP' | 'FTP_TLS';

export type Value =
  | { kind: 'ftplib' }
  /** A class: ftplib's FTP / FTP_TLS, or a subclass defined here (`subclass` set). tls: what it is now. */
  /**
   * protects: its login() calls prot_p() (known from another module); from: `path:line` of that module;
   * reexport: ftplib's FTP re-exported by a project module that now exports FTP_TLS beside it (renameable).
   */
  | {
      kind: 'class';
      tls: boolean;
      subclass?: Node;
      ownInit?: boolean;
      protects?: boolean;
      from?: string;
      reexport?: boolean;
    }
  /**
   * A connection. origin 'param': received from a caller (annotated), so where it came from is unknown;
   * 'self': the instance inside a method of a subclass. subclass: the class defined here, when known.
   */
  | {
      kind: 'conn';
      tls: boolean;
      origin: 'constructor' | 'param' | 'self';
      subclass?: Node;
      /** Not tls, but FTP_TLS on some paths: a plain FTP (kept, reported) on the others. */
      someTls?: boolean;
      /** Its class's login() calls prot_p() (known from another module). */
      protects?: boolean;
      /** Made in another module of the project: `path:line` there. */
      from?: string;
    }
  /**
   * Some of the values a name or attribute may hold are connections (`conn`, merged), others are not known to
   * be (a parameter, `object()`, another factory's result): a login through it cannot be settled here.
   */
  | { kind: 'partial'; conn: ConnValue }
  /**
   * A function or method defined here: calling it gives what it returns (src/analysis/flow.ts).
   * contextManager: @contextmanager (the with target is what it yields); property: read, not called;
   * bound: a plain method (not static or class), which gets `self` when called through an instance.
   */
  | { kind: 'function'; def: Node; contextManager: boolean; property: boolean; bound: boolean }
  /**
   * A list, tuple, set, dict (its values), comprehension or generator whose elements are `of`; items: a tuple
   * or list written out, element by element (what `for name, make in pairs` unpacks from each pair).
   */
  | { kind: 'container'; of: Value; items?: Value[] }
  /** A module of the project that the project-wide pass summarised (src/project/). */
  | { kind: 'module'; name: string }
  /**
   * A class of another project module (not ftplib's) whose instances hold connections in attributes or give
   * them from methods; `instance`: one of its instances (`Client(host)`), read through its attributes.
   */
  /** helper: its methods log in the constructor's arguments at these positions (see `external`). */
  | {
      kind: 'holder';
      attributes: Record<string, Value>;
      instance: boolean;
      from: string;
      helper?: { module: string; name: string; logsIn: number[] };
    }
  /** A function of another project module: calling it gives `returns`; `from`: `path:line` of its def. */
  /** helper: it logs in its parameters at these positions (calls of it are noted by the project pass). */
  | {
      kind: 'external';
      returns: Value;
      from: string;
      helper?: { module: string; name: string; logsIn: number[] };
    }
  /**
   * One of several callables (src/analysis/callables.ts): a name bound to a function here and to ftplib's
   * class, a list of factories. Calling it gives what each would give, merged. open: on some paths the
   * name holds a value not known (`make_sftp if sftp else FTP`), whose call gives nothing known.
   */
  | { kind: 'callables'; of: CallableValue[]; open?: true }
  /**
   * What the analysis stopped following: one of more callables than it keeps, or what calling one gives. It
   * may be an ftplib connection: a login on it is reported, never passed over. class: the class among those
   * callables, if any (calling it may log in, user given).
   */
  | { kind: 'unfollowed'; class?: ClassValue }
  /** A standard library module or function the flow follows: `contextlib`, `contextlib.closing`, ... */
  | { kind: 'known'; name: string }
  | { kind: 'none' }
  | { kind: 'other' };

export type ClassValue = Extract<Value, { kind: 'class' }>;
export type ConnValue = Extract<Value, { kind: 'conn' }>;
export type PartialValue = Extract<Value, { kind: 'partial' }>;
export type FunctionValue = Extract<Value, { kind: 'function' }>;
export type ExternalValue = Extract<Value, { kind: 'external' }>;
export type ContainerValue = Extract<Value, { kind: 'container' }>;
/** What a set of callables holds (a merged class at most once). */
export type CallableValue = FunctionValue | ClassValue | ExternalValue;
export type CallablesValue = Extract<Value, { kind: 'callables' }>;
export type UnfollowedValue = Extract<Value, { kind: 'unfollowed' }>;

const OTHER: Value = { kind: 'other' };
const NONE: Value = { kind: 'none' };

/** Values that agree stay; `None` placeholders (`self.ftp = None`) are neutral; anything mixed is other. */
export function merge(values: Value[]): Value {
  const real = values.filter((v) => v.kind !== 'none');
  if (real.length === 0) return values.length ? NONE : OTHER;
  const first = real[0];
  if (real.some((v) => v.kind !== first.kind)) {
    // a function here beside ftplib's class, a factory of another module: one of several callables
    if (real.every(isCallable)) return callables(real, merge);
    // connections beside values of another kind: keep the connections, marked as not the only possibility
    const conns = real.flatMap((v) => (v.kind === 'conn' ? [v] : v.kind === 'partial' ? [v.conn] : []));
    if (conns.length) return { kind: 'partial', conn: merge(conns) as ConnValue };
    // what may be an ftplib connection stays so beside what is not known
    return real.some((v) => v.kind === 'unfollowed') ? UNFOLLOWED : OTHER;
  }
  if (first.kind === 'partial')
    return { kind: 'partial', conn: merge(real.map((v) => (v as PartialValue).conn)) as ConnValue };
  if (first.kind === 'container') {
    const containers = real as ContainerValue[];
    const of = merge(containers.map((c) => c.of));
    // element by element only where every one has as many
    const n = first.items?.length;
    if (n === undefined || containers.some((c) => c.items?.length !== n)) return { kind: 'container', of };
    return {
      kind: 'container',
      of,
      items: first.items!.map((_, i) => merge(containers.map((c) => c.items![i]))),
    };
  }
  if (first.kind === 'function')
    return real.every((v) => (v as FunctionValue).def.id === first.def.id) ? first : callables(real, merge);
  if (first.kind === 'external')
    return real.every((v) => JSON.stringify(v) === JSON.stringify(first)) ? first : callables(real, merge);
  if (first.kind === 'callables' || first.kind === 'unfollowed') return callables(real, merge);
  if (first.kind === 'module')
    return real.every((v) => JSON.stringify(v) === JSON.stringify(first)) ? first : OTHER;
  if (first.kind === 'known')
    return real.every((v) => (v as Extract<Value, { kind: 'known' }>).name === first.name) ? first : OTHER;
  if (first.kind === 'class') {
    const classes = real as Extract<Value, { kind: 'class' }>[];
    const subclass = classes.every((c) => c.subclass?.id === classes[0].subclass?.id)
      ? classes[0].subclass
      : undefined;
    return {
      kind: 'class',
      tls: classes.every((c) => c.tls),
      subclass,
      ownInit: classes.some((c) => c.ownInit),
      ...fromElsewhere(classes),
    };
  }
  if (first.kind === 'conn') {
    const conns = real as Extract<Value, { kind: 'conn' }>[];
    const origin = conns.some((c) => c.origin === 'param')
      ? 'param'
      : conns.every((c) => c.origin === 'self')
        ? 'self'
        : 'constructor';
    const subclass = conns.every((c) => c.subclass?.id === conns[0].subclass?.id)
      ? conns[0].subclass
      : undefined;
    const tls = conns.every((c) => c.tls);
    const someTls = !tls && conns.some((c) => c.tls || c.someTls);
    return { kind: 'conn', tls, origin, subclass, ...(someTls ? { someTls } : {}), ...fromElsewhere(conns) };
  }
  return first;
}

/** What values known from another module keep through a merge: protects if all do, where, if one place. */
function fromElsewhere(values: { protects?: boolean; from?: string }[]): {
  protects?: boolean;
  from?: string;
} {
  const out: { protects?: boolean; from?: string } = {};
  if (values.every((v) => v.protects)) out.protects = true;
  if (values[0].from && values.every((v) => v.from === values[0].from)) out.from = values[0].from;
  return out;
}

/**
 * `a if c else b`: both may be, whatever the order. Unlike two bindings of a name, of which the later may
 * replace the other (`FTP = Mock` after the import), a callable beside what is not known stays a set, open
 * (`make_sftp if sftp else FTP`: calling it may make an ftplib connection, or something else).
 */
export function mergeChoice(values: Value[]): Value {
  const real = values.filter((v) => v.kind !== 'none');
  const open = real.some((v) => v.kind === 'other');
  if (open && real.some(isCallable) && real.every((v) => isCallable(v) || v.kind === 'other'))
    return callables(real, merge);
  return merge(values);
}

/** A container of these elements (merged; with items, also one by one); none at all is nothing known. */
export function container(elements: Value[], items?: Value[]): Value {
  const of = elements.length ? merge(elements) : OTHER;
  return items ? { kind: 'container', of, items } : { kind: 'container', of };
}
