import type { DailyCounts } from '../storage/progress-repository';

/**
 * The counts after a commit, moved by exactly the per-day change storage made: the total moves by
 * their sum. Counts never go below zero, and a day at zero is dropped, as storage does.
 */
export function applyDayChanges(
  counts: DailyCounts,
  reviewDeltaByDay: ReadonlyMap<string, number>,
): DailyCounts {
  if (reviewDeltaByDay.size === 0) return counts;
  const reviewsByDay = new Map(counts.reviewsByDay);
  let totalDelta = 0;
  for (const [day, delta] of reviewDeltaByDay) {
    totalDelta += delta;
    const count = Math.max(0, (reviewsByDay.get(day) ?? 0) + delta);
    if (count === 0) reviewsByDay.delete(day);
    else reviewsByDay.set(day, count);
  }
  return { reviewsByDay, totalReviews: Math.max(0, counts.totalReviews + totalDelta) };
}
