import { type CardId, cardId } from '../../src/domain/ids';
import type { CardPhase, CardState } from '../../src/domain/progress';

/** A card state with only what a test cares about set; the FSRS fields are plausible filler. */
export function cardState(
  id: string,
  phase: CardPhase,
  dueAtMillis: number,
  extra: Partial<Omit<CardState, 'cardId' | 'phase' | 'dueAtMillis'>> = {},
): CardState {
  return {
    cardId: cardId(id),
    dueAtMillis,
    stability: 5,
    difficulty: 5,
    elapsedDays: 1,
    scheduledDays: 5,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    phase,
    lastReviewAtMillis: dueAtMillis - 5 * 86_400_000,
    firstReviewAtMillis: dueAtMillis - 30 * 86_400_000,
    ...extra,
  };
}

export function stateMap(states: readonly CardState[]): Map<CardId, CardState> {
  return new Map(states.map((state) => [state.cardId, state]));
}

export const ids = (...names: string[]): CardId[] => names.map(cardId);

/** Every phase a card can be in, and 'unseen' for a card with no state, to draw from at random. */
export const phasesOrUnseen: readonly (CardPhase | 'unseen')[] = [
  'unseen',
  'new',
  'learning',
  'relearning',
  'review',
];
