import { type CardControls, studyableCardIds } from '../domain/card-controls';
import { settingsForDeck } from '../domain/deck-options';
import type { CardId, DeckId } from '../domain/ids';
import type { CardState, Settings } from '../domain/progress';
import type { QueueInputs } from './study-session';

/** What stored progress holds that a session's queue is built from. */
interface QueueProgress {
  readonly states: ReadonlyMap<CardId, CardState>;
  readonly settings: Settings;
  readonly controls: ReadonlyMap<CardId, CardControls>;
}

/**
 * A session's queue inputs as progress stands at `nowMillis`: suspended and buried cards left
 * out, each deck within its own limits (plus custom study's raise of today's new cards). The
 * study page builds its queue from these, and the deck page counts what Study would show from
 * the same, so the two never disagree.
 */
export function sessionQueueInputs(
  studyIds: readonly (readonly CardId[])[],
  deckIds: readonly DeckId[],
  progress: QueueProgress,
  nowMillis: number,
  extraNewCards = 0,
): QueueInputs {
  const { states, settings, controls } = progress;
  const decks = studyIds.map((ids) => studyableCardIds(ids, controls, nowMillis));
  const deckSettings = deckIds.map((id) => {
    const own = settingsForDeck(settings, id);
    return extraNewCards === 0 ? own : { ...own, newPerDay: own.newPerDay + extraNewCards };
  });
  return { decks, states, settings, deckSettings, nowMillis };
}
