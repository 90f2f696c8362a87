import type { CardId } from '../domain/ids';
import { type CardState, inLearningSteps } from '../domain/progress';

// A card's id is `<topicId>:<kind>` (see the compiler); its siblings are the topic's other cards.
// Topic ids may hold colons of their own, so the kind is what follows the last one.

/** The part of a card id its siblings share; the whole id when it names no kind. */
export function topicKeyOf(id: CardId): string {
  const colon = id.lastIndexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

const areSiblings = (a: CardId, b: CardId): boolean => a !== b && topicKeyOf(a) === topicKeyOf(b);

/**
 * How many cards of each topic were answered from `dayStartMillis` to `nowMillis`, quiz cards
 * included. One pass over the states, comparing numbers: only the few cards answered today cost
 * more.
 */
export function topicsAnsweredToday(
  states: ReadonlyMap<CardId, CardState>,
  dayStartMillis: number,
  nowMillis: number,
): ReadonlyMap<string, number> {
  const answered = new Map<string, number>();
  for (const state of states.values()) {
    const at = state.lastReviewAtMillis;
    if (at === undefined || at < dayStartMillis || at > nowMillis) continue;
    const topic = topicKeyOf(state.cardId);
    answered.set(topic, (answered.get(topic) ?? 0) + 1);
  }
  return answered;
}

/**
 * Whether a sibling of `id` was answered since `dayStartMillis` (`answeredToday` counted from
 * then): then a new or review card waits for the next study day, so that one card does not give
 * the other away. A (re)learning card never waits: it is part way through its steps.
 */
export function waitsForSibling(
  id: CardId,
  state: CardState | undefined,
  answeredToday: ReadonlyMap<string, number>,
  dayStartMillis: number,
): boolean {
  if (answeredToday.size === 0) return false;
  if (state && inLearningSteps(state.phase)) return false;
  const answered = answeredToday.get(topicKeyOf(id)) ?? 0;
  const itself =
    state?.lastReviewAtMillis !== undefined && state.lastReviewAtMillis >= dayStartMillis;
  return answered > (itself ? 1 : 0);
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
