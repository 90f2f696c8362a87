import { describe, expect, it } from 'vitest';
import { type CardId, cardId } from '../../src/domain/ids';
import { defaultSettings, type Rating } from '../../src/domain/progress';
import {
  actionTaken,
  afterClockTick,
  answeredElsewhere,
  canUndo,
  rate,
  revealAnswer,
  reviewFailed,
  reviewSaved,
  type StudySession,
  showNextCard,
  startStudySession,
  undoFailed,
  undoLast,
  undoSaved,
} from '../../src/scheduler/study-session';
import { review, undo } from '../support/events';
import { inTimeZone } from '../support/time-zone';
import { ids } from './card-states';
import { everyCardOnce, type StoredProgress, storedProgress } from './stored-progress';

const second = 1000;
const minute = 60 * second;
const day = 24 * 60 * minute;
inTimeZone('UTC');

// 10:00 UTC: the study day began at 04:00, so nothing here crosses into the next one.
const start = Date.UTC(2026, 4, 12, 10);
const fourNewCards = ids('a:term', 'a:recall', 'b:term', 'b:recall');

/** A session over `progress` with its first card on screen at `start`. */
function firstCard(progress: StoredProgress): StudySession {
  return showNextCard(startStudySession(start), progress.at(start));
}

/** Shows the answer, rates the card on screen and saves the review, all at `nowMillis`. */
function answer(
  session: StudySession,
  progress: StoredProgress,
  rating: Rating,
  nowMillis: number,
  eventId = `review-at-${nowMillis}`,
): StudySession {
  const revealed = revealAnswer(session, nowMillis);
  const event = rate(revealed, rating, { nowMillis, eventId });
  if (!event) throw new Error('No answer on screen to rate');
  progress.commit(event);
  return reviewSaved(revealed, event, progress.at(nowMillis));
}

const onScreen = (session: StudySession): CardId | undefined =>
  session.step.kind === 'card' ? session.step.cardId : undefined;

