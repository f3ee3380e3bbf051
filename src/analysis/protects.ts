// Does a class's own login() already call prot_p()? Then every login through it is protected, here or in
// another module, and prot_p() at the call sites would only repeat it.
import type { Node } from 'web-tree-sitter';
import type { Bindings } from './bindings.js';
import { methodsOf, positionalBases } from '../syntax.js';

/** For a class or connection value: its class defined here (or a base defined here) protects its login. */
export function loginProtects(bindings: Bindings, value: { subclass?: Node; protects?: boolean }): boolean {
  if (value.protects) return true; // known from the module that defines it
  for (let cls = value.subclass; cls;) {
    const login = methodsOf(cls).find((m) => m.name === 'login')?.def;
    if (login) {
      const self = login.childForFieldName('parameters')?.namedChildren[0]?.text;
      return [...login.descendantsOfType('call')].some((c) => {
        const fn = c?.childForFieldName('function');
        return (
          fn?.type === 'attribute' &&
          fn.childForFieldName('attribute')?.text === 'prot_p' &&
          fn.childForFieldName('object')?.text === self
        );
      });
    }
    const base = bindings.valueOf(positionalBases(cls)[0]);
    if (base.kind === 'class' && base.protects) return true;
    cls = base.kind === 'class' ? base.subclass : undefined;
  }
  return false;
}
