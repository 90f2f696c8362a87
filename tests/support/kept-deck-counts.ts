import type { DeckSummary } from '../../src/domain/deck-summary';
import type { CardId } from '../../src/domain/ids';
import type { CardState } from '../../src/domain/progress';
import { recordDeckCounts, studyDayStartsAfter } from '../../src/scheduler/count-deck-record';
import type { DeckCountsRecord } from '../../src/scheduler/recorded-deck-counts';

/**
 * The deck counts a start would find kept: counted from `states` at `countedAtMillis`, over the
 * next four study days, with nothing buried.
 */
export function keptDeckCounts(
  decks: readonly Pick<DeckSummary, 'id' | 'studyCardIds' | 'cardsFingerprint'>[],
  states: ReadonlyMap<CardId, CardState>,
  countedAtMillis: number,
): DeckCountsRecord {
  const dayStartsMillis = studyDayStartsAfter(countedAtMillis, 4);
  return {
    changeStamp: 'kept',
    countedAtMillis,
    dayStartsMillis,
    validUntilMillis: Number.POSITIVE_INFINITY,
    decks: decks.map((deck) =>
      recordDeckCounts(deck, states, new Map(), countedAtMillis, dayStartsMillis),
    ),
  };
}
