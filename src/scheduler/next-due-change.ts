import { type CardState, inLearningSteps } from '../domain/progress';
import { nextStudyDayStartMillis } from './day-boundary';

/**
 * The next moment after `nowMillis` at which what is due changes with no answer given: the next
 * study day's start (review cards come due for the whole day, daily limits reset), or a
 * (re)learning card's due minute before then. Pages showing counts or "No cards due" look again
 * at that moment rather than polling. A study session learns ahead: a learning card counts from
 * `learnAheadMillis` before its due minute.
 */
export function nextDueChangeMillis(
  states: Iterable<CardState>,
  dayStartHour: number,
  nowMillis: number,
  learnAheadMillis = 0,
): number {
  let earliest = nextStudyDayStartMillis(nowMillis, dayStartHour);
  for (const state of states) {
    if (!inLearningSteps(state.phase)) continue;
    const shownAtMillis = state.dueAtMillis - learnAheadMillis;
    if (shownAtMillis > nowMillis && shownAtMillis < earliest) earliest = shownAtMillis;
  }
  return earliest;
}
