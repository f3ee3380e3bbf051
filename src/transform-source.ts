// One file's text through the transforms: prefilter, parse, and for each transform collect edits, apply them,
// re-parse and refuse any result that gains a syntax error. Positions of findings are mapped back to the input.
import { Bindings } from './analysis/bindings.js';
import { applyEditGroups, EditMap } from './edits.js';
import { oneLine } from './errors.js';
import { countSyntaxErrors, editTree, firstSyntaxError, initParser, parse, parseEdited } from './parser.js';
import { LineIndex } from './line-index.js';
import { detectEol } from './source-text.js';
import { withDeclined } from './review/declined.js';
import { createSuppressor, type UnusedMarker } from './suppression.js';
import type {
  Edit,
  FileResult,
  Finding,
  RawFinding,
  Transform,
  TransformContext,
  TransformOptions,
} from './types.js';
import { BUILTIN_TRANSFORMS } from '../transforms/index.js';
import { ftpToFtpTls } from '../transforms/ftp-to-ftp-tls.js';
import { renameStagesCheck, runRenameStages, totalRename, type EarlyStage } from './rename-stages.js';
import type { ProjectView } from './project/types.js';
import type { Tree } from 'web-tree-sitter';

export interface TransformSourceOptions extends TransformOptions {
  /** Used in messages and results; defaults to `<stdin>`. */
  path?: string;
  /** The transforms to run, in order; defaults to every built-in one that is not opt-in. */
  transforms?: Transform[];
  /** The line ending for inserted lines; defaults to the text's dominant one. */
  eol?: string;
  /** Report our markers (and ftplib-specific ones) that suppress nothing, as findings. */
  reportUnusedSuppressions?: boolean;
  /**
   * The project's other modules (src/project/): what this file's imports from them are. Given only to files
   * that import something the project pass found, so such a file is analysed even if it never says ftplib.
   */
  project?: ProjectView;
  /** An interactive review (`--interactive`, src/review/): declined sites, and what each stage returned. */
  review?: ReviewHooks;
  /**
   * Given the tree of the text the last stage left, and its analysis (the one a stage made when no stage
   * changed the text since, else made on asking), before the tree is deleted: for whoever reads the result's
   * analysis next (the project pass's summaries), which then needs neither a parse nor an analysis of its own.
   * Both texts have each lone CR read as LF, as Python reads it (see toLf). Called whenever the result is
   * `changed` or `unchanged`; never for an error or a skip.
   */
  onFinal?(final: { source: string; text: string; tree: Tree; bindings: () => Bindings }): void;
}

/**
 * How an interactive review steers the pipeline. A declined site is suppressed by `marker` for its stage's
 * transform (the built-in transforms ask the suppressor at every site they fix, so imports and later stages
 * follow); a transform that returns a declined site as fixed anyway gets that finding's edits dropped.
 */
export interface ReviewHooks {
  /** Whether the finding of stage `stage` (index in `transforms`) at [start, end) of its input was declined. */
  isDeclined(stage: number, start: number, end: number): boolean;
  /** The marker declined sites are suppressed by, e.g. `--interactive`. */
  marker: string;
  /** Called after each stage's transform ran, with what it returned (positions in `source`). */
  onStage?(stage: StageOutput): void;
}

export interface StageOutput {
  /** Index in `transforms`. */
  index: number;
  transform: Transform;
  /** The text the transform was given (lone CRs read as LF, as the transforms see it). */
  source: string;
  findings: RawFinding[];
  /** Edits not tied to one finding (import bookkeeping). */
  edits: Edit[];
}

/** Transforms Python source text; the same result objects the CLI reports. */
export async function transformSource(
  text: string,
  options: TransformSourceOptions = {},
): Promise<FileResult> {
  await initParser();
  return transformSourceSync(text, options);
}

