/** Main-thread time a slice of long work may take before it gives way to input. */
const defaultSliceMs = 12;

/**
 * Long work cut into slices of time: `spent` once a slice has run for `sliceMs`, and `next()` to
 * go on in a task of its own (`nextTask`), so that input waiting meanwhile is handled first. Cut by
 * time, not by a count of items: the first slices run before the engine has optimized the work,
 * and the same count of items took several times as long in them.
 */
export interface TaskSlices {
  readonly spent: boolean;
  next(): Promise<void>;
}

export function taskSlices(nextTask: () => Promise<void>, sliceMs = defaultSliceMs): TaskSlices {
  let startedAt = performance.now();
  return {
    get spent() {
      return performance.now() - startedAt >= sliceMs;
    },
    async next() {
      await nextTask();
      startedAt = performance.now();
    },
  };
}
