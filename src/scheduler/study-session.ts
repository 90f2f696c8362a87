import type { CardId } from '../domain/ids';
import type { CardState, Rating, ReviewEvent, UndoEvent } from '../domain/progress';
import type { QueueSettings } from './deck-counts';
import { noCardsLeft, type QueueCounts, queueCounts } from './queue-counts';
import { awayFromSibling } from './sibling-cards';
import { comeBackAtMillis, studyQueue } from './study-queue';

// One study session as plain data and the transitions over it, beside the quiz's session: the
// clock's time and fresh event ids come in as arguments, and writing an event is the caller's
// part. A rating or an undo is two steps, because the write may fail: `rate` gives the event to
// commit, then `reviewSaved` or `reviewFailed` says how the write went (`undoLast`, `undoSaved`
// and `undoFailed` likewise).

export interface SessionTally {
  readonly studied: number;
  readonly again: number;
  readonly startedAtMillis: number;
}

type StudyStep =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'card';
      readonly cardId: CardId;
      /** When the answer was shown (the rating buttons preview from then); undefined while hidden. */
      readonly revealedAtMillis: number | undefined;
      /** The queue after this card, so the bar can say "n of N". */
      readonly remaining: number;
      /** The card likely to follow, so its deck can be fetched ahead. */
      readonly upNext: CardId | undefined;
    }
  | {
      readonly kind: 'done';
      /** When the queue may next hold a card; undefined when these decks hold none. */
      readonly comeBackAtMillis: number | undefined;
      /** When the queue was found empty: a later tick of the study clock looks again. */
      readonly checkedAtMillis: number;
    };

/**
 * A session's own list of cards instead of the decks' schedule (custom study), each card shown
 * once. A practice session records nothing: the schedule stays as it was.
 */
export interface CustomQueue {
  /** The cards not yet answered here, the card on screen among them, in the order to show. */
  readonly cardIds: readonly CardId[];
  readonly practice: boolean;
}

/** A write that failed, said beside the card until a later write succeeds. */
export interface WriteFailure {
  readonly action: 'review' | 'undo';
  readonly reason: string;
}

export interface StudySession {
  readonly step: StudyStep;
  /** The card on screen and the queue after it, as the three counts above the card. */
  readonly counts: QueueCounts;
  readonly tally: SessionTally;
  /** This session's own reviews, oldest first: Z takes back the last. */
  readonly undoable: readonly ReviewEvent[];
  /** When the card on screen was shown: a review's duration counts from then. */
  readonly shownAtMillis: number;
  /**
   * A review whose write failed. Rating its card again retries it under the same id, so that a
   * write that did land after all is never counted twice.
   */
  readonly failedReview: ReviewEvent | undefined;
  readonly writeFailure: WriteFailure | undefined;
  /** Another tab answered the card that was on screen; the next action here clears it. */
  readonly handedOver: boolean;
  /** Custom study's cards; undefined for the decks' own schedule. */
  readonly custom: CustomQueue | undefined;
  /**
   * The card on screen was shown before the queue after it was built whole: from the queue's
   * first part, or from the head kept for this start. `withQueueAfter` brings in the rest.
   */
  readonly queuePending?: boolean;
}

/** What a session's queue is built from, as it stands at `nowMillis`. */
export interface QueueInputs {
  /** The session's study cards deck by deck, a card in one deck only (`distinctSessionCards`). */
  readonly decks: readonly (readonly CardId[])[];
  readonly states: ReadonlyMap<CardId, CardState>;
  readonly settings: QueueSettings;
  /** Each deck's limits where its options set its own, in the order of `decks`. */
  readonly deckSettings?: readonly QueueSettings[];
  readonly nowMillis: number;
}

/** The time an event is made at, and its fresh unique id (a random UUID in the app). */
interface EventStamp {
  readonly nowMillis: number;
  readonly eventId: string;
}

/** A session still waiting for stored progress: `showNextCard` shows its first card. */
export function startStudySession(startedAtMillis: number): StudySession {
  return {
    step: { kind: 'loading' },
    counts: noCardsLeft,
    tally: { studied: 0, again: 0, startedAtMillis },
    undoable: [],
    shownAtMillis: startedAtMillis,
    failedReview: undefined,
    writeFailure: undefined,
    handedOver: false,
    custom: undefined,
  };
}

/** The queue without `cardId`: a card on screen is not also up next. */
export function queueWithout(
  session: StudySession,
  inputs: QueueInputs,
  cardId: CardId | undefined,
): CardId[] {
  const { decks, states, settings, nowMillis, deckSettings } = inputs;
  const { custom } = session;
  if (!custom) {
    return studyQueue(decks, states, settings, nowMillis, deckSettings).filter(
      (id) => id !== cardId,
    );
  }
  // Custom study's cards only while the decks hold them and they are not suspended or buried.
  const studyable = new Set(decks.flat());
  return custom.cardIds.filter((id) => id !== cardId && studyable.has(id));
}

