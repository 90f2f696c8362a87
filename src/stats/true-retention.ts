import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import type { RetentionTally } from '../scheduler/retention-tally';

/** True retention's window in study days, today included: Anki's default. */
export const retentionWindowDays = 30;

/**
 * The cards with a review in the window: those whose state says they were last reviewed after its
 * start (a review in the window leaves the last review there or later). Their whole logs give
 * every review of the window its phase; no other card has one.
 */
export function cardsReviewedSince(states: Iterable<CardState>, sinceMillis: number): CardId[] {
  const cardIds: CardId[] = [];
  for (const state of states) {
    if ((state.lastReviewAtMillis ?? Number.NEGATIVE_INFINITY) >= sinceMillis) {
      cardIds.push(state.cardId);
    }
  }
  return cardIds;
}

export interface TrueRetention {
  /** Reviews of cards in the review phase not answered Again. */
  readonly retained: number;
  /** Reviews of cards in the review phase. */
  readonly total: number;
  /** retained / total; undefined when there was no such review. */
  readonly rate: number | undefined;
}

/**
 * Anki's true retention: of the answers given to cards in the review phase (learning steps and
 * relearning excluded, they measure minutes, not memory), the share not rated Again. The tallies
 * are the window's days', kept at commit time, so this is a sum of thirty records.
 */
export function trueRetention(tallies: Iterable<RetentionTally>): TrueRetention {
  let retained = 0;
  let total = 0;
  for (const tally of tallies) {
    total += tally.answers;
    retained += tally.retained;
  }
  return { retained, total, rate: total === 0 ? undefined : retained / total };
}
