import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import type { Rating } from '../../src/domain/progress';
import {
  rate,
  revealAnswer,
  reviewSaved,
  type StudySession,
  showNextCard,
  startStudySession,
  undoLast,
  undoSaved,
} from '../../src/scheduler/study-session';
import { review } from '../support/events';
import { inTimeZone } from '../support/time-zone';
import { ids } from './card-states';
import { type StoredProgress, storedProgress } from './stored-progress';

const second = 1000;
const minute = 60 * second;
const day = 24 * 60 * minute;
inTimeZone('UTC');
const start = Date.UTC(2026, 4, 12, 10);

/** A deck of one review card due (answered Easy a month ago), one learning card due, two new. */
function mixedDeck(): StoredProgress {
  const progress = storedProgress(ids('a:term', 'a:recall', 'b:term', 'c:term'));
  progress.commit(review('old', cardId('a:recall'), 4, start - 30 * day));
  progress.commit(review('lately', cardId('b:term'), 1, start - 5 * minute));
  return progress;
}

function answer(session: StudySession, progress: StoredProgress, rating: Rating, at: number) {
  const event = rate(revealAnswer(session, at), rating, { nowMillis: at, eventId: `e${at}` });
  if (!event) throw new Error('No answer on screen to rate');
  progress.commit(event);
  return reviewSaved(session, event, progress.at(at));
}

describe('the counts a study session shows', () => {
  it('are none while progress loads', () => {
    expect(startStudySession(start).counts).toEqual({ new: 0, learning: 0, review: 0 });
  });

  it('count the card on screen and the queue after it by phase, and move with each answer and undo', () => {
    const progress = mixedDeck();
    let session = showNextCard(startStudySession(start), progress.at(start));
    expect(session.counts).toEqual({ new: 2, learning: 1, review: 1 });

    // The learning card graduates its step: due again in ten minutes, out of the queue.
    session = answer(session, progress, 3, start + second);
    expect(session.counts).toEqual({ new: 2, learning: 0, review: 1 });
    // The review card lapses: relearning, due in ten minutes.
    session = answer(session, progress, 1, start + 2 * second);
    expect(session.counts).toEqual({ new: 2, learning: 0, review: 0 });
    session = answer(session, progress, 3, start + 3 * second);
    expect(session.counts).toEqual({ new: 1, learning: 0, review: 0 });

    const undo = undoLast(session, { nowMillis: start + 4 * second, eventId: 'u1' });
    if (!undo) throw new Error('Nothing to undo');
    progress.commit(undo);
    session = undoSaved(session, undo, progress.at(start + 4 * second));
    expect(session.counts).toEqual({ new: 2, learning: 0, review: 0 });
  });

  it('are none when the session ends', () => {
    const progress = storedProgress(ids('a:term'));
    const session = showNextCard(startStudySession(start), progress.at(start));
    expect(session.counts).toEqual({ new: 1, learning: 0, review: 0 });
    const ended = answer(session, progress, 3, start + second);
    expect(ended.step.kind).toBe('done');
    expect(ended.counts).toEqual({ new: 0, learning: 0, review: 0 });
  });
});
