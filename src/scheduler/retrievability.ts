import type { CardState } from '../domain/progress';

const dayMillis = 24 * 60 * 60 * 1000;

/** FSRS's probability of recall after `elapsedDays` at `stability`: ts-fsrs's forgetting curve. */
export type ForgettingCurve = (elapsedDays: number, stability: number) => number;

/** Current probability of recall; 0 for a card never reviewed. */
export function retrievabilityOn(
  curve: ForgettingCurve,
  state: CardState | undefined,
  nowMillis: number,
): number {
  if (!state || state.phase === 'new' || state.lastReviewAtMillis === undefined) return 0;
  // Fractional days rather than ts-fsrs's whole days: mastery bars should move within a day.
  const elapsedDays = Math.max(0, nowMillis - state.lastReviewAtMillis) / dayMillis;
  return curve(elapsedDays, state.stability);
}
