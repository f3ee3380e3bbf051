// The one place edits are applied: sort, refuse overlaps, apply with magic-string, and map positions back.
import MagicString from 'magic-string';
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
  const accepted: Edit[] = [];
  const rejected: number[] = [];
  groups.forEach((group, index) => {
    const clash = group.some((e, i) =>
      accepted.concat(group.slice(0, i)).some((other) => overlaps(e, other) || sameReplace(e, other)),
    );
    if (clash) rejected.push(index);
    else accepted.push(...group);
  });
  return { text: applyEdits(text, accepted), applied: sortEdits(accepted), rejected };
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

/** Maps an offset in the edited text back to the text before the edits (inserted text maps to its start). */
export function mapBack(offset: number, applied: Edit[]): number {
  let shift = 0;
  for (const e of applied) {
    const newStart = e.start + shift;
    const newEnd = newStart + e.text.length;
    if (offset < newStart) break;
    if (offset < newEnd) return e.start;
    shift += e.text.length - (e.end - e.start);
  }
  return offset - shift;
}
