import type { CardId } from '../domain/ids';
import { type CardState, inLearningSteps, type Settings } from '../domain/progress';
import { nextStudyDayStartMillis, startOfStudyDayMillis } from './day-boundary';

/** What a deck has used of today's limits. */
export interface TodayDeckCounts {
  /** Cards first reviewed today. */
  readonly newIntroduced: number;
  /** Cards answered today while in the review phase (learning steps do not count). */
  readonly reviewsDone: number;
}

export interface DeckCounts {
  /** Study cards never reviewed, before the daily limit applies. */
  readonly new: number;
  /** Study cards in learning or relearning, due or not. */
  readonly learning: number;
  /** Study cards due now, learning ones included. */
  readonly due: number;
}

export type QueueSettings = Pick<
  Settings,
  'newPerDay' | 'reviewsPerDay' | 'dayStartHour' | 'siblingsWait' | 'learnAheadMinutes'
>;

export const isUnseen = (state: CardState | undefined): boolean => !state || state.phase === 'new';

/**
 * Due now. A (re)learning card waits for its minute; a review card is due for its whole study day,
 * as in Anki: its interval is in days, and a card due at 20:00 should not hide from a morning
 * session.
 */
function isDue(state: CardState, nowMillis: number, studyDayEndMillis: number): boolean {
  switch (state.phase) {
    case 'new':
      return false;
    case 'learning':
    case 'relearning':
      return state.dueAtMillis <= nowMillis;
    case 'review':
      return state.dueAtMillis < studyDayEndMillis;
  }
}

/** Today's use of the limits, from the marks each card state keeps; one pass over the deck. */
export function studiedToday(
  studyCardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
  dayStartHour: number,
  nowMillis: number,
): TodayDeckCounts {
  const dayStart = startOfStudyDayMillis(nowMillis, dayStartHour);
  let newIntroduced = 0;
  let reviewsDone = 0;
  for (const id of studyCardIds) {
    const state = states.get(id);
    if (!state) continue;
    if (state.firstReviewAtMillis >= dayStart) newIntroduced += 1;
    if (state.lastDueReviewAtMillis !== undefined && state.lastDueReviewAtMillis >= dayStart) {
      reviewsDone += 1;
    }
  }
  return { newIntroduced, reviewsDone };
}

export function deckCounts(
  studyCardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
  dayStartHour: number,
  nowMillis: number,
): DeckCounts {
  const dayEnd = nextStudyDayStartMillis(nowMillis, dayStartHour);
  let unseen = 0;
  let learning = 0;
  let due = 0;
  for (const id of studyCardIds) {
    const state = states.get(id);
    if (!state || isUnseen(state)) {
      unseen += 1;
      continue;
    }
    if (inLearningSteps(state.phase)) learning += 1;
    if (isDue(state, nowMillis, dayEnd)) due += 1;
  }
  return { new: unseen, learning, due };
}
