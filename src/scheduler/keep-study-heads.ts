import type { CardWithTopic } from '../domain/deck-card-lookup';
import type { CardId, DeckId } from '../domain/ids';
import { type CardState, inLearningSteps } from '../domain/progress';
import { nextStudyDayStartMillis } from './day-boundary';
import type { KeptStudyHead, KeptStudyHeads } from './kept-study-head';
import { queueCounts } from './queue-counts';
import { deckQueuesAt } from './study-queue';
import type { QueueInputs } from './study-session';

// Keeping the heads of "Study all due" for the next start (see `kept-study-head.ts`): loaded with
// the keeping of the deck counts, after the first screen.

/** Today and the next two study days: a learner back within them starts from a kept head. */
const keptStudyDays = 3;
/**
 * A day's heads follow its (re)learning cards coming due, one head per moment, up to this many;
 * past them, one more head from when the day's last such card is due, for a learner back later.
 */
const headsPerDay = 16;
/** The first cards kept whole: those of the heads kept for the longest spans. */
const wholeCardsKept = 6;

/**
 * The heads of a session over every deck from `inputs` (built at `inputs.nowMillis`, whose decks
 * are `deckIds`): from now, and from each of the next study days' starts, among
 * `dayStartsMillis`; within each day, again from each moment a (re)learning card comes due, when
 * it joins its deck's part of the queue. Learning ahead is left out: it applies only to an empty
 * queue, and a session with nothing due opens without a head. `cardOf` gives a head's first card,
 * from its deck.
 */
export async function keepStudyHeads(
  inputs: QueueInputs,
  deckIds: readonly DeckId[],
  dayStartsMillis: readonly number[],
  nextTask: () => Promise<void>,
  cardOf: (deckId: DeckId, cardId: CardId) => Promise<CardWithTopic | undefined>,
): Promise<KeptStudyHeads> {
  const { nowMillis } = inputs;
  const queueInputs = {
    ...inputs,
    settings: { ...inputs.settings, learnAheadMinutes: 0 },
    ...(inputs.deckSettings && {
      deckSettings: inputs.deckSettings.map((each) => ({ ...each, learnAheadMinutes: 0 })),
    }),
  };
  const froms = [nowMillis, ...dayStartsMillis.slice(0, keptStudyDays - 1)];
  const heads: KeptStudyHead[] = [];
  for (const fromMillis of froms) {
    heads.push(...(await headsOfDay(queueInputs, deckIds, fromMillis, nextTask)));
  }
  const headStates = new Map<CardId, CardState>();
  for (const { cardIds } of heads) {
    for (const id of cardIds) {
      const state = inputs.states.get(id);
      if (state) headStates.set(id, state);
    }
  }
  const cards = new Map<CardId, CardWithTopic>();
  const longestFirst = [...heads].sort(
    (a, b) => b.untilMillis - b.fromMillis - (a.untilMillis - a.fromMillis),
  );
  for (const { cardIds, deckIds: headDecks } of longestFirst) {
    const [cardId, deckId] = [cardIds[0], headDecks[0]];
    if (cards.size === wholeCardsKept) break;
    if (cardId === undefined || deckId === undefined || cards.has(cardId)) continue;
    const card = await cardOf(deckId, cardId);
    if (card) cards.set(cardId, card);
  }
  return { heads, states: [...headStates.values()], cards: [...cards.values()] };
}

/**
 * The heads of the study day from `fromMillis`: from it, then from each moment a (re)learning card
 * comes due until the day ends. Such a card changes only its own deck's part of the queue, so
 * only that part is built again, a deck per task.
 */
async function headsOfDay(
  inputs: QueueInputs,
  deckIds: readonly DeckId[],
  fromMillis: number,
  nextTask: () => Promise<void>,
): Promise<KeptStudyHead[]> {
  const { decks, states, settings, deckSettings } = inputs;
  const dayEnd = nextStudyDayStartMillis(fromMillis, settings.dayStartHour);
  const comingDue = learningComingDue(decks, states, fromMillis, dayEnd);
  // Each deck's part of the queue at the moment of the head being built.
  const parts: CardId[][] = [];
  const buildPartsAt = async (atMillis: number, changed: Iterable<number>) => {
    const deckQueueOf = deckQueuesAt(states, settings, atMillis);
    for (const index of changed) {
      await nextTask();
      parts[index] = deckQueueOf(decks[index] ?? [], deckSettings?.[index]);
    }
  };
  const heads: KeptStudyHead[] = [];
  const headFrom = (atMillis: number, untilMillis: number) => {
    const queue = parts.flat();
    const cardIds = queue.slice(0, 2);
    heads.push({
      fromMillis: atMillis,
      untilMillis,
      cardIds,
      deckIds: cardIds.map((id) => deckIds[parts.findIndex((part) => part.includes(id))] as DeckId),
      counts: queueCounts(queue, states),
    });
  };
  await buildPartsAt(fromMillis, decks.keys());
  let atMillis = fromMillis;
  let next = 0;
  for (;;) {
    const untilMillis = comingDue[next]?.dueAtMillis ?? dayEnd;
    headFrom(atMillis, untilMillis);
    if (untilMillis === dayEnd || heads.length === headsPerDay) break;
    atMillis = untilMillis;
    const changed = new Set<number>();
    for (; comingDue[next]?.dueAtMillis === atMillis; next += 1) {
      changed.add(comingDue[next]?.deckIndex ?? 0);
    }
    await buildPartsAt(atMillis, changed);
  }
  const lastDue = comingDue.at(-1)?.dueAtMillis;
  if (lastDue !== undefined && lastDue > atMillis) {
    await buildPartsAt(lastDue, new Set(comingDue.slice(next).map((each) => each.deckIndex)));
    headFrom(lastDue, dayEnd);
  }
  return heads;
}

/** The (re)learning cards of these decks coming due after `afterMillis` and before `endMillis`. */
function learningComingDue(
  decks: readonly (readonly CardId[])[],
  states: ReadonlyMap<CardId, CardState>,
  afterMillis: number,
  endMillis: number,
): { readonly dueAtMillis: number; readonly deckIndex: number }[] {
  const comingDue: { dueAtMillis: number; deckIndex: number }[] = [];
  for (const [deckIndex, studyCardIds] of decks.entries()) {
    for (const id of studyCardIds) {
      const state = states.get(id);
      if (!state || !inLearningSteps(state.phase)) continue;
      const { dueAtMillis } = state;
      if (dueAtMillis > afterMillis && dueAtMillis < endMillis) {
        comingDue.push({ dueAtMillis, deckIndex });
      }
    }
  }
  return comingDue.sort((a, b) => a.dueAtMillis - b.dueAtMillis);
}
