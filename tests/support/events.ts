import type { CardId, TopicId } from '../../src/domain/ids';
import {
  type CardActionEvent,
  type FlagNumber,
  type NoteEvent,
  noteOwnerId,
  type Rating,
  type ReviewEvent,
  type UndoEvent,
} from '../../src/domain/progress';

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

/** A card action of `kind` on `card` at `atMillis`. */
export function action(
  id: string,
  card: CardId,
  kind: 'suspend' | 'unsuspend' | 'reset' | 'known',
  atMillis: number,
): CardActionEvent {
  return { kind, id, cardId: card, atMillis };
}

export function bury(id: string, card: CardId, atMillis: number, untilMillis: number) {
  return { kind: 'bury', id, cardId: card, atMillis, untilMillis } satisfies CardActionEvent;
}

export function flag(id: string, card: CardId, atMillis: number, colour: FlagNumber | 0) {
  return { kind: 'flag', id, cardId: card, atMillis, flag: colour } satisfies CardActionEvent;
}

export function note(id: string, topic: TopicId, text: string, atMillis: number): NoteEvent {
  return { kind: 'note', id, cardId: noteOwnerId(topic), topicId: topic, text, atMillis };
}

/** The event that cancels an action, as the Undo key appends it. */
export function undoAction(id: string, target: CardActionEvent, undoneAtMillis: number): UndoEvent {
  return { kind: 'undo', id, cardId: target.cardId, cancelsEventId: target.id, undoneAtMillis };
}
