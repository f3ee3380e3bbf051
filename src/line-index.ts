// Offsets to lines and back; \r\n, \n and a lone \r end a line, as in Python's tokenizer.
import { lowerBound } from './sorted.js';

export class LineIndex {
  /** 0-based: where each line starts. */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  /** The 0-based line holding `offset`. */
  row(offset: number): number {
    const starts = this.starts;
    return Math.max(0, lowerBound(starts.length, (i) => starts[i] <= offset) - 1);
  }

  /** Where 0-based line `row` starts. */
  rowStart(row: number): number {
    return this.starts[row] ?? 0;
  }

  /** 1-based line and column to an offset. */
  offset(line: number, column: number): number {
    return this.rowStart(line - 1) + column - 1;
  }

  /** An offset to 1-based line and column. */
  position(offset: number): { line: number; column: number } {
    const row = this.row(offset);
    return { line: row + 1, column: offset - this.starts[row] + 1 };
  }
}
