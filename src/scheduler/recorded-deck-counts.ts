import type { DeckSummary } from '../domain/deck-summary';
import { countAtOrBelow } from '../domain/sorted-search';
import type { DeckCounts } from './deck-counts';
import type { KeptDueForecast } from './kept-due-forecast';

// The home page's counts kept for the next start, so that it can show them before the card states
// have been read: at 100,000 cards reading and unpacking the states takes most of a second. A
// deck's record keeps what `deckCounts` needs at any later moment, so that it stays exact across
// hours and days: the new and (re)learning cards are counted, the review cards due by the end of
// each coming study day too, and the due moments of the learning cards are kept, sorted, to count
// those due by then. It applies while the stored states, controls and
// settings are those it was counted from (the store's change stamp says so), the deck holds the
// same cards, and no buried card has come back. Counting is in `count-deck-record.ts`.

/** One deck's counts as recorded. */
export interface RecordedDeckCounts {
  readonly deckId: string;
  /** The deck's `cardsFingerprint` when counted: an edited deck's record no longer applies. */
  readonly cardsFingerprint: number;
  readonly new: number;
  readonly learning: number;
  /** How many studyable review cards are due before each of the record's `dayStartsMillis`. */
  readonly reviewsDueBefore: readonly number[];
  /** When each studyable (re)learning card comes due, ascending. */
  readonly learningDueAt: Float64Array;
}

/** Every deck's recorded counts, and when they apply. */
export interface DeckCountsRecord {
  /** The store's change stamp when the states counted were read: see `change-stamp.ts`. */
  readonly changeStamp: string;
  readonly countedAtMillis: number;
  /**
   * The starts of the study days after the count, ascending, with the day start of the settings
   * then (new settings change the stamp): the record applies until the last. A review card is due
   * for its whole study day.
   */
  readonly dayStartsMillis: readonly number[];
  /** When the first buried card comes back (infinite when none is buried): counts change then. */
  readonly validUntilMillis: number;
  readonly decks: readonly RecordedDeckCounts[];
  /** Every stored state counted for the statistics' forecast; absent from older records. */
  readonly dueForecast?: KeptDueForecast;
  /**
   * The head of "Study all due" (`KeptStudyHeads`), checked only by the study page's code that
   * reads it (`kept-study-head.ts`); absent from older records.
   */
  readonly studyHeads?: unknown;
}

/**
 * The deck's counts at `nowMillis` from the record, as `deckCounts` would give them; undefined
 * when the record does not apply to this deck at that moment.
 */
export function countsFromRecord(
  record: DeckCountsRecord,
  deck: Pick<DeckSummary, 'id' | 'cardsFingerprint'>,
  nowMillis: number,
): DeckCounts | undefined {
  const day = countAtOrBelow(record.dayStartsMillis, nowMillis);
  const recorded = record.decks.find((entry) => entry.deckId === deck.id);
  const applies =
    day < record.dayStartsMillis.length &&
    nowMillis >= record.countedAtMillis &&
    nowMillis < record.validUntilMillis &&
    recorded?.cardsFingerprint === deck.cardsFingerprint;
  if (!applies || !recorded) return undefined;
  const due =
    (recorded.reviewsDueBefore[day] ?? Number.NaN) +
    countAtOrBelow(recorded.learningDueAt, nowMillis);
  return { new: recorded.new, learning: recorded.learning, due };
}
