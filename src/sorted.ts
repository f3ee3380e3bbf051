// Binary search over something sorted, shared by the modules that map offsets to rows and nodes.

/** The first index in [0, length) for which `before(i)` is false, `before` being true up to some index. */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
