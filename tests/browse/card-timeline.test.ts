import { describe, expect, it } from 'vitest';
import { cardTimeline } from '../../src/browse/card-timeline';
import { cardId } from '../../src/domain/ids';
import { review, undo } from '../support/events';

const card = cardId('t:term');
const at = Date.UTC(2026, 5, 1);

describe('cardTimeline', () => {
  it('lists reviews oldest first with their ratings, undone ones marked', () => {
    const first = review('r1', card, 3, at);
    const second = review('r2', card, 1, at + 60_000, { source: 'quiz' });
    const third = review('r3', card, 4, at + 120_000);
    const timeline = cardTimeline([third, undo('u1', second, at + 90_000), first, second]);
    expect(timeline.map((entry) => [entry.id, entry.rating, entry.source, entry.undone])).toEqual([
      ['r1', 3, 'study', false],
      ['r2', 1, 'quiz', true],
      ['r3', 4, 'study', false],
    ]);
  });
});
