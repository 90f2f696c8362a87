import { describe, expect, it } from 'vitest';
import { browseCatalog } from '../../src/browse/browse-catalog';
import { compileOne, outlineSource } from '../support/deck-sources';

const asyncDeck = compileOne(
  outlineSource('Async', {
    Basics: [
      ['Event Loop', 'The event loop runs callbacks and coroutines one after another.'],
      ['Coroutine', 'A coroutine is a function that can pause at an await and resume later.'],
    ],
  }),
);

describe('browseCatalog', () => {
  it('lists every card of every deck in deck order, with its topic title', () => {
    const other = compileOne(
      outlineSource('Web', {
        Servers: [['Uvicorn', 'Uvicorn is an ASGI server that runs async Python web apps.']],
      }),
    );
    const catalog = browseCatalog([asyncDeck, other]);
    expect(catalog.map((card) => card.cardId)).toEqual([
      ...asyncDeck.cards.map((card) => card.id),
      ...other.cards.map((card) => card.id),
    ]);
    const uvicornTerm = catalog.find((card) => card.front === 'Uvicorn');
    expect(uvicornTerm?.topicTitle).toBe('Uvicorn');
    expect(uvicornTerm?.deckIds).toEqual([other.id]);
  });

  it('lists a card held by two decks once, naming both decks', () => {
    const copy = { ...asyncDeck, id: 'async-copy' as typeof asyncDeck.id, title: 'Async copy' };
    const catalog = browseCatalog([asyncDeck, copy]);
    expect(catalog).toHaveLength(asyncDeck.cards.length);
    expect(catalog.every((card) => card.deckIds.join() === `${asyncDeck.id},async-copy`)).toBe(
      true,
    );
  });
});
