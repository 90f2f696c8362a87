import { describe, expect, it } from 'vitest';
import { cardCountsByState } from '../../src/stats/card-counts';
import { cardState, ids, stateMap } from '../scheduler/card-states';

describe('cardCountsByState', () => {
  it("sorts the deck's cards by phase, a card without a state being new", () => {
    const states = stateMap([
      cardState('a:term', 'review', 0),
      cardState('a:recall', 'relearning', 0),
      cardState('b:term', 'learning', 0),
      cardState('b:recall', 'review', 0),
      cardState('c:term', 'new', 0),
      cardState('other-deck:term', 'review', 0),
    ]);
    const deck = ids('a:term', 'a:recall', 'b:term', 'b:recall', 'c:term', 'c:recall');
    expect(cardCountsByState(deck, states)).toEqual({
      new: 2,
      learning: 1,
      review: 2,
      relearning: 1,
    });
  });
});
