import type { UseStore } from 'idb-keyval';
import type { DeckCountsRecord } from '../scheduler/recorded-deck-counts';
import { storedChangeStamp } from './change-stamp';
import { runTransaction } from './idb-transaction';
import { changeStampKey, deckCountsKey } from './store-keys';

// The deck counts kept for the next start (see `recorded-deck-counts.ts`), as start-up reads them:
// in a transaction of their own, ahead of start-up's read. Read within it, they reached the page
// only with its state pages, a few hundred milliseconds later at 100,000 cards. The
// record is derived, never a source: one that fails these checks is ignored, and the next count
// replaces it. Saving is in `save-deck-counts.ts`, loaded with the keeping.

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/** The kept deck counts when they are whole and current (derived at the stored change stamp). */
export function readKeptDeckCounts(database: UseStore): Promise<DeckCountsRecord | undefined> {
  return runTransaction(database, 'readonly', 'Reading the kept deck counts', (scope) => {
    const stamp = scope.store.get(changeStampKey);
    const record = scope.store.get(deckCountsKey);
    scope.afterAll([stamp, record], () =>
      scope.finish(currentDeckCounts(record.result, storedChangeStamp(stamp.result))),
    );
  });
}

/** The stored record when it is whole and was derived at `changeStamp`; else undefined. */
function currentDeckCounts(value: unknown, changeStamp: string): DeckCountsRecord | undefined {
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
    );
  return whole ? (record as DeckCountsRecord) : undefined;
}
