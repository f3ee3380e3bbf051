// Results in path order whatever the scheduling, each handed on as soon as every path before it is done and
// then forgotten: a run holds only the results that wait for an earlier file, never all of them.
import type { FileResult } from '../types.js';

/** The order output uses everywhere, and the walk sorts by: by path, code unit by code unit. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One run's results, given by the index of the file in the order files were found, handed on in path order. */
export class PathOrder {
  /** Output position of each file index; unknown until every file is known (start). */
  private position?: Int32Array;
  /** Output positions: a file index, or a result known from the start (a walk error). */
  private slots: (number | FileResult)[] = [];
  /** Results that arrived before start, by file index. */
  private readonly early = new Map<number, FileResult>();
  /** Results waiting for an earlier path, by output position. */
  private readonly waiting = new Map<number, FileResult>();
  private next = 0;

  constructor(private readonly emit: (result: FileResult) => void) {}

  /** The output position of the first result not handed on yet. */
  get frontier(): number {
    return this.next;
  }

  /**
   * Every file is known: `files` by index (the order they were found), `errors` sorted by path. Equal paths
   * keep the order found, files before errors (as a stable sort of the files, then the errors, would).
   * Returns each file's place in path order (by index).
   */
  start(files: readonly string[], errors: readonly FileResult[]): Int32Array {
    const byPath = files.map((_, i) => i).sort((a, b) => comparePaths(files[a], files[b]) || a - b);
    this.position = new Int32Array(files.length);
    let e = 0;
    for (const index of byPath) {
      while (e < errors.length && comparePaths(errors[e].path, files[index]) < 0)
        this.slots.push(errors[e++]);
      this.position[index] = this.slots.length;
      this.slots.push(index);
    }
    while (e < errors.length) this.slots.push(errors[e++]);
    for (const [index, result] of this.early) this.waiting.set(this.position[index], result);
    this.early.clear();
    this.drain();
    return this.position;
  }

  /** The result of file `index`. */
  settle(index: number, result: FileResult): void {
    if (!this.position) {
      this.early.set(index, result);
      return;
    }
    this.waiting.set(this.position[index], result);
    this.drain();
  }

  /** The run is over: what is left goes out in order, past the files never done (an interrupted run). */
  finish(): void {
    this.drain(true);
    this.slots = [];
  }

  /** Hands on the results in order up to the first not done (`past`: past it, and every other missing). */
  private drain(past = false): void {
    for (; this.next < this.slots.length; this.next++) {
      const slot = this.slots[this.next];
      const result = typeof slot === 'number' ? this.take(this.next) : slot;
      if (result) this.emit(result);
      else if (!past) return;
    }
  }

  private take(position: number): FileResult | undefined {
    const result = this.waiting.get(position);
    this.waiting.delete(position);
    return result;
  }
}
