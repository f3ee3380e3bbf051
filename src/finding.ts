// One way to make a transform's finding at a node, so every transform reports positions the same way.
import type { RawFinding } from './types.js';

/** A node, or any span of the text (a comment found by its text). */
export interface Span {
  startIndex: number;
  endIndex: number;
}

export type FindingMaker = (
  node: Span,
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
