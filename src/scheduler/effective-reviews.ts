import type { ProgressEvent, ReviewEvent, UndoEvent } from '../domain/progress';

/** An event that an undo may cancel: anything but an undo. */
export type CancellableEvent = Exclude<ProgressEvent, UndoEvent>;

/** When an event happened, for replaying a log and listing it in time order. */
function eventTimeMillis(event: ProgressEvent): number {
  switch (event.kind) {
    case 'review':
      return event.reviewedAtMillis;
    case 'undo':
      return event.undoneAtMillis;
    default:
      return event.atMillis;
  }
}

/** Replay order: by time, then by id so that two devices sort equal times alike. */
export function compareEventsByTime(a: ProgressEvent, b: ProgressEvent): number {
  const byTime = eventTimeMillis(a) - eventTimeMillis(b);
  if (byTime !== 0) return byTime;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/**
 * The events that count: every one no undo cancels, in replay order, each id once (the first seen
 * wins: events are immutable, so a second copy can only be a duplicate). Undos themselves are left
 * out.
 */
export function effectiveEvents(events: Iterable<ProgressEvent>): CancellableEvent[] {
  const cancelled = new Set<string>();
  const kept = new Map<string, CancellableEvent>();
  for (const event of events) {
    if (event.kind === 'undo') cancelled.add(event.cancelsEventId);
    else if (!kept.has(event.id)) kept.set(event.id, event);
  }
  const result: CancellableEvent[] = [];
  for (const event of kept.values()) if (!cancelled.has(event.id)) result.push(event);
  return result.sort(compareEventsByTime);
}

/** The reviews that count, in replay order: what day counts, totals and statistics are made of. */
export function effectiveReviews(events: Iterable<ProgressEvent>): ReviewEvent[] {
  return effectiveEvents(events).filter((event): event is ReviewEvent => event.kind === 'review');
}
