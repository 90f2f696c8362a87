import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { buildReviewQueue } from './build-review-queue';
import { type QueueSettings, studiedToday } from './review-queue';

/**
 * The queue of a session over one deck or several ("Study all due"): each deck's own queue within
 * its own daily limits, decks in the order given. A card id two decks share must be left in one
 * of them (`distinctSessionCards`), or it would be queued twice.
 */
export function studyQueue(
  decks: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  settings: QueueSettings,
  nowMillis: number,
): CardId[] {
  return decks.flatMap((studyCardIds) =>
    buildReviewQueue(
      studyCardIds,
      states,
      studiedToday(studyCardIds, states, settings.dayStartHour, nowMillis),
      settings,
      nowMillis,
    ),
  );
}

/** When the earliest reviewed card of these comes due; undefined when none was ever reviewed. */
export function nextDueAtMillis(
  decks: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
): number | undefined {
  let earliest: number | undefined;
  for (const studyCardIds of decks) {
    for (const id of studyCardIds) {
      const state = states.get(id);
      if (!state || state.phase === 'new') continue;
      if (earliest === undefined || state.dueAtMillis < earliest) earliest = state.dueAtMillis;
    }
  }
  return earliest;
}