/** Custom study's cards without one just answered: each shows once. */
export function customWithout(
  custom: CustomQueue | undefined,
  cardId: CardId,
): CustomQueue | undefined {
  return custom && { ...custom, cardIds: custom.cardIds.filter((id) => id !== cardId) };
}

function cardStep(cardId: CardId, rest: readonly CardId[]): Extract<StudyStep, { kind: 'card' }> {
  return {
    kind: 'card',
    cardId,
    revealedAtMillis: undefined,
    remaining: rest.length,
    upNext: rest[0],
  };
}

/**
 * Shows the first card of the queue; `handedOverCard`, just taken by another tab, is left to it.
 * The queue is built afresh, so a sibling of the card just `answered` waits as it should; where
 * siblings wait, one that does not (a learning card) still does not follow it straight away.
 */
export function advance(
  session: StudySession,
  inputs: QueueInputs,
  handedOverCard?: CardId,
  answered?: CardId,
): StudySession {
  return showFirstOf(session, queueWithout(session, inputs, handedOverCard), inputs, answered);
}

/**
 * The first card of `queue`, already built from `inputs` and without any card to leave out:
 * `showNextCard` with the queue built beforehand (`studyQueueInTasks`).
 */
export function showFirstOf(
  session: StudySession,
  queue: readonly CardId[],
  inputs: QueueInputs,
  answered?: CardId,
): StudySession {
  const [next, ...rest] = inputs.settings.siblingsWait ? awayFromSibling(queue, answered) : queue;
  const { decks, states, settings, nowMillis } = inputs;
  if (next) {
    const counts = queueCounts([next, ...rest], states);
    return {
      ...session,
      step: cardStep(next, rest),
      counts,
      shownAtMillis: nowMillis,
      queuePending: false,
    };
  }
  const step: StudyStep = {
    kind: 'done',
    comeBackAtMillis: comeBackAtMillis(decks, states, settings, nowMillis),
    checkedAtMillis: nowMillis,
  };
  return { ...session, step, counts: noCardsLeft, shownAtMillis: nowMillis, queuePending: false };
}

/** Shows `cardId`, answer hidden, with the queue after it as it stands. */
export function showCard(session: StudySession, cardId: CardId, inputs: QueueInputs): StudySession {
  const rest = queueWithout(session, inputs, cardId);
  return {
    ...session,
    step: cardStep(cardId, rest),
    counts: queueCounts([cardId, ...rest], inputs.states),
    shownAtMillis: inputs.nowMillis,
    queuePending: false,
  };
}

/**
 * Shows the first card of a queue known only by its head (`kept-study-head.ts`): its first cards
 * and its counts. The queue after it is pending until built whole.
 */
export function showKeptHead(
  session: StudySession,
  head: { readonly cardIds: readonly CardId[]; readonly counts: QueueCounts },
  nowMillis: number,
): StudySession {
  const [next, upNext] = head.cardIds;
  if (next === undefined) return session;
  const { counts } = head;
  const step = cardStep(next, []);
  const remaining = Math.max(0, counts.new + counts.learning + counts.review - 1);
  return {
    ...session,
    step: { ...step, remaining, upNext },
    counts,
    shownAtMillis: nowMillis,
    queuePending: true,
  };
}

/**
 * The card on screen as it is (its answer shown or not), with `rest`, the queue after it, now
 * built whole: for a first card shown from the queue's first part (`studyQueueInTasks`).
 */
export function withQueueAfter(
  session: StudySession,
  rest: readonly CardId[],
  inputs: QueueInputs,
): StudySession {
  const { step } = session;
  if (step.kind !== 'card') return session;
  return {
    ...session,
    step: { ...step, remaining: rest.length, upNext: rest[0] },
    counts: queueCounts([step.cardId, ...rest], inputs.states),
    queuePending: false,
  };
}

/** Shows the first card of the queue as it stands, or the end of the session when none is due. */
export function showNextCard(session: StudySession, inputs: QueueInputs): StudySession {
  return advance(session, inputs);
}

/** Starts custom study over `cardIds`, in that order, in place of the decks' schedule. */
export function startCustomStudy(
  session: StudySession,
  custom: CustomQueue,
  inputs: QueueInputs,
): StudySession {
  return advance({ ...session, custom }, inputs);
}

export const isPractice = (session: StudySession): boolean => session.custom?.practice === true;

/** "No cards due" looks again once the study clock has moved past the moment it looked. */
export function afterClockTick(
  session: StudySession,
  clockMillis: number,
  inputs: QueueInputs,
): StudySession {
  const { step } = session;
  return step.kind === 'done' && clockMillis > step.checkedAtMillis
    ? advance(session, inputs)
    : session;
}

/** An action here (a reveal, a rating, an undo) clears the notice of a card handed over. */
export function actionTaken(session: StudySession): StudySession {
  return session.handedOver ? { ...session, handedOver: false } : session;
}

