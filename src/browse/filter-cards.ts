import { type CardControls, isBuried } from '../domain/card-controls';
import type { CardId, TopicId } from '../domain/ids';
import { type CardState, inLearningSteps } from '../domain/progress';
import { nextStudyDayStartMillis, startOfStudyDayMillis } from '../scheduler/day-boundary';
import type { BrowseCard } from './browse-catalog';
import type { BrowseQuery, CardStateFilter, DueFilter } from './browse-query';

export interface FilterContext {
  readonly states: ReadonlyMap<CardId, CardState>;
  readonly controls: ReadonlyMap<CardId, CardControls>;
  /** Each topic's note: a search finds a card by its topic's note too. */
  readonly notes: ReadonlyMap<TopicId, { readonly text: string }>;
  readonly nowMillis: number;
  readonly dayStartHour: number;
}

const weekStudyDays = 7;

function stateMatches(cardId: CardId, filter: CardStateFilter, context: FilterContext): boolean {
  const phase = context.states.get(cardId)?.phase ?? 'new';
  const controls = context.controls.get(cardId);
  switch (filter) {
    case 'new':
      return phase === 'new';
    case 'learning':
      return inLearningSteps(phase);
    case 'review':
      return phase === 'review';
    case 'suspended':
      return controls?.suspended === true;
    case 'buried':
      return isBuried(context.controls, cardId, context.nowMillis);
    case 'leech':
      return controls?.leech === true;
    default:
      return controls?.flag !== undefined && filter === `flag-${controls.flag}`;
  }
}

/** The due window `[from, to)` of a due filter, in epoch ms. */
function dueWindow(filter: DueFilter, nowMillis: number, dayStartHour: number): [number, number] {
  const todayStart = startOfStudyDayMillis(nowMillis, dayStartHour);
  switch (filter) {
    case 'overdue':
      return [Number.NEGATIVE_INFINITY, todayStart];
    case 'today':
      return [todayStart, nextStudyDayStartMillis(nowMillis, dayStartHour)];
    case 'week': {
      let end = nowMillis;
      // Day by day rather than 7 × 24 hours: a week across a daylight-saving change is not.
      for (let day = 0; day < weekStudyDays; day++)
        end = nextStudyDayStartMillis(end, dayStartHour);
      return [todayStart, end];
    }
  }
}

/**
 * The cards that pass every filter of `query` and hold its search text (case-insensitive) in
 * their front, back, topic title or topic note; in the catalog's order.
 */
export function filterCards(
  cards: readonly BrowseCard[],
  query: BrowseQuery,
  context: FilterContext,
): BrowseCard[] {
  const needle = query.text.trim().toLowerCase();
  const window =
    query.due === undefined
      ? undefined
      : dueWindow(query.due, context.nowMillis, context.dayStartHour);
  const notedTopics = new Set<TopicId>();
  if (needle !== '') {
    for (const [topicId, note] of context.notes) {
      if (note.text.toLowerCase().includes(needle)) notedTopics.add(topicId);
    }
  }
  return cards.filter((card) => {
    if (query.deckId !== undefined && !card.deckIds.some((id) => id === query.deckId)) return false;
    const state = context.states.get(card.cardId);
    if (query.state !== undefined && !stateMatches(card.cardId, query.state, context)) {
      return false;
    }
    if (window) {
      // A card never reviewed has no due date: it is new, not due.
      if (!state || state.phase === 'new') return false;
      if (state.dueAtMillis < window[0] || state.dueAtMillis >= window[1]) return false;
    }
    return needle === '' || notedTopics.has(card.topicId) || card.searchText.includes(needle);
  });
}
