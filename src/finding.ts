// One way to make a transform's finding at a node, so every transform reports positions the same way.
import type { Node } from 'web-tree-sitter';
import type { RawFinding } from './types.js';

export type FindingMaker = (
  node: Node,
  status: RawFinding['status'],
  message: string,
  extra?: Partial<RawFinding>,
) => RawFinding;

/** A finding maker bound to one rule id. */
export function findingsFor(rule: string): FindingMaker {
  return (node, status, message, extra = {}) => ({
    rule,
    start: node.startIndex,
    end: node.endIndex,
    status,
    message,
    ...extra,
  });
}
