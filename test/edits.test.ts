import { describe, expect, it } from 'vitest';
import { applyEditGroups, applyEdits, mapBack, OverlapError } from '../src/edits.js';

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
});
