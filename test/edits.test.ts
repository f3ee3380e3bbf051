import { describe, expect, it } from 'vitest';
import { applyEditGroups, applyEdits, mapBack, overlaps, OverlapError } from '../src/edits.js';
import type { Edit } from '../src/types.js';
import { mulberry32 } from '../bench/random.js';

/**
 * The definitions, pair by pair: a group is dropped when an edit of it clashes with an accepted one or an
 * earlier one of its own (overlap, or the same range replaced twice).
 */
function rejectedByDefinition(groups: Edit[][]): number[] {
  const accepted: Edit[] = [];
  const rejected: number[] = [];
  const same = (a: Edit, b: Edit) => a.start === b.start && a.end === b.end && a.start !== a.end;
  groups.forEach((group, index) => {
    const clash = group.some((e, i) =>
      accepted.concat(group.slice(0, i)).some((other) => overlaps(e, other) || same(e, other)),
    );
    if (clash) rejected.push(index);
    else accepted.push(...group);
  });
  return rejected;
}

/** Walks the edits in order, as the text was built: the offset's place before them. */
function mapBackByDefinition(offset: number, applied: Edit[]): number {
  let shift = 0;
  for (const e of applied) {
    const newStart = e.start + shift;
    if (offset < newStart) break;
    if (offset < newStart + e.text.length) return e.start;
    shift += e.text.length - (e.end - e.start);
  }
  return offset - shift;
}

describe('edits', () => {
  it('applies sorted edits and keeps inserts at one point in order', () => {
    expect(
      applyEdits('abcdef', [
        { start: 3, end: 3, text: 'Y' },
        { start: 1, end: 2, text: 'B' },
        { start: 3, end: 3, text: 'Z' },
      ]),
    ).toBe('aBcYZdef');
  });
  it('refuses overlapping edits', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 0, end: 3, text: 'x' },
        { start: 2, end: 4, text: 'y' },
      ]),
    ).toThrow(OverlapError);
  });
  it('drops a whole group that overlaps an accepted one', () => {
    const r = applyEditGroups('abcdef', [
      [{ start: 0, end: 2, text: 'X' }],
      [
        { start: 4, end: 5, text: 'Q' },
        { start: 1, end: 3, text: 'Y' },
      ],
    ]);
    expect(r.text).toBe('Xcdef');
    expect(r.rejected).toEqual([1]);
  });
  it('maps offsets in the edited text back to the original', () => {
    const applied = [{ start: 2, end: 4, text: 'XYZW' }];
    // "ab" + "XYZW" + "ef"
    expect(mapBack(1, applied)).toBe(1);
    expect(mapBack(3, applied)).toBe(2);
    expect(mapBack(6, applied)).toBe(4);
  });
  it('drops a group for a clash with an accepted group only, or with itself', () => {
    const r = applyEditGroups('abcdef', [
      [{ start: 0, end: 3, text: 'X' }],
      [{ start: 2, end: 5, text: 'Y' }], // clashes with the first: dropped
      [{ start: 4, end: 6, text: 'Z' }], // clashes with the dropped one only: kept
      [
        { start: 3, end: 4, text: 'P' },
        { start: 3, end: 4, text: 'Q' }, // the same range twice in one group
      ],
    ]);
    expect(r.rejected).toEqual([1, 3]);
    expect(r.text).toBe('XdZ');
  });
  it('finds the clashes and maps offsets back as the definitions do, on random edits', () => {
    const rand = mulberry32(7);
    const int = (n: number) => Math.floor(rand() * n);
    for (let round = 0; round < 400; round++) {
      const length = 5 + int(60);
      const text = 'x'.repeat(length);
      const groups: Edit[][] = Array.from({ length: 1 + int(12) }, () =>
        Array.from({ length: 1 + int(3) }, () => {
          const start = int(length + 1);
          const end = rand() < 0.4 ? start : Math.min(length, start + 1 + int(6));
          return { start, end, text: 'y'.repeat(int(4)) };
        }),
      );
      const r = applyEditGroups(text, groups);
      expect(r.rejected).toEqual(rejectedByDefinition(groups));
      for (let offset = 0; offset <= r.text.length; offset++)
        expect(mapBack(offset, r.applied)).toBe(mapBackByDefinition(offset, r.applied));
    }
  });
});
