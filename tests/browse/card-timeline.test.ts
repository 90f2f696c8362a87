import { describe, expect, it } from 'vitest';
import { cardTimeline, type TimelineEntry } from '../../src/browse/card-timeline';
import { cardId, topicId } from '../../src/domain/ids';
import { review, undo } from '../support/events';

const card = cardId('t:term');
const at = Date.UTC(2026, 5, 1);

const described = (entry: TimelineEntry) =>
  entry.kind === 'review'
    ? [entry.id, entry.rating, entry.source, entry.undone]
    : [entry.id, entry.action.kind, entry.undone];

describe('cardTimeline', () => {
  it('lists reviews oldest first with their ratings, undone ones marked', () => {
    const first = review('r1', card, 3, at);
    const second = review('r2', card, 1, at + 60_000, { source: 'quiz' });
    const third = review('r3', card, 4, at + 120_000);
    const timeline = cardTimeline([third, undo('u1', second, at + 90_000), first, second]);
    expect(timeline.map(described)).toEqual([
      ['r1', 3, 'study', false],
      ['r2', 1, 'quiz', true],
      ['r3', 4, 'study', false],
    ]);
  });

  it('lists actions among the reviews, an undone one marked, and leaves notes out', () => {
    const answered = review('r1', card, 3, at);
    const timeline = cardTimeline([
      { kind: 'flag', id: 'f1', cardId: card, atMillis: at + 3_000, flag: 2 },
      { kind: 'suspend', id: 's1', cardId: card, atMillis: at + 1_000 },
      answered,
      {
        kind: 'undo',
        id: 'u1',
        cardId: card,
        cancelsEventId: 's1',
        undoneAtMillis: at + 2_000,
      },
      {
        kind: 'note',
        id: 'n1',
        cardId: cardId('note:t'),
        topicId: topicId('t'),
        text: 'a note',
        atMillis: at,
      },
    ]);
    expect(timeline.map(described)).toEqual([
      ['r1', 3, 'study', false],
      ['s1', 'suspend', true],
      ['f1', 'flag', false],
    ]);
  });
});
