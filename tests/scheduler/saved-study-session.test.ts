import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import type { Rating } from '../../src/domain/progress';
import { resumeSavedSession } from '../../src/scheduler/resume-saved-session';
import { savedStudySession } from '../../src/scheduler/saved-study-session';
import {
  canUndo,
  rate,
  revealAnswer,
  reviewSaved,
  type StudySession,
  showNextCard,
  startCustomStudy,
  startStudySession,
  undoLast,
} from '../../src/scheduler/study-session';
import { review } from '../support/events';
import { inTimeZone } from '../support/time-zone';
import { ids } from './card-states';
import { type StoredProgress, storedProgress } from './stored-progress';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
inTimeZone('UTC');
const start = Date.UTC(2026, 4, 12, 10);
const deck = ids('a:term', 'a:recall', 'b:term', 'b:recall');

function answer(session: StudySession, progress: StoredProgress, rating: Rating, at: number) {
  const event = rate(revealAnswer(session, at), rating, { nowMillis: at, eventId: `e${at}` });
  if (!event) throw new Error('No answer on screen to rate');
  progress.commit(event);
  return reviewSaved(session, event, progress.at(at));
}

/** Two cards answered, the third on screen with its answer showing, saved as JSON would hold it. */
function midSession() {
  const progress = storedProgress(deck);
  let session = showNextCard(startStudySession(start), progress.at(start));
  session = answer(session, progress, 3, start + second);
  session = answer(session, progress, 1, start + 2 * second);
  session = revealAnswer(session, start + 3 * second);
  const saved: unknown = JSON.parse(JSON.stringify(savedStudySession(session, start + 4 * second)));
  return { progress, session, saved };
}

const onScreen = (session: StudySession | undefined) =>
  session?.step.kind === 'card' ? session.step.cardId : undefined;

describe('a saved study session', () => {
  it('is nothing to save while no card is on screen', () => {
    expect(savedStudySession(startStudySession(start), start)).toBeUndefined();
  });

  it('resumes where it was: the card and its answer, the place, the tally, the counts and Z', () => {
    const { progress, session, saved } = midSession();
    const resumed = resumeSavedSession(saved, progress.at(start + minute));
    expect(resumed?.step).toEqual(session.step);
    expect(resumed?.step).toMatchObject({ cardId: 'b:term', revealedAtMillis: start + 3 * second });
    expect(resumed?.tally).toEqual({ studied: 2, again: 1, startedAtMillis: start });
    expect(resumed?.counts).toEqual(session.counts);
    expect(resumed?.shownAtMillis).toBe(session.shownAtMillis);
    if (!resumed) return;
    expect(undoLast(resumed, { nowMillis: start + minute, eventId: 'u1' })).toMatchObject({
      cardId: 'a:recall',
      cancelsEventId: `e${start + 2 * second}`,
    });
  });

  it('is dropped when saved on another study day or in the future', () => {
    const { progress, saved } = midSession();
    // The study day starts at 04:00: 03:59 the next morning is still the same one.
    const sameDay = Date.UTC(2026, 4, 13, 3, 59);
    expect(resumeSavedSession(saved, progress.at(sameDay))).toBeDefined();
    expect(resumeSavedSession(saved, progress.at(Date.UTC(2026, 4, 13, 4)))).toBeUndefined();
    expect(resumeSavedSession(saved, progress.at(start))).toBeUndefined();
  });

  it('is dropped when malformed in any part', () => {
    const { progress, saved } = midSession();
    const inputs = progress.at(start + minute);
    const base = saved as Record<string, unknown>;
    const broken: unknown[] = [
      undefined,
      'session',
      [],
      { ...base, version: 2 },
      { ...base, savedAtMillis: 'now' },
      { ...base, tally: { studied: 1, again: 2, startedAtMillis: start } },
      { ...base, tally: { studied: -1, again: 0, startedAtMillis: start } },
      { ...base, tally: { studied: 2, again: 0, startedAtMillis: start + hour } },
      { ...base, undoable: 'all' },
      { ...base, undoable: [{ kind: 'review', id: 'x' }] },
      { ...base, tally: { studied: 1, again: 1, startedAtMillis: start } },
      { ...base, card: { cardId: '', shownAtMillis: start } },
      { ...base, card: { cardId: 'b:term', shownAtMillis: start, revealedAtMillis: 'yes' } },
      { ...base, custom: { cardIds: [1, 2], practice: false } },
      { ...base, custom: { cardIds: ['a:term'], practice: 'no' } },
    ];
    for (const value of broken) expect(resumeSavedSession(value, inputs)).toBeUndefined();
  });

  it('moves on from a card answered in another tab since, and never undoes a review overtaken', () => {
    const { progress, saved } = midSession();
    // Another tab answered the card on screen, and answered again the card this one rated last.
    progress.commit(review('elsewhere-1', cardId('b:term'), 3, start + 5 * second));
    progress.commit(review('elsewhere-2', cardId('a:recall'), 3, start + 6 * second));
    const resumed = resumeSavedSession(saved, progress.at(start + minute));
    expect(onScreen(resumed)).toBe('b:recall');
    expect(resumed?.tally.studied).toBe(2);
    expect(resumed?.undoable.map((event) => event.cardId)).toEqual(['a:term']);
  });

  it('leaves out the cards its decks no longer hold', () => {
    const progress = storedProgress(deck);
    const custom = { cardIds: ids('b:term', 'a:term', 'b:recall'), practice: true };
    const session = startCustomStudy(startStudySession(start), custom, progress.at(start));
    const saved = savedStudySession(session, start + second);
    const shrunk = storedProgress(ids('a:term', 'a:recall', 'b:recall'));
    const resumed = resumeSavedSession(saved, shrunk.at(start + minute));
    expect(onScreen(resumed)).toBe('a:term');
    expect(resumed?.custom).toEqual({ cardIds: ids('a:term', 'b:recall'), practice: true });
    expect(resumed && canUndo(resumed)).toBe(false);
  });
});
