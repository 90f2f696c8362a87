import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import type { BrowseCard } from './browse-catalog';
import type { SortDirection, SortKey } from './browse-query';

const sortValue: Record<Exclude<SortKey, 'deck'>, (state: CardState) => number | undefined> = {
  due: (state) => state.dueAtMillis,
  stability: (state) => state.stability,
  difficulty: (state) => state.difficulty,
  lapses: (state) => state.lapses,
  lastReview: (state) => state.lastReviewAtMillis,
};

/**
 * `cards` in the order `key` gives, ties in their given order. Cards never reviewed have no due
 * date, stability or difficulty: they come last in either direction, so a sort never opens on a
 * screen of new cards.
 */
export function sortCards(
  cards: readonly BrowseCard[],
  key: SortKey,
  direction: SortDirection,
  states: ReadonlyMap<CardId, CardState>,
): BrowseCard[] {
  if (key === 'deck') return direction === 'asc' ? [...cards] : [...cards].reverse();
  const sortValueOf = sortValue[key];
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = cards.map((card, index) => {
    const state = states.get(card.cardId);
    const value = state && state.phase !== 'new' ? sortValueOf(state) : undefined;
    return { card, index, value };
  });
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
      return a.index - b.index;
    }
    return (a.value - b.value) * sign || a.index - b.index;
  });
  return keyed.map(({ card }) => card);
}
