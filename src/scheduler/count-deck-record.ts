import { type CardControls, studyableCardIds } from '../domain/card-controls';
import type { DeckSummary } from '../domain/deck-summary';
import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { countAtOrBelow } from '../domain/sorted-search';
import { nextStudyDayStartMillis } from './day-boundary';
import { isUnseen } from './deck-counts';
import { forecastDays } from './kept-due-forecast';
import { keepsStudyHeadFor } from './kept-study-head';
import type { DeckCountsRecord, RecordedDeckCounts } from './recorded-deck-counts';

// Counting the deck counts kept for the next start (see `recorded-deck-counts.ts`): loaded with
// the keeping, after the first screen.

/**
 * How many study days ahead a record applies, at most: a learner away longer recounts. The kept
 * forecast needs `forecastDays` of them past today.
 */
const recordedDays = 60;
/**
 * A record that still holds is counted again only when its forecast has less than a week of days
 * left.
 */
const recountWithinMillis = (forecastDays + 7) * 86_400_000;

/**
 * A deck's counts at `nowMillis`, in the form the record keeps, with its review cards due before
 * each of `dayStartsMillis` (ascending, from `studyDayStartsAfter`).
 */
export function recordDeckCounts(
  deck: Pick<DeckSummary, 'id' | 'studyCardIds' | 'cardsFingerprint'>,
  states: ReadonlyMap<CardId, CardState>,
  controls: ReadonlyMap<CardId, CardControls>,
  nowMillis: number,
  dayStartsMillis: readonly number[],
): RecordedDeckCounts {
  let unseen = 0;
  // Review cards by the first of the day starts they are due before; past the last, none.
  const reviewsByDay = new Array<number>(dayStartsMillis.length).fill(0);
  const learningDueAt: number[] = [];
  for (const id of studyableCardIds(deck.studyCardIds, controls, nowMillis)) {
    const state = states.get(id);
    if (!state || isUnseen(state)) unseen += 1;
    else if (state.phase !== 'review') learningDueAt.push(state.dueAtMillis);
    else {
      const day = countAtOrBelow(dayStartsMillis, state.dueAtMillis);
      if (day < reviewsByDay.length) reviewsByDay[day] = (reviewsByDay[day] ?? 0) + 1;
    }
  }
  let dueSoFar = 0;
  return {
    deckId: deck.id,
    cardsFingerprint: deck.cardsFingerprint,
    new: unseen,
    learning: learningDueAt.length,
    reviewsDueBefore: reviewsByDay.map((count) => {
      dueSoFar += count;
      return dueSoFar;
    }),
    learningDueAt: Float64Array.from(learningDueAt).sort(),
  };
}

/** The starts of the study days after `nowMillis`, as the record keeps them. */
export function studyDayStartsAfter(nowMillis: number, dayStartHour: number): number[] {
  const starts: number[] = [];
  let start = nowMillis;
  for (let day = 0; day < recordedDays; day++) {
    start = nextStudyDayStartMillis(start, dayStartHour);
    starts.push(start);
  }
  return starts;
}

/** The first moment after `nowMillis` a buried card comes back; infinite when none will. */
export function firstUnburialAfter(
  controls: ReadonlyMap<CardId, CardControls>,
  nowMillis: number,
): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const { buriedUntilMillis } of controls.values()) {
    if (buriedUntilMillis !== undefined && buriedUntilMillis > nowMillis) {
      earliest = Math.min(earliest, buriedUntilMillis);
    }
  }
  return earliest;
}

/**
 * Whether a kept record still holds for the states at `changeStamp` and these decks: the same
 * decks in the same order, each with the same cards, no buried card back yet, study days kept
 * well ahead, and the forecast and a head of "Study all due" kept for now (a record of an older
 * version has neither). Counting again would give the same record, at the cost of a pass over
 * every deck and a write.
 */
export function recordStillHolds(
  record: DeckCountsRecord,
  changeStamp: string,
  decks: readonly Pick<DeckSummary, 'id' | 'cardsFingerprint'>[],
  nowMillis: number,
): boolean {
  return (
    record.changeStamp === changeStamp &&
    record.dueForecast !== undefined &&
    keepsStudyHeadFor(record, nowMillis) &&
    record.validUntilMillis > nowMillis &&
    (record.dayStartsMillis.at(-1) ?? 0) > nowMillis + recountWithinMillis &&
    record.decks.length === decks.length &&
    decks.every(
      (deck, index) =>
        record.decks[index]?.deckId === deck.id &&
        record.decks[index]?.cardsFingerprint === deck.cardsFingerprint,
    )
  );
}
