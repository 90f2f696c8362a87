import type { ProgressEvent, ReviewEvent } from '../domain/progress';

/** Replay order: by review time, then by id so that two devices sort equal times alike. */
function compareReviews(a: ReviewEvent, b: ReviewEvent): number {
  if (a.reviewedAtMillis !== b.reviewedAtMillis) return a.reviewedAtMillis - b.reviewedAtMillis;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * The reviews that count: every review no undo cancels, in replay order, each id once (the first
 * seen wins: events are immutable, so a second copy can only be a duplicate).
 */
export function effectiveReviews(events: Iterable<ProgressEvent>): ReviewEvent[] {
  const cancelled = new Set<string>();
  const reviews = new Map<string, ReviewEvent>();
  for (const event of events) {
    if (event.kind === 'undo') cancelled.add(event.cancelsEventId);
    else if (!reviews.has(event.id)) reviews.set(event.id, event);
  }
  const result: ReviewEvent[] = [];
  for (const review of reviews.values()) if (!cancelled.has(review.id)) result.push(review);
  return result.sort(compareReviews);
}

/** When an event happened, for listing a log in time order. */
function eventTimeMillis(event: ProgressEvent): number {
  return event.kind === 'review' ? event.reviewedAtMillis : event.undoneAtMillis;
}

export function compareEventsByTime(a: ProgressEvent, b: ProgressEvent): number {
  const byTime = eventTimeMillis(a) - eventTimeMillis(b);
  if (byTime !== 0) return byTime;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
