import type { CardWithTopic } from '../domain/deck-card-lookup';
import type { CardId, DeckId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { nextStudyDayStartMillis } from './day-boundary';
import type { KeptStudyHead, KeptStudyHeads } from './kept-study-head';
import { queueCounts } from './queue-counts';
import { studyQueueInTasks } from './study-queue';
import type { QueueInputs } from './study-session';

// Keeping the heads of "Study all due" for the next start (see `kept-study-head.ts`): loaded with
// the keeping of the deck counts, after the first screen.

/** Today and the next two study days: a learner back within them starts from a kept head. */
const keptStudyDays = 3;

/**
 * The heads of a session over every deck from `inputs` (built at `inputs.nowMillis`, whose decks
 * are `deckIds`): one from now, and one from each of the next study days' starts, among
 * `dayStartsMillis`. Learning ahead is left out: it applies only to an empty queue, and a session
 * with nothing due opens without a head. `cardOf` gives each head's first card, from its deck.
 */
export async function keepStudyHeads(
  inputs: QueueInputs,
  deckIds: readonly DeckId[],
  dayStartsMillis: readonly number[],
  nextTask: () => Promise<void>,
  cardOf: (deckId: DeckId, cardId: CardId) => Promise<CardWithTopic | undefined>,
): Promise<KeptStudyHeads> {
  const { decks, states, nowMillis } = inputs;
  const settings = { ...inputs.settings, learnAheadMinutes: 0 };
  const deckSettings = inputs.deckSettings?.map((each) => ({ ...each, learnAheadMinutes: 0 }));
  const froms = [nowMillis, ...dayStartsMillis.slice(0, keptStudyDays - 1)];
  const heads: KeptStudyHead[] = [];
  const headStates = new Map<CardId, CardState>();
  for (const fromMillis of froms) {
    const queue = await studyQueueInTasks(
      decks,
      states,
      settings,
      fromMillis,
      deckSettings,
      nextTask,
    );
    const cardIds = queue.slice(0, 2);
    const dayEnd = nextStudyDayStartMillis(fromMillis, settings.dayStartHour);
    heads.push({
      fromMillis,
      untilMillis: Math.min(dayEnd, firstLearningDueAfter(decks, states, fromMillis)),
      cardIds,
      deckIds: cardIds.map((id) => deckIds[decks.findIndex((ids) => ids.includes(id))] as DeckId),
      counts: queueCounts(queue, states),
    });
    for (const id of cardIds) {
      const state = states.get(id);
      if (state) headStates.set(id, state);
    }
  }
  const cards = new Map<CardId, CardWithTopic>();
  for (const { cardIds, deckIds: headDecks } of heads) {
    const [cardId, deckId] = [cardIds[0], headDecks[0]];
    if (cardId === undefined || deckId === undefined || cards.has(cardId)) continue;
    const card = await cardOf(deckId, cardId);
    if (card) cards.set(cardId, card);
  }
  return { heads, states: [...headStates.values()], cards: [...cards.values()] };
}

/** When the first of these decks' (re)learning cards not due at `afterMillis` comes due. */
function firstLearningDueAfter(
  decks: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  afterMillis: number,
): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const studyCardIds of decks) {
    for (const id of studyCardIds) {
      const state = states.get(id);
      if (!state || (state.phase !== 'learning' && state.phase !== 'relearning')) continue;
      if (state.dueAtMillis > afterMillis && state.dueAtMillis < earliest) {
        earliest = state.dueAtMillis;
      }
    }
  }
  return earliest;
}
