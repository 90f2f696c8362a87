import { type Card, State } from 'ts-fsrs';
import type { CardId } from '../domain/ids';
import type { CardPhase, CardState } from '../domain/progress';

const phaseOfState: Record<State, CardPhase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

const stateOfPhase: Record<CardPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/** Our bookkeeping beside the FSRS fields; ts-fsrs neither reads nor keeps it. */
export type DailyLimitMarks = Pick<CardState, 'firstReviewAtMillis' | 'lastDueReviewAtMillis'>;

export function toFsrsCard(state: CardState): Card {
  const card: Card = {
    due: new Date(state.dueAtMillis),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: stateOfPhase[state.phase],
  };
  if (state.lastReviewAtMillis !== undefined) card.last_review = new Date(state.lastReviewAtMillis);
  return card;
}

export function fromFsrsCard(cardId: CardId, card: Card, marks: DailyLimitMarks): CardState {
  return {
    cardId,
    dueAtMillis: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    phase: phaseOfState[card.state],
    ...(card.last_review ? { lastReviewAtMillis: card.last_review.getTime() } : {}),
    firstReviewAtMillis: marks.firstReviewAtMillis,
    ...(marks.lastDueReviewAtMillis !== undefined
      ? { lastDueReviewAtMillis: marks.lastDueReviewAtMillis }
      : {}),
  };
}
