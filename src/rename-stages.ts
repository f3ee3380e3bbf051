// The stages after ftp-to-ftp-tls without an analysis of their own. When that stage's edits only rename
// every identifier FTP of the file to FTP_TLS (and the file had no identifier FTP_TLS), its output parses to
// the same tree with those names respelled: the first analysis, read with ftplib's FTP as FTP_TLS
// (Bindings.renamedToTls), is the output's analysis, node for node. hardcoded-credentials and prot-p then run
// on the input's tree and text with it, and their positions are mapped forward onto the renamed text, as if
// they had run there: one parse and one analysis fewer per file. They write renamed texts through
// Bindings.textOf; anything else (a receiver spelled with a renamed name, see sameTextOf) throws, and the
// stages run the ordinary way.
import type { Tree } from 'web-tree-sitter';
import { hardcodedCredentials } from '../transforms/hardcoded-credentials.js';
import { protP } from '../transforms/prot-p.js';
import { lowerBound } from './sorted.js';
import type { Edit, RawFinding, Transform, TransformContext } from './types.js';

/**
 * The switch that proves running early changes nothing (test/rename-stages.test.ts): with `off`, every stage
 * runs on its own text, as before; `ran` counts the files whose stages ran early.
 */
export const renameStagesCheck = { off: false, ran: 0 };

/** The stages that may run on ftp-to-ftp-tls's input: they read the tree and the analysis, and edit text. */
export const RENAME_STAGES: ReadonlySet<Transform> = new Set([hardcodedCredentials, protP]);

/** A word FTP or FTP_TLS: where an identifier of either name may be (a name, an attribute's name). */
const FTP_WORD = /(?<!\w)FTP(?:_TLS)?(?!\w)/g;

/**
 * The edits, if they are exactly one rename to FTP_TLS of each identifier FTP of the tree (and it has no
 * identifier FTP_TLS); else undefined. `applied` is sorted, as applyEditGroups gives it.
 */
export function totalRename(tree: Tree, applied: readonly Edit[]): readonly Edit[] | undefined {
  const root = tree.rootNode;
  const base = root.startIndex;
  const body = root.text;
  let next = 0;
  for (const match of body.matchAll(FTP_WORD)) {
    const at = base + match.index;
    const id = root.descendantForIndex(at, at + match[0].length);
    if (id?.type !== 'identifier' || id.startIndex !== at || id.endIndex !== at + match[0].length) continue;
    if (match[0] !== 'FTP') return undefined;
    const edit = applied[next++];
    if (edit?.start !== at || edit.end !== id.endIndex || edit.text !== 'FTP_TLS') return undefined;
  }
  return next > 0 && next === applied.length ? applied : undefined;
}

/** Thrown when a position falls inside a renamed name: there is no one place for it in the renamed text. */
export class NoPlace extends Error {}

/** How far each rename's end moves, summed over it and those before it (renames: sorted, apart). */
const shifts = new WeakMap<readonly Edit[], number[]>();

/** An offset of the input as an offset of the renamed text: at a renamed name's start before it, at its end after. */
export function mapForward(offset: number, renames: readonly Edit[]): number {
  // by binary search: a file of many sites has as many renames as findings
  const before = lowerBound(renames.length, (i) => renames[i].start < offset);
  if (before === 0) return offset;
  if (offset < renames[before - 1].end) throw new NoPlace();
  let sums = shifts.get(renames);
  if (!sums) {
    let sum = 0;
    sums = renames.map((r) => (sum += r.text.length - (r.end - r.start)));
    shifts.set(renames, sums);
  }
  return offset + sums[before - 1];
}

/** A finding of the input's positions, with its edits, at the renamed text's. */
export function findingForward(f: RawFinding, renames: readonly Edit[]): RawFinding {
  const out: RawFinding = { ...f, start: mapForward(f.start, renames), end: mapForward(f.end, renames) };
  if (f.edits) out.edits = editsForward(f.edits, renames);
  return out;
}

export function editsForward(edits: readonly Edit[], renames: readonly Edit[]): Edit[] {
  return edits.map((e) => ({ ...e, start: mapForward(e.start, renames), end: mapForward(e.end, renames) }));
}

/** What a stage run early gave, at the renamed text's positions. */
export interface EarlyStage {
  findings: RawFinding[];
  edits: Edit[];
}

/**
 * Runs the RENAME_STAGES that follow stage `after` (ftp-to-ftp-tls, whose edits are `renames`) on its input,
 * `ctx` being that stage's context (its tree, text, analysis and suppressor). Up to and including
 * the first that edits: the next would need its edits' text. Undefined when none could run so (the stages
 * then run the ordinary way, from scratch: whatever one threw is thrown again there).
 */
export function runRenameStages(
  transforms: readonly Transform[],
  after: number,
  renames: readonly Edit[],
  ctx: TransformContext,
): Map<number, EarlyStage> | undefined {
  // First with the questions skipped that cannot matter (Bindings.mayBeClassAttribute): the same answers
  // unless a cycle was cut, when the stages run again asking every question
  const skipping = ctx.bindings.renamedToTls(renames, true);
  let out = runStages(transforms, after, renames, { ...ctx, bindings: skipping });
  if (skipping.skipped > 0 && skipping.cycleCuts > 0)
    out = runStages(transforms, after, renames, { ...ctx, bindings: ctx.bindings.renamedToTls(renames) });
  if (out) renameStagesCheck.ran++;
  return out;
}

function runStages(
  transforms: readonly Transform[],
  after: number,
  renames: readonly Edit[],
  stageCtx: TransformContext,
): Map<number, EarlyStage> | undefined {
  const out = new Map<number, EarlyStage>();
  try {
    for (let k = after + 1; k < transforms.length && RENAME_STAGES.has(transforms[k]); k++) {
      const result = transforms[k].run(stageCtx);
      const edits = result.edits ?? [];
      out.set(k, {
        findings: result.findings.map((f) => findingForward(f, renames)),
        edits: editsForward(edits, renames),
      });
      if (edits.length > 0 || result.findings.some((f) => f.edits?.length)) break;
    }
  } catch {
    return undefined;
  }
  return out.size > 0 ? out : undefined;
}
