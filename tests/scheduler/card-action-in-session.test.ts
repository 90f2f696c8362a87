import { describe, expect, it } from 'vitest';
import { studyableCardIds } from '../../src/domain/card-controls';
import type { CardId } from '../../src/domain/ids';
import { cardActedOn } from '../../src/scheduler/card-acted-on';
import {
  canUndo,
  type QueueInputs,
  rate,
  revealAnswer,
  reviewFailed,
  type StudySession,
  showNextCard,
  startCustomStudy,
  startStudySession,
} from '../../src/scheduler/study-session';
import { inTimeZone } from '../support/time-zone';
import { ids } from './card-states';
import { storedProgress } from './stored-progress';

inTimeZone('UTC');
const start = Date.UTC(2026, 4, 12, 10);
const deck = ids('a:term', 'a:recall', 'b:term', 'b:recall');

/** The inputs as the app builds them once `suspended` are suspended: out of the decks. */
function without(inputs: QueueInputs, suspended: readonly CardId[]): QueueInputs {
  const controls = new Map(
    suspended.map((cardId) => [cardId, { cardId, suspended: true, leech: false }]),
  );
  return { ...inputs, decks: inputs.decks.map((ids) => studyableCardIds(ids, controls, start)) };
}

const onScreen = (session: StudySession) =>
  session.step.kind === 'card' ? session.step.cardId : undefined;

describe('an action on the card on screen', () => {
  it('takes it out of the queue and the counts, and shows the next card', () => {
    const progress = storedProgress(deck);
    const session = showNextCard(startStudySession(start), progress.at(start));
    expect(session.counts.new).toBe(4);
    const after = cardActedOn(session, without(progress.at(start), ids('a:term')));
    expect(onScreen(after)).toBe('a:recall');
    expect(after.counts.new).toBe(3);
    expect(after.step).toMatchObject({ remaining: 2 });
  });

  it("drops a failed write of that card's review, with its error", () => {
    const progress = storedProgress(deck);
    const revealed = revealAnswer(
      showNextCard(startStudySession(start), progress.at(start)),
      start,
    );
    const review = rate(revealed, 3, { nowMillis: start, eventId: 'e1' });
    if (!review) throw new Error('No answer on screen to rate');
    const failed = reviewFailed(revealed, review, 'The disk is full');
    const after = cardActedOn(failed, without(progress.at(start), ids('a:term')));
    expect(after.failedReview).toBeUndefined();
    expect(after.writeFailure).toBeUndefined();
    expect(canUndo(after)).toBe(false);
  });

  it('takes it out of custom study for good', () => {
    const progress = storedProgress(deck);
    const custom = { cardIds: ids('b:term', 'a:term'), practice: true };
    const session = startCustomStudy(startStudySession(start), custom, progress.at(start));
    // Buried cards leave the decks too; a card put aside stays out even once it is back.
    const after = cardActedOn(session, without(progress.at(start), ids('b:term')));
    expect(onScreen(after)).toBe('a:term');
    expect(after.custom?.cardIds).toEqual(ids('a:term'));
    expect(showNextCard(after, progress.at(start)).counts.new).toBe(1);
  });
});
