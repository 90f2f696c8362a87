import type { DeckCountsRecord } from '../scheduler/recorded-deck-counts';

// The deck counts kept for the next start (see `recorded-deck-counts.ts`), as start-up reads them
// (`startup-read.ts`). The record is derived, never a source: one that fails these checks is
// ignored, and the next count replaces it. Saving is in `save-deck-counts.ts`, loaded with the
// keeping.

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/** The stored record when it is whole and was derived at `changeStamp`; else undefined. */
export function currentDeckCounts(
  value: unknown,
  changeStamp: string,
): DeckCountsRecord | undefined {
  const record = value as Partial<DeckCountsRecord> | undefined;
  const whole =
    record?.changeStamp === changeStamp &&
    typeof record.countedAtMillis === 'number' &&
    typeof record.validUntilMillis === 'number' &&
    Array.isArray(record.dayStartsMillis) &&
    Array.isArray(record.decks) &&
    record.decks.every(
      (deck) =>
        typeof deck?.deckId === 'string' &&
        typeof deck.cardsFingerprint === 'number' &&
        isCount(deck.new) &&
        isCount(deck.learning) &&
        Array.isArray(deck.reviewsDueBefore) &&
        deck.reviewsDueBefore.length === record.dayStartsMillis?.length &&
        deck.learningDueAt instanceof Float64Array,
    ) &&
    (record.dueForecast === undefined ||
      (isCount(record.dueForecast?.total) &&
        Array.isArray(record.dueForecast.dueBefore) &&
        record.dueForecast.dueBefore.length === record.dayStartsMillis.length &&
        record.dueForecast.dueBefore.every(isCount)));
  return whole ? (record as DeckCountsRecord) : undefined;
}
