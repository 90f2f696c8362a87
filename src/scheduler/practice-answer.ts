import type { Rating } from '../domain/progress';
import {
  actionTaken,
  advance,
  counted,
  customWithout,
  type QueueInputs,
  type StudySession,
} from './study-session';

/**
 * A practice answer: counted in the tally and the next card shows, with nothing to write and
 * nothing to undo. Unchanged unless a practice card's answer is showing.
 */
export function practiceAnswered(
  session: StudySession,
  rating: Rating,
  inputs: QueueInputs,
): StudySession {
  const { step, custom } = session;
  if (!custom?.practice || step.kind !== 'card' || step.revealedAtMillis === undefined) {
    return session;
  }
  const answered = {
    ...actionTaken(session),
    tally: counted(session.tally, rating),
    custom: customWithout(custom, step.cardId),
  };
  return advance(answered, inputs, undefined, step.cardId);
}
