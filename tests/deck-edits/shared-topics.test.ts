import { describe, expect, it } from 'vitest';
import { topicsSharedWith } from '../../src/deck-edits/shared-topics';
import { cardId, deckId } from '../../src/domain/ids';

const deck = (id: string, topics: string[][]) => ({
  id: deckId(id),
  title: id.toUpperCase(),
  topicCardIds: topics.map((cards) => cards.map(cardId)),
});

describe('topicsSharedWith', () => {
  const bundled = deck('bundled', [['a:term', 'a:recall', 'a:quiz'], ['b:term'], ['c:term']]);
  const other = deck('other', [['c:term'], ['z:term']]);
  const unrelated = deck('unrelated', [['y:term']]);

  it('counts each topic of the deck that another deck holds, per deck', () => {
    const copy = deck('copy', [
      ['a:term', 'a:recall', 'a:quiz'],
      ['b:term'],
      ['c:term'],
      ['d:term'],
    ]);
    expect(topicsSharedWith(copy, [bundled, other, unrelated, copy])).toEqual([
      { deckId: 'bundled', title: 'BUNDLED', topicCount: 3 },
      { deckId: 'other', title: 'OTHER', topicCount: 1 },
    ]);
  });

  it('counts a topic once however many of its cards are shared', () => {
    const partial = deck('partial', [['a:term', 'a:recall']]);
    expect(topicsSharedWith(partial, [bundled])).toEqual([
      { deckId: 'bundled', title: 'BUNDLED', topicCount: 1 },
    ]);
  });

  it('finds nothing for a deck of its own topics, or against itself alone', () => {
    expect(topicsSharedWith(unrelated, [bundled, other, unrelated])).toEqual([]);
  });
});
