import {
  actionTaken,
  advance,
  customWithout,
  type QueueInputs,
  type StudySession,
} from './study-session';

/**
 * The learner suspended, buried, reset or marked as known the card on screen: it leaves the
 * session (the decks' queue leaves suspended and buried cards out) and the next card shows.
 */
export function cardActedOn(session: StudySession, inputs: QueueInputs): StudySession {
  const { step, failedReview } = session;
  if (step.kind !== 'card') return session;
  const moved = {
    ...actionTaken(session),
    custom: customWithout(session.custom, step.cardId),
    // Undoing an earlier review of it would bring back a card the learner put aside.
    undoable: session.undoable.filter((review) => review.cardId !== step.cardId),
    ...(failedReview?.cardId === step.cardId && {
      failedReview: undefined,
      writeFailure: undefined,
    }),
  };
  return advance(moved, inputs, step.cardId);
}
