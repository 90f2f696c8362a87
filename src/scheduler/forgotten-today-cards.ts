import type { CardId } from '../domain/ids';
import type { ProgressEvent } from '../domain/progress';
import { answeredAgainSince } from './answered-again';
import { startOfStudyDayMillis } from './day-boundary';

/** The study cards answered Again today (an undone answer does not count), in deck order. */
export function forgottenTodayCards(
  studyCardIds: readonly CardId[],
  events: Iterable<ProgressEvent>,
  dayStartHour: number,
  nowMillis: number,
): CardId[] {
  const dayStart = startOfStudyDayMillis(nowMillis, dayStartHour);
  return answeredAgainSince(studyCardIds, events, dayStart, nowMillis);
}