describe('a study session', () => {
  it('waits for stored progress, then shows the first card with its answer hidden', () => {
    const session = startStudySession(start);
    expect(session.step).toEqual({ kind: 'loading' });
    expect(session.tally).toEqual({ studied: 0, again: 0, startedAtMillis: start });
    expect(canUndo(session)).toBe(false);

    const shown = showNextCard(session, storedProgress(fourNewCards).at(start + second));
    expect(shown.step).toEqual({
      kind: 'card',
      cardId: 'a:term',
      revealedAtMillis: undefined,
      remaining: 3,
      upNext: 'a:recall',
    });
    expect(shown.shownAtMillis).toBe(start + second);
  });

  it('shows the answer once, keeping the moment it was first shown', () => {
    const session = firstCard(storedProgress(fourNewCards));
    const revealed = revealAnswer(session, start + 5 * second);
    expect(revealed.step).toMatchObject({ cardId: 'a:term', revealedAtMillis: start + 5 * second });
    expect(revealAnswer(revealed, start + 9 * second).step).toEqual(revealed.step);
  });

  it('rates only a card whose answer is showing, with the id and time given, timed from when it showed', () => {
    const session = firstCard(storedProgress(fourNewCards));
    expect(rate(session, 3, { nowMillis: start + 7 * second, eventId: 'e1' })).toBeUndefined();

    const revealed = revealAnswer(session, start + 4 * second);
    expect(rate(revealed, 3, { nowMillis: start + 7 * second, eventId: 'e1' })).toEqual({
      kind: 'review',
      id: 'e1',
      cardId: 'a:term',
      rating: 3,
      reviewedAtMillis: start + 7 * second,
      durationMillis: 7 * second,
      source: 'study',
    });
    // A clock set back never makes a negative duration.
    expect(rate(revealed, 3, { nowMillis: start - minute, eventId: 'e2' })?.durationMillis).toBe(0);
  });

  it('counts each saved review, Again apart, offers to undo it, and shows the next card', () => {
    const progress = storedProgress(fourNewCards);
    const afterAgain = answer(firstCard(progress), progress, 1, start + 10 * second);
    expect(afterAgain.tally).toEqual({ studied: 1, again: 1, startedAtMillis: start });
    expect(canUndo(afterAgain)).toBe(true);
    // a:term now waits a minute in learning: the queue holds the three others.
    expect(afterAgain.step).toEqual({
      kind: 'card',
      cardId: 'a:recall',
      revealedAtMillis: undefined,
      remaining: 2,
      upNext: 'b:term',
    });
    expect(afterAgain.shownAtMillis).toBe(start + 10 * second);

    const afterGood = answer(afterAgain, progress, 3, start + 20 * second);
    expect(afterGood.tally).toEqual({ studied: 2, again: 1, startedAtMillis: start });
    expect(onScreen(afterGood)).toBe('b:term');
  });

  it('puts another card between two of one topic where siblings wait', () => {
    // Both of a's cards were answered Again yesterday: learning cards, due now, that never wait.
    for (const settings of [defaultSettings, everyCardOnce]) {
      const progress = storedProgress(ids('a:term', 'a:recall', 'b:term'), settings);
      progress.commit(review('y1', cardId('a:term'), 1, start - day));
      progress.commit(review('y2', cardId('a:recall'), 1, start - day + second));
      const session = firstCard(progress);
      expect(onScreen(session)).toBe('a:term');
      const next = answer(session, progress, 3, start + second);
      expect(onScreen(next)).toBe(settings.siblingsWait ? 'b:term' : 'a:recall');
    }
  });

  it('ends when nothing is due, says when to come back, and looks again once the clock passes', () => {
    const progress = storedProgress(fourNewCards);
    let session = firstCard(progress);
    for (let index = 0; index < 4; index++) {
      session = answer(session, progress, 3, start + (index + 1) * second);
    }
    // Good on a new card is a ten-minute learning step: a:term, answered first, comes back first.
    const ended = start + 4 * second;
    expect(session.step).toEqual({
      kind: 'done',
      comeBackAtMillis: start + second + 10 * minute,
      checkedAtMillis: ended,
    });
    expect(session.tally).toEqual({ studied: 4, again: 0, startedAtMillis: start });

    expect(afterClockTick(session, ended, progress.at(ended))).toBe(session);
    const stillNothing = afterClockTick(session, ended + minute, progress.at(ended + minute));
    expect(stillNothing.step).toMatchObject({ kind: 'done', checkedAtMillis: ended + minute });

    const comeBack = start + second + 10 * minute;
    const again = afterClockTick(stillNothing, comeBack, progress.at(comeBack));
    expect(onScreen(again)).toBe('a:term');
    expect(again.tally.studied).toBe(4);
  });

  it('undoes several ratings, last first, each card back on screen with its answer hidden', () => {
    const progress = storedProgress(fourNewCards);
    let session = firstCard(progress);
    session = answer(session, progress, 1, start + 1 * second, 'e1');
    session = answer(session, progress, 3, start + 2 * second, 'e2');
    session = answer(session, progress, 2, start + 3 * second, 'e3');
    expect(session.tally).toEqual({ studied: 3, again: 1, startedAtMillis: start });

    const undoAt = start + 4 * second;
    const lastUndo = undoLast(session, { nowMillis: undoAt, eventId: 'u1' });
    expect(lastUndo).toEqual({
      kind: 'undo',
      id: 'u1',
      cardId: 'b:term',
      cancelsEventId: 'e3',
      undoneAtMillis: undoAt,
    });
    if (!lastUndo) return;
    progress.commit(lastUndo);
    session = undoSaved(session, lastUndo, progress.at(undoAt));
    expect(session.step).toEqual({
      kind: 'card',
      cardId: 'b:term',
      revealedAtMillis: undefined,
      remaining: 1,
      upNext: 'b:recall',
    });
    expect(session.shownAtMillis).toBe(undoAt);
    expect(session.tally).toEqual({ studied: 2, again: 1, startedAtMillis: start });

    for (const [eventId, cardId, tally] of [
      ['e2', 'a:recall', { studied: 1, again: 1 }],
      ['e1', 'a:term', { studied: 0, again: 0 }],
    ] as const) {
      const next = undoLast(session, { nowMillis: undoAt, eventId: `undo-${eventId}` });
      expect(next?.cancelsEventId).toBe(eventId);
      if (!next) return;
      progress.commit(next);
      session = undoSaved(session, next, progress.at(undoAt));
      expect(onScreen(session)).toBe(cardId);
      expect(session.tally).toMatchObject(tally);
    }
    expect(canUndo(session)).toBe(false);
    expect(undoLast(session, { nowMillis: undoAt, eventId: 'u4' })).toBeUndefined();
  });

  it('keeps a card whose review was not saved on screen, and retries it under the same id', () => {
    const progress = storedProgress(ids('a:term'));
    const revealed = revealAnswer(firstCard(progress), start + 3 * second);
    const first = rate(revealed, 3, { nowMillis: start + 5 * second, eventId: 'e1' });
    if (!first) throw new Error('No answer on screen to rate');

    const failed = reviewFailed(revealed, first, 'The disk is full');
    expect(failed.step).toEqual(revealed.step);
    expect(failed.writeFailure).toEqual({ action: 'review', reason: 'The disk is full' });
    expect(failed.tally.studied).toBe(0);
    expect(canUndo(failed)).toBe(false);

    // Another rating, later: the same review (id and time) with the new rating.
    const retry = rate(failed, 1, { nowMillis: start + minute, eventId: 'e2' });
    expect(retry).toEqual({ ...first, rating: 1 });
    if (!retry) return;
    progress.commit(retry);
    const saved = reviewSaved(failed, retry, progress.at(start + minute));
    expect(saved.writeFailure).toBeUndefined();
    expect(saved.tally).toMatchObject({ studied: 1, again: 1 });

    // Again is a one-minute step from the review's own time. When the card comes back, its
    // rating is a review of its own.
    const comeBack = start + 5 * second + minute;
    expect(saved.step).toMatchObject({ kind: 'done', comeBackAtMillis: comeBack });
    const back = revealAnswer(afterClockTick(saved, comeBack, progress.at(comeBack)), comeBack);
    expect(onScreen(back)).toBe('a:term');
    expect(rate(back, 3, { nowMillis: comeBack + second, eventId: 'e3' })).toMatchObject({
      id: 'e3',
      reviewedAtMillis: comeBack + second,
    });
  });

  it('rates a card an undo brought back under a new id while another card’s review is not saved', () => {
    const progress = storedProgress(fourNewCards);
    const session = answer(firstCard(progress), progress, 3, start + second, 'e1');
    const revealed = revealAnswer(session, start + 2 * second);
    const unsaved = rate(revealed, 3, { nowMillis: start + 3 * second, eventId: 'e2' });
    if (!unsaved) throw new Error('No answer on screen to rate');
    const failed = reviewFailed(revealed, unsaved, 'The disk is full');

    const lastUndo = undoLast(failed, { nowMillis: start + 4 * second, eventId: 'u1' });
    if (!lastUndo) throw new Error('Nothing to undo');
    progress.commit(lastUndo);
    const undone = undoSaved(failed, lastUndo, progress.at(start + 4 * second));
    expect(undone.writeFailure).toBeUndefined();
    const back = revealAnswer(undone, start + 5 * second);
    expect(onScreen(back)).toBe('a:term');
    expect(rate(back, 3, { nowMillis: start + 6 * second, eventId: 'e3' })).toMatchObject({
      id: 'e3',
      cardId: 'a:term',
    });
  });

  it('keeps the review on offer to undo when the undo was not saved', () => {
    const progress = storedProgress(fourNewCards);
    const session = answer(firstCard(progress), progress, 3, start + second, 'e1');
    const failed = undoFailed(session, 'The disk is full');
    expect(failed.writeFailure).toEqual({ action: 'undo', reason: 'The disk is full' });
    expect(failed.step).toEqual(session.step);
    expect(failed.tally.studied).toBe(1);
    expect(undoLast(failed, { nowMillis: start + minute, eventId: 'u2' })?.cancelsEventId).toBe(
      'e1',
    );
  });
});

