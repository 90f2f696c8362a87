import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { parseCustomStudy } from '../../src/scheduler/custom-study';
import { customStudySearch } from '../../src/scheduler/custom-study-search';
import { practiceAnswered } from '../../src/scheduler/practice-answer';
import {
  answeredElsewhere,
  canUndo,
  isPractice,
  rate,
  revealAnswer,
  reviewSaved,
  type StudySession,
  startCustomStudy,
  startStudySession,
  undoLast,
  undoSaved,
} from '../../src/scheduler/study-session';
import { review } from '../support/events';
import { inTimeZone } from '../support/time-zone';
import { ids } from './card-states';
import { storedProgress } from './stored-progress';

const second = 1000;
inTimeZone('UTC');
const start = Date.UTC(2026, 4, 12, 10);
const deck = ids('a:term', 'a:recall', 'b:term', 'b:recall');

const onScreen = (session: StudySession) =>
  session.step.kind === 'card' ? session.step.cardId : undefined;

describe('custom study in a session', () => {
  it('shows its own cards in their order, each once, and records each answer', () => {
    const progress = storedProgress(deck);
    const custom = { cardIds: ids('b:recall', 'a:term'), practice: false };
    let session = startCustomStudy(startStudySession(start), custom, progress.at(start));
    expect(onScreen(session)).toBe('b:recall');
    expect(session.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(isPractice(session)).toBe(false);

    const at = start + second;
    const event = rate(revealAnswer(session, at), 1, { nowMillis: at, eventId: 'e1' });
    if (!event) throw new Error('No answer on screen to rate');
    progress.commit(event);
    // Answered Again, b:recall is due again in a minute, yet custom study shows it only once.
    session = reviewSaved(session, event, progress.at(at + 2 * 60 * second));
    expect(onScreen(session)).toBe('a:term');
    expect(session.custom?.cardIds).toEqual(ids('a:term'));

    const undo = undoLast(session, { nowMillis: at + second, eventId: 'u1' });
    if (!undo) throw new Error('Nothing to undo');
    progress.commit(undo);
    session = undoSaved(session, undo, progress.at(at + second));
    expect(onScreen(session)).toBe('b:recall');
    expect(session.custom?.cardIds).toEqual(ids('b:recall', 'a:term'));
  });

  it('leaves out the cards another tab answers meanwhile', () => {
    const progress = storedProgress(deck);
    const custom = { cardIds: ids('a:term', 'b:term', 'b:recall'), practice: false };
    const session = startCustomStudy(startStudySession(start), custom, progress.at(start));
    progress.commit(review('elsewhere', cardId('b:term'), 3, start + second));
    const after = answeredElsewhere(session, ids('b:term'), progress.at(start + second));
    expect(onScreen(after)).toBe('a:term');
    expect(after.step).toMatchObject({ remaining: 1, upNext: 'b:recall' });
  });

  it('in practice, counts answers in the tally but writes nothing and has nothing to undo', () => {
    const progress = storedProgress(deck);
    const custom = { cardIds: ids('a:recall', 'b:term'), practice: true };
    let session = startCustomStudy(startStudySession(start), custom, progress.at(start));
    expect(isPractice(session)).toBe(true);
    // Not before the answer shows.
    expect(practiceAnswered(session, 1, progress.at(start))).toBe(session);

    session = practiceAnswered(revealAnswer(session, start), 1, progress.at(start + second));
    expect(onScreen(session)).toBe('b:term');
    session = practiceAnswered(revealAnswer(session, start), 3, progress.at(start + 2 * second));
    expect(session.step.kind).toBe('done');
    expect(session.tally).toMatchObject({ studied: 2, again: 1 });
    expect(canUndo(session)).toBe(false);
    expect(progress.log()).toEqual([]);
    // What other tabs record leaves practice as it is.
    expect(answeredElsewhere(session, ids('b:term'), progress.at(start))).toBe(session);
  });
});

describe('custom study in a page address', () => {
  it('reads back what it wrote, and nothing from a broken address', () => {
    for (const study of [
      { kind: 'review-ahead', days: 3 },
      { kind: 'forgotten-today' },
      { kind: 'practise-missed', days: 7 },
      { kind: 'practise-flagged' },
    ] as const) {
      expect(parseCustomStudy(customStudySearch(study))).toEqual(study);
    }
    for (const search of [
      '',
      '?custom=cram',
      '?custom=review-ahead',
      '?custom=review-ahead&days=0',
      '?custom=practise-missed&days=2.5',
      '?custom=practise-missed&days=366',
    ]) {
      expect(parseCustomStudy(search)).toBeUndefined();
    }
  });
});
