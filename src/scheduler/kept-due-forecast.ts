import type { CardState } from '../domain/progress';
import { countAtOrBelow } from '../domain/sorted-search';

// The statistics' due forecast, kept with the deck counts for the next start
// (`recorded-deck-counts.ts`) so that `/stats` can draw it before the card states are read. It
// counts every state as the forecast does (`src/stats/due-forecast.ts`, which reads it back): by
// the study day its due moment falls in, against the record's day starts.

/** The study days the statistics' forecast shows, today first. */
export const forecastDays = 30;

export interface KeptDueForecast {
  /** How many cards that are not new are due before each of the record's `dayStartsMillis`. */
  readonly dueBefore: readonly number[];
  /** How many cards are not new. */
  readonly total: number;
}

/** One pass over the states, a binary search each. */
export function keepDueForecast(
  states: Iterable<CardState>,
  dayStartsMillis: readonly number[],
): KeptDueForecast {
  // By the index of the first day start after the due moment: `dayStartsMillis.length` past all.
  const byDay = new Array<number>(dayStartsMillis.length + 1).fill(0);
  let total = 0;
  for (const state of states) {
    if (state.phase === 'new') continue;
    total += 1;
    const day = countAtOrBelow(dayStartsMillis, state.dueAtMillis);
    byDay[day] = (byDay[day] ?? 0) + 1;
  }
  let dueSoFar = 0;
  return {
    dueBefore: dayStartsMillis.map((_, day) => {
      dueSoFar += byDay[day] ?? 0;
      return dueSoFar;
    }),
    total,
  };
}
