/**
 * How many of the ascending `values` are at or below `limit`: also the index of the first one
 * above it (`values.length` when none is). A binary search.
 */
export function countAtOrBelow(values: ArrayLike<number>, limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
