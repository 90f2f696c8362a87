import type { CardId } from '../../src/domain/ids';
import type { Rating, ReviewEvent, UndoEvent } from '../../src/domain/progress';

/** A study review of `card`; `extra` sets what a test cares about beyond the rating and time. */
export function review(
  id: string,
  card: CardId,
  rating: Rating,
  reviewedAtMillis: number,
  extra: Partial<ReviewEvent> = {},
): ReviewEvent {
  return {
    kind: 'review',
    id,
    cardId: card,
    rating,
    reviewedAtMillis,
    durationMillis: 2500,
    source: 'study',
    ...extra,
  };
}

/** The event that cancels `target`, as the Undo key appends it. */
export function undo(id: string, target: ReviewEvent, undoneAtMillis: number): UndoEvent {
  return {
    kind: 'undo',
    id,
    cardId: target.cardId,
    cancelsEventId: target.id,
    undoneAtMillis,
  };
}
