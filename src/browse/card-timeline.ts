import type { CardActionEvent, ProgressEvent, Rating } from '../domain/progress';

interface ReviewEntry {
  readonly kind: 'review';
  readonly id: string;
  readonly atMillis: number;
  readonly rating: Rating;
  readonly source: 'study' | 'quiz';
  /** An undo cancelled it: it no longer counts, but the learner did answer. */
  readonly undone: boolean;
}

interface ActionEntry {
  readonly kind: 'action';
  readonly id: string;
  readonly atMillis: number;
  readonly action: CardActionEvent;
  readonly undone: boolean;
}

export type TimelineEntry = ReviewEntry | ActionEntry;

/**
 * A card's history, oldest first: each review with its rating and each action (suspend, bury,
 * flag, reset, known), undone ones marked.
 */
export function cardTimeline(events: readonly ProgressEvent[]): TimelineEntry[] {
  const undone = new Set<string>();
  for (const event of events) if (event.kind === 'undo') undone.add(event.cancelsEventId);
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    switch (event.kind) {
      case 'undo':
      case 'note':
        break;
      case 'review':
        entries.push({
          kind: 'review',
          id: event.id,
          atMillis: event.reviewedAtMillis,
          rating: event.rating,
          source: event.source,
          undone: undone.has(event.id),
        });
        break;
      default:
        entries.push({
          kind: 'action',
          id: event.id,
          atMillis: event.atMillis,
          action: event,
          undone: undone.has(event.id),
        });
    }
  }
  return entries.sort((a, b) => a.atMillis - b.atMillis || a.id.localeCompare(b.id));
}
