// Expected call lists in tests (`m.mock_calls == [call.login(...), call.quit()]`, `assert_has_calls([...])`):
// once prot-p adds prot_p() after each login of the code under test, the mock records call.prot_p() there too,
// and a list that compares the calls exactly no longer matches.
import type { Node } from 'web-tree-sitter';
import { callArguments } from '../syntax.js';

/** `call.login(...)`, `mock.call.login(...)`, `call().login(...)`: what a mock records for a login. */
const LOGIN_CALL = /^(?:\w+\.)*call(?:\([^()]*\))?\.login$/;
const PROT_P_CALL = /^(?:\w+\.)*call(?:\([^()]*\))?\.prot_p$/;

function calledName(node: Node | undefined): string | undefined {
  return node?.type === 'call' ? node.childForFieldName('function')?.text : undefined;
}

/**
 * The `call.login(...)` elements of list and tuple literals not followed by `call.prot_p()`. In the list given
 * to `assert_has_calls` (a run of consecutive calls), a login at the end still matches, and with
 * `any_order=True` the order is free; anywhere else the list is taken for an exact comparison.
 */
export function loginsWithoutProtP(root: Node): Node[] {
  const out: Node[] = [];
  for (const list of root.descendantsOfType(['list', 'tuple'])) {
    if (!list) continue;
    const items = list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const hasCalls = hasCallsArgument(list);
    if (hasCalls === 'any-order') continue;
    items.forEach((item, i) => {
      if (!LOGIN_CALL.test(calledName(item) ?? '')) return;
      const next = items[i + 1];
      if (next ? PROT_P_CALL.test(calledName(next) ?? '') : hasCalls) return;
      out.push(item);
    });
  }
  return out;
}

/** Whether the list is the calls argument of `assert_has_calls`, and with `any_order=True`. */
function hasCallsArgument(list: Node): 'any-order' | boolean {
  const call = list.parent?.type === 'argument_list' ? list.parent.parent : undefined;
  const fn = call?.childForFieldName('function');
  if (!call || fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'assert_has_calls')
    return false;
  const { positional, keywords } = callArguments(call);
  if (positional[0]?.id !== list.id && keywords.get('calls')?.id !== list.id) return false;
  const anyOrder = keywords.get('any_order') ?? positional[1];
  return anyOrder && anyOrder.text !== 'False' ? 'any-order' : true;
}
