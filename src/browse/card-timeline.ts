import type { ProgressEvent, Rating } from '../domain/progress';

interface ReviewEntry {
  readonly kind: 'review';
  readonly id: string;
  readonly atMillis: number;
  readonly rating: Rating;
  readonly source: 'study' | 'quiz';
  /** An undo cancelled it: it no longer counts, but the learner did answer. */
  readonly undone: boolean;
}

export type TimelineEntry = ReviewEntry;

/** A card's history, oldest first: each review with its rating, undone ones marked. */
export function cardTimeline(events: readonly ProgressEvent[]): TimelineEntry[] {
  const undone = new Set<string>();
  for (const event of events) if (event.kind === 'undo') undone.add(event.cancelsEventId);
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    if (event.kind !== 'review') continue;
    entries.push({
      kind: 'review',
      id: event.id,
      atMillis: event.reviewedAtMillis,
      rating: event.rating,
      source: event.source,
      undone: undone.has(event.id),
    });
  }
  return entries.sort((a, b) => a.atMillis - b.atMillis || a.id.localeCompare(b.id));
}
