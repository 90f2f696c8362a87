import { expect, it } from 'vitest';
import { readDeckSources } from '../../scripts/cli/read-deck-sources.ts';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { summarizeDeck } from '../../src/compiler/summarize-deck.ts';
import type { Deck } from '../../src/domain/deck.ts';
import { defaultSettings } from '../../src/domain/progress.ts';
import { selectQuizItems } from '../../src/quiz/quiz-session.ts';
import { createSeededRandom } from '../../src/quiz/seeded-random.ts';
import { studyQueue } from '../../src/scheduler/study-queue.ts';

const now = Date.UTC(2026, 4, 12, 10);

async function bundledDeck(folder: string): Promise<Deck> {
  const { sources } = await readDeckSources([folder]);
  const deck = compileDecks(sources).decks[0];
  if (!deck) throw new Error(`no deck in ${folder}`);
  return deck;
}

const titleOf = (deck: Deck, cardOrItemId: string) =>
  deck.topics.find((topic) => cardOrItemId.startsWith(`${topic.id}:`))?.title;

it('introduces new cards in the order the deck teaches, not by id or title', async () => {
  const deck = await bundledDeck('decks/python-async-ecosystem');
  const queue = studyQueue([summarizeDeck(deck).studyCardIds], new Map(), defaultSettings, now);
  const taught = queue.map((id) => titleOf(deck, id));
  expect(taught).toEqual(deck.topics.map((topic) => topic.title));
  expect(taught.slice(0, 3)).toEqual(['Coroutines and async/await', 'The event loop', 'asyncio']);
  expect(taught.indexOf('asyncio')).toBeLessThan(taught.indexOf('AnyIO'));
  // The queue's ids are not in sorted order: the order comes from the deck.
  expect(queue).not.toEqual([...queue].sort());
});

it('asks a first quiz in the same order', async () => {
  const deck = await bundledDeck('decks/python-async-ecosystem');
  const items = selectQuizItems({
    items: deck.quiz,
    states: new Map(),
    scheduler: { retrievability: () => 1 },
    nowMillis: now,
    random: createSeededRandom('first quiz'),
  });
  expect(items.map((item) => titleOf(deck, item.id))).toEqual(
    deck.topics.slice(0, 10).map((topic) => topic.title),
  );
  expect(titleOf(deck, items[0]?.id ?? '')).toBe('Coroutines and async/await');
});
