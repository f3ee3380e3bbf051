// STUB — replaced by the suppression module (issue 3). Interface is fixed.
import type { Node, Tree } from 'web-tree-sitter';

/** What kind of site is asking: rules differ (Ruff S402 and Bandit B402 are for imports, S321/B321 for calls). */
export type SiteKind = 'import' | 'call' | 'login' | 'reference';

export interface UnusedMarker {
  line: number;
  column: number;
  marker: string;
}

export interface Suppressor {
  /** The file-level marker that suppresses the whole file, if any. */
  readonly fileMarker: string | undefined;
  /** The marker text that suppresses the statement holding `node` for this kind of site, if any. */
  markerFor(node: Node, kind: SiteKind): string | undefined;
  /** Markers of ours, and ftplib-specific ones, that suppressed nothing (call after all markerFor calls). */
  unused(): UnusedMarker[];
}

export function createSuppressor(_source: string, _tree: Tree, _extraMarkers: string[] = []): Suppressor {
  return { fileMarker: undefined, markerFor: () => undefined, unused: () => [] };
}
