// Shared data shapes: what transforms return, what a file's processing yields, what reporters read.
import type { Node, Tree } from 'web-tree-sitter';
import type { Bindings } from './analysis/bindings.js';
import type { ProjectView } from './project/types.js';
import type { Suppressor } from './suppression.js';

/** One replacement in the text a transform was given: [start, end) in UTF-16 units, replaced by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export type FindingStatus = 'fixed' | 'suppressed' | 'manual';

/** A site the analysis saw. Lines and columns are 1-based, columns in UTF-16 units, in the ORIGINAL text. */
export interface Finding {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  status: FindingStatus;
  message: string;
  /** Why the site needs manual review (status manual). */
  reason?: string;
  /** The suppression comment that matched (status suppressed). */
  marker?: string;
  /** In a notebook: the cell (1-based among all cells); line and column are then within the cell's source. */
  cell?: number;
  /** Other places the finding is about: where another module of the project made the connection or class. */
  related?: RelatedLocation[];
}

/** A place in another file of the run, by its path as the run names it. */
export interface RelatedLocation {
  path: string;
  line: number;
  message: string;
}

/** A finding as a transform reports it, positioned in the text that transform was given. */
export interface RawFinding {
  rule: string;
  start: number;
  end: number;
  status: FindingStatus;
  message: string;
  reason?: string;
  marker?: string;
  /** See Finding.related. */
  related?: RelatedLocation[];
  /** Edits that make up this fix (all or none); ids let reports tie fixes to findings. */
  edits?: Edit[];
}

export interface TransformOptions {
  /** Extra suppression markers given with --suppress-comment. */
  suppressComments?: string[];
  /** Any transform-specific option, e.g. from a fixture's options.json. */
  [key: string]: unknown;
}

export interface TransformContext {
  path: string;
  /** Current text (after earlier transforms), without BOM. */
  source: string;
  tree: Tree;
  bindings: Bindings;
  suppressor: Suppressor;
  /** The line ending to use for inserted lines. */
  eol: string;
  options: TransformOptions;
  /** The other modules of the project, when the run analyses a repository (src/project/); else undefined. */
  project?: ProjectView;
  /**
   * The line (1-based) of the file as it was read that an offset of `source` is on: earlier transforms' edits
   * mapped back, as finding positions are. For lines named in a message. The pipeline always gives it; a
   * context made by hand (a test calling run() itself) may leave it out, and lines of `source` are meant.
   */
  inputLine?(offset: number): number;
}

export interface TransformResult {
  /** Findings; a finding's `edits` are applied as one group. */
  findings: RawFinding[];
  /** Edits not tied to one finding (import bookkeeping). */
  edits?: Edit[];
}

export interface Transform {
  name: string;
  description: string;
  /** Where a person reads more (SARIF helpUri). */
  helpUri?: string;
  /** Off unless asked for (e.g. ssl-context). */
  optIn?: boolean;
  /**
   * Reports and never edits (e.g. hardcoded-credentials): its findings are manual or suppressed, and the
   * other transforms still change the lines they are on.
   */
  reportOnly?: boolean;
  run(ctx: TransformContext): TransformResult;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileResult {
  path: string;
  status: FileStatus;
  /** Decoded text before and after (no BOM); equal unless changed. */
  before: string;
  after: string;
  findings: Finding[];
  /** How the file's bytes were written, so a diff or a rewrite can give back the same kind of bytes. */
  encoding?: string;
  bom?: boolean;
  /** One-line reason for error or skipped. */
  error?: string;
  skipReason?: string;
  /** A notebook's changed cells (before/after are then the notebook's JSON texts); see src/notebook.ts. */
  cells?: CellChange[];
  /** The configuration file the file was processed with (relative to the current folder when inside it). */
  config?: string;
}

/** One changed notebook cell: its number (1-based among all cells) and its source before and after. */
export interface CellChange {
  cell: number;
  before: string;
  after: string;
}

export type { Node, Tree };
