import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks';
import { changedCardIds } from '../../src/deck-edits/changed-cards';
import type { Deck } from '../../src/domain/deck';
import { cardId } from '../../src/domain/ids';
import type { ReviewEvent } from '../../src/domain/progress';
import { schedulerForSettings } from '../../src/scheduler/scheduler';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';

function compileFolder(files: Record<string, string>): Deck {
  const { decks } = compileDecks([
    {
      path: 'loops',
      layout: 'topic-folder',
      files: Object.entries(files).map(([name, content]) => ({ path: `loops/${name}`, content })),
    },
  ]);
  const deck = decks[0];
  if (!deck) throw new Error('the fixture compiled to no deck');
  return deck;
}

const before = {
  'libuv@node-libuv.md': '# libuv\n\nlibuv is a C library with an event loop.\n',
  'libev@node-libev.md': '# libev\n\nlibev is a small event loop in C.\n',
  'libevent@node-libevent.md': '# libevent\n\nlibevent notifies callbacks of events.\n',
};
const after = {
  // Reworded, and renamed in its file name: the node id keeps its identity.
  'libuv-renamed@node-libuv.md': '# libuv\n\nlibuv is the C library under the loop of Node.js.\n',
  'libev@node-libev.md': before['libev@node-libev.md'],
  'asyncio@node-asyncio.md': "# asyncio\n\nasyncio is Python's own event loop.\n",
};

const review = (id: string, atMillis: number): ReviewEvent => ({
  kind: 'review',
  id: `review-${id}`,
  cardId: cardId(id),
  rating: 3,
  reviewedAtMillis: atMillis,
  durationMillis: 2000,
  source: 'study',
});

describe('a deck edited between builds', () => {
  it('keeps the ids of remaining topics and marks only the reworded cards as changed', () => {
    const old = compileFolder(before);
    const edited = compileFolder(after);
    const seen = new Map(old.cards.map((card) => [card.id, card.contentHash]));

    expect(edited.topics.map((topic) => topic.id)).toEqual([
      'node-asyncio',
      'node-libev',
      'node-libuv',
    ]);
    expect([...changedCardIds(edited.cards, seen)].sort()).toEqual([
      'node-libuv:quiz',
      'node-libuv:recall',
      'node-libuv:term',
    ]);
  });

  it('keeps the progress of every card, those the edit removed included', async () => {
    const repository = new InMemoryProgressRepository((settings) =>
      schedulerForSettings(settings, false),
    );
    const start = Date.UTC(2026, 0, 5, 12);
    await repository.commitReview(review('node-libuv:term', start));
    await repository.commitReview(review('node-libevent:term', start + 1000));

    const edited = compileFolder(after);
    const { states } = await repository.load();
    const editedIds = new Set<string>(edited.cards.map((card) => card.id));
    expect(editedIds.has('node-libuv:term')).toBe(true);
    expect(states.get(cardId('node-libuv:term'))?.reps).toBe(1);
    // No deck holds it any more, and its progress is still there should the topic come back.
    expect(editedIds.has('node-libevent:term')).toBe(false);
    expect(states.get(cardId('node-libevent:term'))?.reps).toBe(1);
  });
});
