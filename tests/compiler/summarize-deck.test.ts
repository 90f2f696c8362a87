import { expect, it } from 'vitest';
import { readDeckSources } from '../../scripts/cli/read-deck-sources.ts';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { summarizeDeck } from '../../src/compiler/summarize-deck.ts';

it('counts a deck’s study cards, its term and recall cards, beside their ids', async () => {
  const { sources } = await readDeckSources(['decks/python-async-ecosystem']);
  const deck = compileDecks(sources).decks[0];
  if (!deck) throw new Error('no deck compiled');
  const summary = summarizeDeck(deck);
  const studyCards = deck.cards.filter((card) => card.kind !== 'quiz');
  expect(summary.studyCardIds).toEqual(studyCards.map((card) => card.id));
  expect(summary.cardCount).toBe(studyCards.length);
  expect(summary.cardCount).toBeGreaterThan(0);
});

it('fingerprints a deck’s study cards, so that kept counts of other cards do not apply', async () => {
  const { sources } = await readDeckSources(['decks/python-async-ecosystem']);
  const deck = compileDecks(sources).decks[0];
  if (!deck) throw new Error('no deck compiled');
  const summary = summarizeDeck(deck);
  const [, ...laterCards] = deck.cards;
  const edited = summarizeDeck({ ...deck, cards: laterCards });
  expect(summary.cardsFingerprint).toBe(summarizeDeck({ ...deck }).cardsFingerprint);
  expect(edited.cardsFingerprint).not.toBe(summary.cardsFingerprint);
});
