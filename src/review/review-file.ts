// One file's interactive review (`--interactive`): each change a transform would make, asked about one by one,
// and the file as accepted.
//
// The transforms compose by re-parsing (ftp-to-ftp-tls, then prot-p, then ssl-context, each on the output of
// the one before), and a change of one stage decides what the next one sees: a declined `FTP -> FTP_TLS`
// leaves a plain FTP connection, which must get no prot_p(); the imports must match the renames accepted.
// So the review goes stage by stage, and a "no" is a suppression:
//
// - stage k runs (after stages 0..k-1 as already decided) and each of its fixed findings, one edit group, is
//   asked about;
// - a declined finding's site is suppressed for that stage (src/review/declined.ts): the transform keeps it
//   exactly as it keeps a site under `# ftptls: ignore`, so the import bookkeeping (FTP kept for it, FTP_TLS
//   imported beside it), the annotations of a kept connection, and the next stages (no prot_p() on a plain
//   FTP) all follow from machinery that is already tested;
// - stage k runs again with the answers so far, until every fixed finding it returns has been accepted as it
//   now is: an answer can change another finding's edits (declining one use of an aliased import turns the
//   others' import rewrite into renames), and a finding that changed is asked about again;
// - then stage k+1, on the result.
//
// Findings are known by their span in their stage's input, which stays the same while later stages are
// reviewed (earlier stages are decided by then). The file as accepted is the pipeline's output with every
// declined site suppressed, so it gets every check a normal run makes: a result that would not parse is
// refused, never written.
import { applyEdits } from '../edits.js';
import { transformSourceSync, type StageOutput, type TransformSourceOptions } from '../transform-source.js';
import type { Edit, FileResult, Finding, RawFinding, Transform } from '../types.js';

/** What a person answered to one change. `abort` (Ctrl-C): stop at once, this file not written. */
export type Answer = 'yes' | 'no' | 'all' | 'done' | 'quit' | 'abort';

/** A change shown to a person: one fixed finding of one stage, with its edit group. */
export interface Change {
  path: string;
  stage: StageOutput;
  finding: RawFinding;
  /** Its edits; for a finding whose change is all in the import bookkeeping, the stage's loose edits. */
  edits: Edit[];
  /** The edits shown are the stage's import bookkeeping (the finding has none of its own). */
  viaImports: boolean;
  /** The edits of the changes of this stage accepted so far: the change is shown on top of them. */
  base: Edit[];
  /** Asked before, and changed since by other answers. */
  again: boolean;
  /** 1-based, in the order asked in this file. */
  number: number;
}

export interface ReviewIO {
  ask(change: Change): Promise<Answer>;
  /** A manual finding of this file (positions in the file as read), shown once, when it first comes. */
  manual(finding: Finding): void;
  /**
   * The edits a stage makes to match the answers (imports), once the stage is decided with a change accepted:
   * shown on top of `base`, the edits of the changes accepted.
   */
  bookkeeping?(stage: StageOutput, base: Edit[], edits: Edit[]): void;
}

export interface FileReview {
  /** The file as accepted (status error when it was refused); `after` is `before` when nothing was accepted. */
  result: FileResult;
  accepted: number;
  declined: number;
  /** The person asked to stop: no further file is reviewed. */
  quit: boolean;
  /** Ctrl-C: this file must not be written. */
  aborted: boolean;
}

/** The marker declined sites are suppressed by, as the findings say: `... kept: suppressed by --interactive`. */
export const DECLINED_MARKER = '--interactive';

export interface ReviewOptions extends TransformSourceOptions {
  path: string;
  transforms: Transform[];
}

