// Declined sites of an interactive review, seen by the transforms as suppressed: a person's "no" at a change is
// one more way a site is kept, and the suppression machinery is what already keeps a site byte-identical and
// everything that depends on it right (the FTP import stays for a kept use, FTP_TLS is imported beside it, no
// prot_p() for a connection kept as FTP, annotations of a kept connection stay FTP). See src/review/review-file.ts.
import type { Node } from 'web-tree-sitter';
import type { SiteKind, Suppressor } from '../suppression.js';

/**
 * A suppressor that answers `marker` for a node whose span is declined (`isDeclined(start, end)`, offsets in
 * the text the transform is given), and otherwise what `base` answers. Real markers come first, so which of
 * them were used is still known; the file marker and unused() are base's: a declined site is no comment.
 */
export function withDeclined(
  base: Suppressor,
  isDeclined: (start: number, end: number) => boolean,
  marker: string,
): Suppressor {
  return {
    get fileMarker() {
      return base.fileMarker;
    },
    // a declined site is answered without recording anything
    hasMarkers: base.hasMarkers,
    markerFor(node: Node, kind: SiteKind) {
      return base.markerFor(node, kind) ?? (isDeclined(node.startIndex, node.endIndex) ? marker : undefined);
    },
    unused() {
      return base.unused();
    },
  };
}
