import type { CardState } from '../domain/progress';
import { nextStudyDayStartMillis } from './day-boundary';

/**
 * The next moment after `nowMillis` at which what is due changes with no answer given: the next
 * study day's start (review cards come due for the whole day, daily limits reset), or a
 * (re)learning card's due minute before then. Pages showing counts or "No cards due" look again
 * at that moment rather than polling.
 */
export function nextDueChangeMillis(
  states: Iterable<CardState>,
  dayStartHour: number,
  nowMillis: number,
): number {
  let earliest = nextStudyDayStartMillis(nowMillis, dayStartHour);
  for (const state of states) {
    if (state.phase !== 'learning' && state.phase !== 'relearning') continue;
    if (state.dueAtMillis > nowMillis && state.dueAtMillis < earliest) earliest = state.dueAtMillis;
  }
  return earliest;
}