/** As transformSource, once initParser() has resolved (the runner's hot path). */
export function transformSourceSync(text: string, options: TransformSourceOptions = {}): FileResult {
  const path = options.path ?? '<stdin>';
  const unchanged = (extra: Partial<FileResult> = {}): FileResult => ({
    path,
    status: 'unchanged',
    before: text,
    after: text,
    findings: [],
    ...extra,
  });
  // Prefilter: without the word ftplib a file cannot reach ftplib.FTP (see README: re-exports)
  if (!text.includes('ftplib') && !options.project) return unchanged();

  // tree-sitter-python does not end a line at a lone CR, as Python does: transforms see a copy where each lone
  // CR is LF (same length, so every offset holds), and their edits are applied to both texts
  const input = toLf(text);
  let analysed = input;
  let tree = parse(analysed);
  const inputErrors = countSyntaxErrors(tree);
  if (inputErrors > 0) {
    const at = firstSyntaxError(tree);
    tree.delete();
    return unchanged({
      status: 'error',
      error: `syntax error${at ? ` at ${at.line}:${at.column}` : ''}; not changed`,
    });
  }
  const transforms = options.transforms ?? BUILTIN_TRANSFORMS.filter((t) => !t.optIn);
  const eol = options.eol ?? detectEol(text);
  const extraMarkers = options.suppressComments ?? [];
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  /** Edits applied by each stage so far, to map later positions back to the input. */
  const stages: EditMap[] = [];
  let current = text;
  /** Unused markers per stage, keyed by their position in the input: unused overall = unused in every stage. */
  let unused: Map<string, Finding> | undefined;

  /** Reads the comments of the current text: made again only when a stage changed it. */
  let suppressor = createSuppressor(analysed, tree, extraMarkers);
  if (suppressor.fileMarker) {
    tree.delete();
    return unchanged({
      status: 'skipped',
      skipReason: `suppressed for the whole file by ${suppressor.fileMarker}`,
    });
  }

  /** The analysis of the current tree: made again only when a stage changed the text. */
  let bindings: Bindings | undefined;
  const review = options.review;
  /** Stages already run on the input of ftp-to-ftp-tls (src/rename-stages.ts), by index. */
  let early: Map<number, EarlyStage> | undefined;
  /**
   * The stage whose edits `tree` is edited to match, not parsed yet: a pure rename's, while the stages run
   * on its input follow (it cannot make a syntax error: an identifier is respelled), or the last stage's.
   */
  let unparsed: Transform | undefined;
  /** Parses the edited tree, and reads its comments; the file's error if the text would not parse. */
  const parseText = (): FileResult | undefined => {
    let next = parseEdited(tree, analysed);
    tree.delete(); // edited to match the new text: of no other use
    if (countSyntaxErrors(next) > 0) {
      // The verdict that refuses a file is a fresh parse's, never an incremental one's
      next.delete();
      next = parse(analysed);
    }
    if (countSyntaxErrors(next) > 0) {
      next.delete();
      return unchanged({
        status: 'error',
        error: `the result of ${unparsed!.name} would not parse; not changed (please report this)`,
        findings,
      });
    }
    tree = next;
    unparsed = undefined;
    suppressor = createSuppressor(analysed, tree, extraMarkers);
    return undefined;
  };
  for (const [index, transform] of transforms.entries()) {
    let raw: RawFinding[];
    let loose: Edit[];
    let ctx: TransformContext | undefined;
    const declined = review && ((start: number, end: number) => review.isDeclined(index, start, end));
    const ready = early?.get(index);
    if (ready) {
      raw = ready.findings;
      loose = ready.edits;
    } else {
      const failed = unparsed && parseText();
      if (failed) return failed;
      try {
        const sites = declined ? withDeclined(suppressor, declined, review.marker) : suppressor;
        const stageTree = tree;
        // The analysis is made when a transform first asks for it (one that finds nothing to do in the text
        // never does), inside the try: whatever fails is this file's error, never the caller's exception
        ctx = {
          path,
          source: analysed,
          tree,
          get bindings() {
            return (bindings ??= new Bindings(stageTree, options.project));
          },
          suppressor: sites,
          eol,
          options,
          project: options.project,
          inputLine: (offset) => lines.position(mapBackAll(offset, stages)).line,
        };
        const result = transform.run(ctx);
        raw = result.findings;
        loose = result.edits ?? [];
      } catch (err) {
        tree.delete();
        return unchanged({ status: 'error', error: `transform ${transform.name} failed: ${oneLine(err)}` });
      }
    }
    if (declined) {
      for (const f of raw)
        if (f.status === 'fixed' && declined(f.start, f.end)) {
          f.status = 'suppressed';
          f.marker = review.marker;
          f.message = `not changed: declined (${review.marker})`;
          delete f.edits;
        }
      review.onStage?.({ index, transform, source: analysed, findings: raw, edits: loose });
    }
    const groups = [loose, ...raw.map((f) => f.edits ?? [])];
    const applied = applyEditGroups(
      analysed,
      groups.map((g) => g.map((e) => ({ ...e, text: toLf(e.text) }))),
    );
    if (applied.rejected.length > 0) {
      tree.delete();
      return unchanged({
        status: 'error',
        error: `transform ${transform.name} produced overlapping edits; not changed`,
      });
    }
    // ftp-to-ftp-tls renamed FTP and nothing else: the next stages run here, on its input and analysis
    const renames = ctx && bindings && mayRunEarly(transform, options) && totalRename(tree, applied.applied);
    // (the same suppressor: what it answers never depends on what was asked before, and unused markers,
    // which do, are not counted on this path)
    if (renames && ctx && bindings) early = runRenameStages(transforms, index, renames, { ...ctx, bindings });
    for (const f of raw) findings.push(toFinding(f, stages, lines));
    if (options.reportUnusedSuppressions)
      unused = stillUnused(unused, suppressor.unused(), analysed, stages, lines);
    if (applied.text !== analysed) {
      editTree(tree, analysed, applied.applied);
      unparsed = transform;
      stages.push(new EditMap(applied.applied));
      // the same edits with the file's own line endings: the same text, unless a lone CR is in either
      const sameText = current === analysed && !groups.some((g) => g.some((e) => toLf(e.text) !== e.text));
      current = sameText ? applied.text : applyEditGroups(current, groups).text;
      analysed = applied.text;
      bindings = undefined;
      // stages run early on this stage's input need no tree: the text is parsed once they are done
      if (!early?.has(index + 1)) {
        const failed = parseText();
        if (failed) return failed;
      }
    }
  }
  try {
    // (a parsed tree: a run with onFinal runs no stage early, so each stage's text is parsed as it ends)
    if (options.onFinal)
      options.onFinal({
        source: input,
        text: analysed,
        tree,
        bindings: () => (bindings ??= new Bindings(tree, options.project)),
      });
  } finally {
    tree.delete();
  }
  findings.push(...(unused?.values() ?? []));
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  return { path, status: current === text ? 'unchanged' : 'changed', before: text, after: current, findings };
}

