import { describe, expect, it } from 'vitest';
import { likelyFirstDeck } from '../../src/scheduler/likely-first-deck';
import { keptDeckCounts } from '../support/kept-deck-counts';
import { studyDeck } from '../support/study-deck';
import { cardState, ids, stateMap } from './card-states';

const minute = 60_000;
const day = 24 * 60 * minute;
const now = Date.parse('2026-05-12T08:00:00Z');

const done = studyDeck('done', ids('done/a:term', 'done/b:term'));
const due = studyDeck('due', ids('due/a:term', 'due/b:term'));
const unseen = studyDeck('unseen', ids('unseen/a:term'));
const states = stateMap([
  cardState('done/a:term', 'review', now + 3 * day),
  cardState('done/b:term', 'review', now + 5 * day),
  cardState('due/a:term', 'review', now + 3 * day),
  cardState('due/b:term', 'review', now - day),
]);

/** The counts kept a minute ago for these decks. */
const keptFor = (decks: readonly (typeof done)[]) => keptDeckCounts(decks, states, now - minute);

describe('the deck a session likely starts with', () => {
  it('is the first deck, in session order, with a card due or a new card', () => {
    const record = keptFor([done, due, unseen]);
    expect(likelyFirstDeck(record, [done, due, unseen], now)?.id).toBe('due');
    expect(likelyFirstDeck(record, [done, unseen, due], now)?.id).toBe('unseen');
    expect(likelyFirstDeck(record, [done], now)).toBeUndefined();
  });

  it('passes over a deck whose cards changed since the counts were kept', () => {
    const record = keptFor([due, unseen]);
    const editedDue = studyDeck('due', ids('due/a:term', 'due/b:term', 'due/c:term'));
    expect(likelyFirstDeck(record, [editedDue, unseen], now)?.id).toBe('unseen');
  });
});