export function revealAnswer(session: StudySession, nowMillis: number): StudySession {
  const { step } = session;
  if (step.kind !== 'card' || step.revealedAtMillis !== undefined) return actionTaken(session);
  return { ...actionTaken(session), step: { ...step, revealedAtMillis: nowMillis } };
}

/**
 * The review a rating of the card on screen makes; undefined unless its answer is showing. A
 * retry of a failed write keeps that review's id and times and takes the new rating.
 */
export function rate(
  session: StudySession,
  rating: Rating,
  stamp: EventStamp,
): ReviewEvent | undefined {
  const { step, failedReview, shownAtMillis } = session;
  if (step.kind !== 'card' || step.revealedAtMillis === undefined) return undefined;
  if (failedReview?.cardId === step.cardId) return { ...failedReview, rating };
  return {
    kind: 'review',
    id: stamp.eventId,
    cardId: step.cardId,
    rating,
    reviewedAtMillis: stamp.nowMillis,
    durationMillis: Math.max(0, stamp.nowMillis - shownAtMillis),
    source: 'study',
  };
}

/** The review is stored: it counts in the tally, Z may take it back, and the next card shows. */
export function reviewSaved(
  session: StudySession,
  review: ReviewEvent,
  inputs: QueueInputs,
): StudySession {
  const { tally } = session;
  const saved: StudySession = {
    ...session,
    failedReview: undefined,
    writeFailure: undefined,
    undoable: [...session.undoable, review],
    tally: counted(tally, review.rating),
    custom: customWithout(session.custom, review.cardId),
  };
  return advance(saved, inputs, undefined, review.cardId);
}

export const counted = (tally: SessionTally, rating: Rating): SessionTally => ({
  ...tally,
  studied: tally.studied + 1,
  again: tally.again + (rating === 1 ? 1 : 0),
});

/** The card and its answer stay on screen with the failure, to rate again. */
export function reviewFailed(
  session: StudySession,
  review: ReviewEvent,
  reason: string,
): StudySession {
  return { ...session, failedReview: review, writeFailure: { action: 'review', reason } };
}

export const canUndo = (session: StudySession): boolean => session.undoable.length > 0;

/** The undo of this session's last review; undefined when there is none. */
export function undoLast(session: StudySession, stamp: EventStamp): UndoEvent | undefined {
  const last = session.undoable.at(-1);
  if (!last) return undefined;
  return {
    kind: 'undo',
    id: stamp.eventId,
    cardId: last.cardId,
    cancelsEventId: last.id,
    undoneAtMillis: stamp.nowMillis,
  };
}

/**
 * The review is taken back: out of the tally, and its card is on screen again, answer hidden. A
 * review of another card that was not saved stays, to retry when that card is back.
 */
export function undoSaved(
  session: StudySession,
  undo: UndoEvent,
  inputs: QueueInputs,
): StudySession {
  const undone = session.undoable.find((review) => review.id === undo.cancelsEventId);
  if (!undone) return session;
  const { tally, custom } = session;
  const back = custom && { ...custom, cardIds: [undone.cardId, ...custom.cardIds] };
  return {
    ...showCard({ ...session, custom: back }, undone.cardId, inputs),
    writeFailure: undefined,
    undoable: session.undoable.filter((review) => review !== undone),
    tally: {
      ...tally,
      studied: tally.studied - 1,
      again: tally.again - (undone.rating === 1 ? 1 : 0),
    },
  };
}

export function undoFailed(session: StudySession, reason: string): StudySession {
  return { ...session, writeFailure: { action: 'undo', reason } };
}

/**
 * Another tab committed reviews of `changedCardIds`. Those reviews are the other tab's: none
 * counts here, and Z never undoes them, nor any earlier review of those cards made here, which
 * now lies under the other tab's. The card on screen, when it is one of them, is handed over and
 * the next one shows; otherwise the queue's length and next card are brought up to date, and
 * "No cards due" looks again.
 */
export function answeredElsewhere(
  session: StudySession,
  changedCardIds: readonly CardId[],
  inputs: QueueInputs,
): StudySession {
  // Practice is apart from the schedule: what other tabs record does not change it.
  if (isPractice(session)) return session;
  const changed = new Set(changedCardIds);
  const undoable = session.undoable.filter((review) => !changed.has(review.cardId));
  const { step, custom } = session;
  // Custom study's cards answered there are done with.
  const left = custom && { ...custom, cardIds: custom.cardIds.filter((id) => !changed.has(id)) };
  const kept = { ...session, undoable, custom: left };
  if (step.kind === 'card' && changed.has(step.cardId)) {
    const cleared = { ...kept, failedReview: undefined, writeFailure: undefined };
    return advance({ ...cleared, handedOver: true }, inputs, step.cardId);
  }
  if (step.kind === 'card') {
    const rest = queueWithout(kept, inputs, step.cardId);
    return {
      ...kept,
      step: { ...step, remaining: rest.length, upNext: rest[0] },
      counts: queueCounts([step.cardId, ...rest], inputs.states),
    };
  }
  if (step.kind === 'done') return advance(kept, inputs);
  return kept;
}
