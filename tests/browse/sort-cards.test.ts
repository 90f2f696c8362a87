import { describe, expect, it } from 'vitest';
import { type BrowseCard, browseCatalog } from '../../src/browse/browse-catalog';
import { sortCards } from '../../src/browse/sort-cards';
import { cardState, stateMap } from '../scheduler/card-states';
import { compileOne, outlineSource } from '../support/deck-sources';

const now = Date.UTC(2026, 5, 10, 8);
const day = 86_400_000;
const deck = compileOne(
  outlineSource('Async', {
    Basics: [
      ['Event Loop', 'The event loop runs callbacks and coroutines one after another.'],
      ['Coroutine', 'A coroutine is a function that can pause at an await and resume later.'],
    ],
  }),
);
const catalog = browseCatalog([deck]);
const [a, b, c] = catalog;
const states = stateMap([
  cardState(a?.cardId ?? '', 'review', now + 3 * day, { stability: 2, difficulty: 7, lapses: 1 }),
  cardState(b?.cardId ?? '', 'review', now + day, { stability: 9, difficulty: 3, lapses: 4 }),
  cardState(c?.cardId ?? '', 'learning', now + 2 * day, { stability: 5, difficulty: 5, lapses: 0 }),
]);
const idsOf = (cards: readonly BrowseCard[]) => cards.map((card) => card.cardId);
const unseen = catalog.slice(3).map((card) => card.cardId);

describe('sortCards', () => {
  it('keeps deck order, or reverses it', () => {
    expect(idsOf(sortCards(catalog, 'deck', 'asc', states))).toEqual(idsOf(catalog));
    expect(idsOf(sortCards(catalog, 'deck', 'desc', states))).toEqual(idsOf(catalog).reverse());
  });

  it('sorts by due date both ways, cards never reviewed last either way', () => {
    expect(idsOf(sortCards(catalog, 'due', 'asc', states))).toEqual([
      b?.cardId,
      c?.cardId,
      a?.cardId,
      ...unseen,
    ]);
    expect(idsOf(sortCards(catalog, 'due', 'desc', states))).toEqual([
      a?.cardId,
      c?.cardId,
      b?.cardId,
      ...unseen,
    ]);
  });

  it('sorts by stability, difficulty, lapses and last review', () => {
    const firstThree = (key: Parameters<typeof sortCards>[1]) =>
      idsOf(sortCards(catalog, key, 'asc', states)).slice(0, 3);
    expect(firstThree('stability')).toEqual([a?.cardId, c?.cardId, b?.cardId]);
    expect(firstThree('difficulty')).toEqual([b?.cardId, c?.cardId, a?.cardId]);
    expect(firstThree('lapses')).toEqual([c?.cardId, a?.cardId, b?.cardId]);
    // The filler states were last reviewed 5 days before they fall due.
    expect(firstThree('lastReview')).toEqual([b?.cardId, c?.cardId, a?.cardId]);
  });
});
