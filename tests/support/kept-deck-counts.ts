import type { Deck } from '../../src/domain/deck';
import { findDeckCard } from '../../src/domain/deck-card-lookup';
import type { DeckSummary } from '../../src/domain/deck-summary';
import type { CardId, DeckId } from '../../src/domain/ids';
import { type CardState, defaultSettings } from '../../src/domain/progress';
import { recordDeckCounts, studyDayStartsAfter } from '../../src/scheduler/count-deck-record';
import { distinctSessionCards } from '../../src/scheduler/distinct-session-cards';
import { keepStudyHeads } from '../../src/scheduler/keep-study-heads';
import type { DeckCountsRecord } from '../../src/scheduler/recorded-deck-counts';
import { sessionQueueInputs } from '../../src/scheduler/session-queue-inputs';

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

/**
 * The same with the heads of "Study all due" over `decks`, under the default settings, and the
 * head cards of those among `fullDecks`.
 */
export async function keptDeckCountsWithHeads(
  decks: readonly Pick<DeckSummary, 'id' | 'studyCardIds' | 'cardsFingerprint'>[],
  states: ReadonlyMap<CardId, CardState>,
  countedAtMillis: number,
  fullDecks: readonly Deck[] = [],
): Promise<DeckCountsRecord> {
  const record = keptDeckCounts(decks, states, countedAtMillis);
  const deckIds = decks.map((deck) => deck.id);
  const inputs = sessionQueueInputs(
    distinctSessionCards(decks.map((deck) => deck.studyCardIds)),
    deckIds,
    { states, settings: defaultSettings, controls: new Map() },
    countedAtMillis,
  );
  const cardOf = async (deckId: DeckId, cardId: CardId) => {
    const deck = fullDecks.find((each) => each.id === deckId);
    return deck && findDeckCard(deck, cardId);
  };
  const studyHeads = await keepStudyHeads(
    inputs,
    deckIds,
    record.dayStartsMillis,
    async () => {},
    cardOf,
  );
  return { ...record, studyHeads };
}
