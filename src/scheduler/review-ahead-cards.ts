import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { nextStudyDayStartMillis } from './day-boundary';

const dayMillis = 86_400_000;

/**
 * Review ahead: the review cards not due today but due within the next `days` study days,
 * earliest first. Today's are left to the day's own queue and its limit.
 */
export function reviewAheadCards(
  studyCardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
  days: number,
  dayStartHour: number,
  nowMillis: number,
): CardId[] {
  const tomorrow = nextStudyDayStartMillis(nowMillis, dayStartHour);
  // Counted from noon of the last day, which a daylight-saving change cannot move across midnight.
  const until = nextStudyDayStartMillis(
    tomorrow + (days - 1) * dayMillis + dayMillis / 2,
    dayStartHour,
  );
  const ahead: CardState[] = [];
  for (const id of new Set(studyCardIds)) {
    const state = states.get(id);
    if (state?.phase === 'review' && state.dueAtMillis >= tomorrow && state.dueAtMillis < until) {
      ahead.push(state);
    }
  }
  return ahead.sort((a, b) => a.dueAtMillis - b.dueAtMillis).map((state) => state.cardId);
}
