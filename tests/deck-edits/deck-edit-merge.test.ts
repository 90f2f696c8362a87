import { describe, expect, it } from 'vitest';
import { changedCardIds } from '../../src/deck-edits/changed-cards';
import { cardId } from '../../src/domain/ids';
import { schedulerForSettings } from '../../src/scheduler/scheduler';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import { compileOne, topicFolderSource } from '../support/deck-sources';
import { review } from '../support/events';

const compileFolder = (files: Record<string, string>) =>
  compileOne(topicFolderSource('loops', files));

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

/** A Good review of the card `id`, the review's id derived from it. */
const goodReview = (id: string, atMillis: number) =>
  review(`review-${id}`, cardId(id), 3, atMillis);

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
    await repository.commitReview(goodReview('node-libuv:term', start));
    await repository.commitReview(goodReview('node-libevent:term', start + 1000));

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
