// One of several callables: what a name holds that is bound to a function here and to ftplib's class, what
// the elements of a list of factories are, what a module exports that a `*` import and a def both bind.
// Calling it gives what each of them gives, merged (Flow.callResult), so a login after it is followed as
// after any one of them. A small set: functions by their definition, another module's by what they are,
// classes merged into one (calling them gives the same as calling each); past MAX_CALLABLES it is no
// longer followed, and what is not followed is reported where it is logged in, never passed over.
import type { CallableValue, ClassValue, Value } from './value.js';

/** The most members a set keeps: beyond, the value is unfollowed. */
export const MAX_CALLABLES = 8;

export const UNFOLLOWED: Value = { kind: 'unfollowed' };

/** Values that merge into a set of callables (an unfollowed one makes the whole unfollowed). */
export function isCallable(value: Value): boolean {
  const kind = value.kind;
  return (
    kind === 'function' ||
    kind === 'class' ||
    kind === 'external' ||
    kind === 'callables' ||
    kind === 'unfollowed'
  );
}

/**
 * The set of the callables among `values` (isCallable, or other from mergeChoice: the set is then open);
 * `merge` merges the classes. Past the limit, or with an unfollowed one among them, it is unfollowed, and keeps the class among
 * them (a constructor's login).
 */
export function callables(values: Value[], merge: (values: Value[]) => Value): Value {
  const classes: ClassValue[] = [];
  const others: CallableValue[] = [];
  let unfollowed = false;
  let open = false;
  for (const value of values) {
    if (value.kind === 'other') {
      open = true;
      continue;
    }
    if (value.kind === 'unfollowed') {
      unfollowed = true;
      if (value.class) classes.push(value.class);
      continue;
    }
    if (value.kind === 'callables' && value.open) open = true;
    for (const member of value.kind === 'callables' ? value.of : [value as CallableValue]) {
      if (member.kind === 'class') classes.push(member);
      else if (!others.some((known) => sameCallable(known, member))) others.push(member);
    }
  }
  const cls = classes.length ? (merge(classes) as ClassValue) : undefined;
  if (unfollowed || others.length + (cls ? 1 : 0) > MAX_CALLABLES)
    return cls ? { kind: 'unfollowed', class: cls } : UNFOLLOWED;
  const of = cls ? [cls, ...others] : others;
  if (open) return { kind: 'callables', of, open };
  return of.length === 1 ? of[0] : { kind: 'callables', of };
}

function sameCallable(a: CallableValue, b: CallableValue): boolean {
  if (a.kind === 'function' && b.kind === 'function') return a.def.id === b.def.id;
  return a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b);
}
