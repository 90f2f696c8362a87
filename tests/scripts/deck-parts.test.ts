import { expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import {
  type DeckPart,
  deckPartTexts,
  type FirstDeckPart,
  joinDeckPartsSource,
} from '../../scripts/build/deck-parts.ts';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { Deck } from '../../src/domain/deck.ts';

/** `joinDeckParts` as the bundled decks' module defines it, run as a browser would. */
const joinInBrowser = new Function(`${joinDeckPartsSource}\nreturn joinDeckParts;`)() as (
  first: FirstDeckPart,
  ...rest: DeckPart[]
) => Deck;

function generatedDeck(topics: number): Deck {
  const files = generateCorpus(topics, 'parts');
  const [deck] = compileDecks([{ path: 'corpus', layout: 'topic-folder', files }]).decks;
  if (!deck) throw new Error('the corpus compiled to no deck');
  return deck;
}

it('writes a short deck as one file, its JSON unchanged', () => {
  const deck = generatedDeck(3);
  expect(deckPartTexts(deck)).toEqual([JSON.stringify(deck)]);
});

it('cuts a long deck into parts of about the length asked for, which join into the same deck', () => {
  const deck = generatedDeck(120);
  const whole = JSON.stringify(deck).length;
  const texts = deckPartTexts(deck, 20_000);

  expect(texts).toHaveLength(Math.ceil(whole / 20_000));
  for (const text of texts) expect(text.length).toBeLessThan(2 * 20_000);
  const [first, ...rest] = texts.map((text) => JSON.parse(text));
  // Only the first part says which deck it is; each part holds a run of topics, cards and quiz.
  expect(first.id).toBe(deck.id);
  for (const part of rest) expect(Object.keys(part).sort()).toEqual(['cards', 'quiz', 'topics']);
  expect(joinInBrowser(first, ...rest)).toEqual(deck);
});
