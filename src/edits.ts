// The one place edits are applied: sort, refuse overlaps, apply with magic-string, and map positions back.
import MagicString from 'magic-string';
import { lowerBound } from './sorted.js';
import type { Edit } from './types.js';

export class OverlapError extends Error {}

/** Two edits overlap when their ranges share a character, or both insert at one point from different groups. */
export function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return false; // two inserts at one point: kept in order
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies edit groups (each all-or-none): a group that overlaps an accepted one is dropped and its index
 * returned in `rejected`, so its finding can be reported instead of fixed.
 */
export function applyEditGroups(
  text: string,
  groups: Edit[][],
): { text: string; applied: Edit[]; rejected: number[] } {
  const clashes = clashingGroups(groups);
  const taken = new Array<boolean>(groups.length).fill(false);
  const accepted: Edit[] = [];
  const rejected: number[] = [];
  groups.forEach((group, index) => {
    // a group clashes with itself, or with one accepted before it
    const clash = clashes[index] === SELF || (clashes[index]?.some((other) => taken[other]) ?? false);
    if (clash) rejected.push(index);
    else {
      taken[index] = true;
      accepted.push(...group);
    }
  });
  return { text: applyEdits(text, accepted), applied: sortEdits(accepted), rejected };
}

const SELF = 'self';

/**
 * For each group, the other groups one of its edits overlaps (or SELF when two of its own edits do), found
 * in one sweep over the edits by position: a file with thousands of sites must not compare every pair.
 */
function clashingGroups(groups: Edit[][]): (number[] | typeof SELF | undefined)[] {
  const clashes: (number[] | typeof SELF | undefined)[] = new Array(groups.length);
  const all = groups.flatMap((group, g) => group.map((e) => ({ e, g })));
  all.sort((x, y) => x.e.start - y.e.start);
  // the edits seen so far that may still overlap the next ones: those that end after its start
  let open: { e: Edit; g: number }[] = [];
  for (const item of all) {
    open = open.filter((o) => o.e.end > item.e.start);
    for (const o of open) {
      if (!overlaps(o.e, item.e) && !sameReplace(o.e, item.e)) continue;
      if (o.g === item.g) clashes[item.g] = SELF;
      else {
        for (const [a, b] of [
          [o.g, item.g],
          [item.g, o.g],
        ]) {
          const list = clashes[a];
          if (list === SELF) continue;
          if (list) list.push(b);
          else clashes[a] = [b];
        }
      }
    }
    open.push(item);
  }
  return clashes;
}

function sameReplace(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.start !== a.end;
}

function sortEdits(edits: Edit[]): Edit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end || x.i - y.i)
    .map(({ e }) => e);
}

/** Applies non-overlapping edits; throws OverlapError otherwise. */
export function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  const sorted = sortEdits(edits);
  for (let i = 1; i < sorted.length; i++) {
    if (overlaps(sorted[i - 1], sorted[i])) throw new OverlapError('overlapping edits');
  }
  const s = new MagicString(text);
  for (const e of sorted) {
    if (e.start === e.end) s.appendLeft(e.start, e.text);
    else s.update(e.start, e.end, e.text);
  }
  return s.toString();
}

/**
 * Maps offsets in the text after some applied edits (sorted, as applyEditGroups gives them) back to the text
 * before them; inserted text maps to its start. Built once per stage, each lookup a binary search: a file's
 * every finding is mapped back through every stage.
 */
export class EditMap {
  /** Where each edit's new text starts and ends in the edited text, and the shift after it. */
  private readonly newStart: number[] = [];
  private readonly newEnd: number[] = [];
  private readonly shiftAfter: number[] = [];

  constructor(private readonly applied: Edit[]) {
    let shift = 0;
    for (const e of applied) {
      const start = e.start + shift;
      this.newStart.push(start);
      this.newEnd.push(start + e.text.length);
      shift += e.text.length - (e.end - e.start);
      this.shiftAfter.push(shift);
    }
  }

  back(offset: number): number {
    // the last edit whose new text starts at or before the offset: edits before it end before the offset
    const k = lowerBound(this.newStart.length, (i) => this.newStart[i] <= offset) - 1;
    if (k < 0) return offset;
    if (offset < this.newEnd[k]) return this.applied[k].start;
    return offset - this.shiftAfter[k];
  }
}

/** Maps an offset in the edited text back to the text before the edits (inserted text maps to its start). */
export function mapBack(offset: number, applied: Edit[]): number {
  return new EditMap(applied).back(offset);
}