export async function reviewSource(text: string, options: ReviewOptions, io: ReviewIO): Promise<FileReview> {
  const { transforms } = options;
  /** Per stage: the spans declined, and for each span accepted the edits it was accepted with. */
  const declined = transforms.map(() => new Set<string>());
  const accepted = transforms.map(() => new Map<string, Set<string>>());
  const isAccepted = (k: number, f: RawFinding) => !!accepted[k].get(span(f))?.has(signature(f));
  /** Per stage, the spans already asked about (a second question says why it comes again). */
  const asked = transforms.map(() => new Set<string>());
  const shownManual = new Set<string>();
  let mode: 'ask' | 'all' | 'none' = 'ask';
  let quit = false;
  let number = 0;

  const run = (count: number) => {
    const stages: StageOutput[] = [];
    const result = transformSourceSync(text, {
      ...options,
      transforms: transforms.slice(0, count),
      review: {
        isDeclined: (stage, start, end) => declined[stage].has(`${start}:${end}`),
        marker: DECLINED_MARKER,
        onStage: (s) => {
          stages[s.index] = s;
        },
      },
    });
    for (const f of result.findings) {
      const key = `${f.rule}:${f.line}:${f.column}:${f.message}`;
      if (f.status !== 'manual' || shownManual.has(key)) continue;
      shownManual.add(key);
      io.manual(f);
    }
    return { result, stages };
  };
  const declinedCount = () => declined.reduce((n, s) => n + s.size, 0);
  const refuse = (result: FileResult): FileReview => {
    const error = /would not parse/.test(result.error ?? '')
      ? 'the changes as accepted would not parse; not changed'
      : (result.error ?? 'could not be processed');
    return {
      result: { ...result, status: 'error', after: text, error },
      accepted: 0,
      declined: declinedCount(),
      quit,
      aborted: false,
    };
  };

  for (let k = 0; k < transforms.length; k++) {
    let questions = 0;
    let last: StageOutput | undefined;
    // Each round either records a new "no" (at most one per finding) or finds every fixed finding accepted as
    // it now is, and ends; the cap only guards against a transform that answers differently to the same input.
    for (let round = 0; ; round++) {
      const { result, stages } = run(k + 1);
      if (result.status === 'error') return refuse(result);
      last = stages[k];
      if (!last) break; // the pipeline ended before this stage
      const stage = last;
      const pending = stage.findings.filter((f) => f.status === 'fixed' && !isAccepted(k, f));
      if (pending.length === 0) break;
      if (round > 2 * stage.findings.length + 10)
        return refuse({ ...result, error: `the review of ${stage.transform.name} did not settle` });
      for (const f of pending) {
        const key = span(f);
        let answer: Answer;
        if (mode === 'all') answer = 'yes';
        else if (mode === 'none') answer = 'no';
        else {
          const own = f.edits ?? [];
          const viaImports = own.length === 0 && stage.edits.length > 0;
          const base = stage.findings
            .filter((g) => g !== f && g.status === 'fixed' && isAccepted(k, g))
            .flatMap((g) => g.edits ?? []);
          answer = await io.ask({
            path: options.path,
            stage,
            finding: f,
            edits: viaImports ? stage.edits : own,
            viaImports,
            base: viaImports ? [] : base,
            again: asked[k].has(key),
            number: ++number,
          });
          asked[k].add(key);
          questions++;
        }
        if (answer === 'abort')
          return { result: { ...result, after: text }, accepted: 0, declined: 0, quit: true, aborted: true };
        if (answer === 'all') mode = 'all';
        else if (answer === 'done' || answer === 'quit') mode = 'none';
        if (answer === 'quit') quit = true;
        if (answer === 'yes' || answer === 'all') {
          const signatures = accepted[k].get(key) ?? new Set<string>();
          accepted[k].set(key, signatures.add(signature(f)));
        } else {
          accepted[k].delete(key);
          declined[k].add(key);
        }
      }
    }
    const made = last?.findings.filter((f) => f.status === 'fixed') ?? [];
    if (questions > 0 && last && made.length > 0 && last.edits.length > 0)
      io.bookkeeping?.(
        last,
        made.flatMap((f) => f.edits ?? []),
        last.edits,
      );
  }

  const { result } = run(transforms.length);
  if (result.status === 'error') return refuse(result);
  // The changes made: every fixed finding of the final run (each accepted as it is, by the loop above)
  const made = result.findings.filter((f) => f.status === 'fixed').length;
  const counts = { accepted: made, declined: declinedCount(), quit, aborted: false };
  // Nothing accepted: the file stays as it is (not even bookkeeping that follows the kept sites)
  if (made === 0) return { result: { ...result, status: 'unchanged', after: text }, ...counts };
  return { result, ...counts };
}

function span(f: RawFinding): string {
  return `${f.start}:${f.end}`;
}

function signature(f: RawFinding): string {
  return JSON.stringify(f.edits ?? []);
}

/** The stage's text with `edits` applied (edits of different findings never overlap: the pipeline checked). */
export function applied(stage: StageOutput, edits: Edit[]): string {
  return applyEdits(stage.source, edits);
}

/** Where `offset` of the stage's text is once `edits` are applied (an insertion at the offset comes before it). */
export function shifted(offset: number, edits: Edit[]): number {
  let shift = 0;
  for (const e of edits) if (e.end <= offset) shift += e.text.length - (e.end - e.start);
  return offset + shift;
}