/**
 * Whether the stages after this one may run on its input (src/rename-stages.ts): not when the pipeline
 * needs each stage's own text and tree (a review shows them, unused markers are counted per stage, onFinal
 * reads the last stage's analysis) or the project's modules give values the renaming does not account for.
 */
function mayRunEarly(transform: Transform, options: TransformSourceOptions): boolean {
  return (
    transform === ftpToFtpTls &&
    !options.review &&
    !options.project &&
    !options.reportUnusedSuppressions &&
    !options.onFinal &&
    !renameStagesCheck.off
  );
}

const LONE_CR = /\r(?!\n)/g;

function toLf(text: string): string {
  return text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
}

/** An offset of the current text as an offset of the input, through every stage's edits. */
function mapBackAll(offset: number, stages: EditMap[]): number {
  for (let i = stages.length - 1; i >= 0; i--) offset = stages[i].back(offset);
  return offset;
}

function toFinding(f: RawFinding, stages: EditMap[], lines: LineIndex): Finding {
  const start = mapBackAll(f.start, stages);
  const end = mapBackAll(f.end, stages);
  const s = lines.position(start);
  const e = lines.position(Math.max(start, end));
  const out: Finding = {
    rule: f.rule,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    status: f.status,
    message: f.message,
  };
  if (f.reason) out.reason = f.reason;
  if (f.marker) out.marker = f.marker;
  if (f.related) out.related = f.related;
  return out;
}

function stillUnused(
  before: Map<string, Finding> | undefined,
  markers: UnusedMarker[],
  current: string,
  stages: EditMap[],
  lines: LineIndex,
): Map<string, Finding> {
  const stageLines = new LineIndex(current);
  const now = new Map<string, Finding>();
  for (const m of markers) {
    const offset = stageLines.offset(m.line, m.column);
    const f = toFinding(
      {
        rule: 'unused-suppression',
        start: offset,
        end: offset + m.marker.length,
        status: 'manual',
        message: `suppression marker ${m.marker} suppresses nothing`,
        reason: 'no ftplib.FTP site of ours is on or below this comment; remove it or move it to the site',
      },
      stages,
      lines,
    );
    const key = `${f.line}:${f.column}`;
    if (!before || before.has(key)) now.set(key, f);
  }
  return now;
}
