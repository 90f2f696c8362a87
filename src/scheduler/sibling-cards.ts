import { type CardId, cardId } from '../domain/ids';
import type { CardState } from '../domain/progress';

// A card's id is `<topicId>:<kind>` (see the compiler); its siblings are the topic's other cards.
// Topic ids may hold colons of their own, so the kind is what follows the last one.

/** The part of a card id its siblings share; the whole id when it names no kind. */
export function topicKeyOf(id: CardId): string {
  const colon = id.lastIndexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

export const areSiblings = (a: CardId, b: CardId): boolean =>
  a !== b && topicKeyOf(a) === topicKeyOf(b);

const siblingKinds = ['term', 'recall', 'quiz'] as const;

/**
 * Whether a sibling of `id` (a quiz answer included) was answered since `dayStartMillis`: then a
 * new or review card waits for the next study day, so that one card does not give the other away.
 * A (re)learning card never waits: it is part way through its steps.
 */
export function waitsForSibling(
  id: CardId,
  state: CardState | undefined,
  states: ReadonlyMap<CardId, CardState>,
  dayStartMillis: number,
): boolean {
  if (state && (state.phase === 'learning' || state.phase === 'relearning')) return false;
  const topic = topicKeyOf(id);
  if (topic === id) return false;
  return siblingKinds.some((kind) => {
    const sibling = cardId(`${topic}:${kind}`);
    if (sibling === id) return false;
    const answeredAt = states.get(sibling)?.lastReviewAtMillis;
    return answeredAt !== undefined && answeredAt >= dayStartMillis;
  });
}

/**
 * The queue with its first card not a sibling of `previous` where another card allows, so that two
 * cards of one topic do not show back to back even where they do not wait (learning cards).
 */
export function awayFromSibling(queue: readonly CardId[], previous: CardId | undefined): CardId[] {
  if (previous === undefined) return [...queue];
  const first = queue[0];
  if (first === undefined || !areSiblings(first, previous)) return [...queue];
  const apart = queue.findIndex((id) => !areSiblings(id, previous) && id !== previous);
  if (apart < 0) return [...queue];
  return queue.slice(apart, apart + 1).concat(queue.filter((_, index) => index !== apart));
}