describe('another tab answering', () => {
  it('hands the card on screen over, says so until the next action, and counts none of it here', () => {
    const progress = storedProgress(fourNewCards);
    let session = answer(firstCard(progress), progress, 3, start + second, 'e1');
    const revealed = revealAnswer(session, start + 2 * second);
    const mine = rate(revealed, 3, { nowMillis: start + 3 * second, eventId: 'e2' });
    if (!mine) throw new Error('No answer on screen to rate');
    session = reviewFailed(revealed, mine, 'The disk is full');

    // The other tab answered both of a's cards: the one answered here and the one on screen.
    progress.commit(review('other-1', cardId('a:term'), 3, start + 4 * second));
    progress.commit(review('other-2', cardId('a:recall'), 1, start + 4 * second));
    const handedOver = answeredElsewhere(
      session,
      ids('a:term', 'a:recall'),
      progress.at(start + 5 * second),
    );
    expect(handedOver.step).toEqual({
      kind: 'card',
      cardId: 'b:term',
      revealedAtMillis: undefined,
      remaining: 1,
      upNext: 'b:recall',
    });
    expect(handedOver.handedOver).toBe(true);
    expect(handedOver.writeFailure).toBeUndefined();
    expect(handedOver.tally).toMatchObject({ studied: 1, again: 0 });
    // Z never undoes a review the other tab's now lies over.
    expect(canUndo(handedOver)).toBe(false);

    expect(actionTaken(handedOver).handedOver).toBe(false);
    expect(revealAnswer(handedOver, start + 6 * second).handedOver).toBe(false);
    // The review that failed was of the card handed over, answered Again there: when it comes
    // back, its rating here is a review of its own, not a retry of that one.
    let later = answer(handedOver, progress, 3, start + 6 * second);
    later = answer(later, progress, 3, start + 7 * second);
    const comeBack = start + 4 * second + minute;
    expect(later.step).toMatchObject({ kind: 'done', comeBackAtMillis: comeBack });
    const back = revealAnswer(afterClockTick(later, comeBack, progress.at(comeBack)), comeBack);
    expect(onScreen(back)).toBe('a:recall');
    expect(rate(back, 3, { nowMillis: comeBack, eventId: 'e5' })).toMatchObject({ id: 'e5' });
  });

  it('leaves a handed-over card to the other tab even where learning ahead would bring it back', () => {
    const progress = storedProgress(ids('a:term'), defaultSettings);
    const session = firstCard(progress);
    // Again there makes a learning card due in a minute, well within the learn-ahead limit.
    progress.commit(review('other-1', cardId('a:term'), 1, start + second));
    expect(progress.at(start + 2 * second).states.get(cardId('a:term'))?.phase).toBe('learning');

    const handedOver = answeredElsewhere(session, ids('a:term'), progress.at(start + 2 * second));
    expect(handedOver.step).toMatchObject({ kind: 'done', checkedAtMillis: start + 2 * second });
    expect(handedOver.handedOver).toBe(true);
  });

  it('rates a card handed over and come back under a new id, not as a retry of its unsaved review', () => {
    const progress = storedProgress(ids('a:term'));
    const revealed = revealAnswer(firstCard(progress), start + second);
    const unsaved = rate(revealed, 3, { nowMillis: start + 2 * second, eventId: 'e1' });
    if (!unsaved) throw new Error('No answer on screen to rate');
    const failed = reviewFailed(revealed, unsaved, 'The disk is full');

    progress.commit(review('other-1', cardId('a:term'), 1, start + 3 * second));
    const handedOver = answeredElsewhere(failed, ids('a:term'), progress.at(start + 4 * second));
    const comeBack = start + 3 * second + minute;
    expect(handedOver.step).toMatchObject({ kind: 'done', comeBackAtMillis: comeBack });

    const back = revealAnswer(
      afterClockTick(handedOver, comeBack, progress.at(comeBack)),
      comeBack,
    );
    expect(onScreen(back)).toBe('a:term');
    expect(rate(back, 3, { nowMillis: comeBack + second, eventId: 'e2' })).toMatchObject({
      id: 'e2',
      reviewedAtMillis: comeBack + second,
    });
  });

  it('brings the queue up to date when another tab answers a card further on', () => {
    const progress = storedProgress(fourNewCards);
    const revealed = revealAnswer(firstCard(progress), start + second);
    progress.commit(review('other-1', cardId('a:recall'), 3, start + 2 * second));
    const updated = answeredElsewhere(revealed, ids('a:recall'), progress.at(start + 3 * second));
    expect(updated.step).toEqual({
      kind: 'card',
      cardId: 'a:term',
      revealedAtMillis: start + second,
      remaining: 2,
      upNext: 'b:term',
    });
    expect(updated.handedOver).toBe(false);
    expect(updated.shownAtMillis).toBe(start);
  });

  it('looks again at the end of a session, and gives up the undo of a card the other tab took back', () => {
    const progress = storedProgress(ids('a:term'));
    const ended = answer(firstCard(progress), progress, 3, start + second, 'e1');
    expect(ended.step.kind).toBe('done');

    // The other tab undid this tab's review: the card is new again, and due.
    const mine = review('e1', cardId('a:term'), 3, start + second);
    progress.commit(undo('other-undo', mine, start + 2 * second));
    const again = answeredElsewhere(ended, ids('a:term'), progress.at(start + 3 * second));
    expect(onScreen(again)).toBe('a:term');
    expect(again.handedOver).toBe(false);
    expect(canUndo(again)).toBe(false);
  });

  it('leaves a session still loading as it is', () => {
    const loading = startStudySession(start);
    const after = answeredElsewhere(loading, ids('a:term'), storedProgress(fourNewCards).at(start));
    expect(after.step).toEqual({ kind: 'loading' });
    expect(after.handedOver).toBe(false);
  });
});
