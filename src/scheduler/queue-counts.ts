import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';

/** What is left of a session, as Anki shows it: its new, (re)learning and review cards. */
export interface QueueCounts {
  readonly new: number;
  readonly learning: number;
  readonly review: number;
}

export const noCardsLeft: QueueCounts = { new: 0, learning: 0, review: 0 };

/** The cards of a queue counted by the phase each is in now. */
export function queueCounts(
  cardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
): QueueCounts {
  let unseen = 0;
  let learning = 0;
  let review = 0;
  for (const id of cardIds) {
    const phase = states.get(id)?.phase ?? 'new';
    if (phase === 'new') unseen += 1;
    else if (phase === 'review') review += 1;
    else learning += 1;
  }
  return { new: unseen, learning, review };
}
