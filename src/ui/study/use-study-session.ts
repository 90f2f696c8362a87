import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CardAction } from '../../domain/card-controls';
import type { Deck } from '../../domain/deck';
import { findDeckCard } from '../../domain/deck-card-lookup';
import type { DeckSummary } from '../../domain/deck-summary';
import type { CardId } from '../../domain/ids';
import type { Rating } from '../../domain/progress';
import { keptStudyHeadAt } from '../../scheduler/kept-study-head';
import { savedStudySession } from '../../scheduler/saved-study-session';
import { sessionQueueInputs } from '../../scheduler/session-queue-inputs';
import { studyQueueInTasks } from '../../scheduler/study-queue';
import {
  actionTaken,
  afterClockTick,
  answeredElsewhere,
  type CustomQueue,
  canUndo,
  isPractice,
  type QueueInputs,
  queueWithout,
  rate as rateCard,
  revealAnswer,
  reviewFailed,
  reviewSaved,
  type StudySession,
  showFirstOf,
  showKeptHead,
  showNextCard,
  startCustomStudy,
  startStudySession,
  undoFailed,
  undoLast,
  undoSaved,
  type WriteFailure,
  withQueueAfter,
} from '../../scheduler/study-session';
import { nextTask } from '../../storage/next-task';
import { useAppStore, useAppStoreApi } from '../common/app-store';
import type { CardDecks } from './card-deck-index';
import { withDeckRetention } from './deck-retention';
import { keepSavedSession, readSavedSession } from './saved-session-storage';
import { useDistinctStudyIds } from './use-distinct-study-ids';
import { useStudyClock } from './use-study-clock';

const handedOverNotice = 'This card was answered in another tab.';

/**
 * Up to this many cards, a session whose progress has loaded builds its first card's queue in its
 * first render, in a few milliseconds; a larger one finds its distinct card ids and builds the
 * queue a deck per task after that render: at 100,000 cards, in one go, each held input for about
 * 100 ms.
 */
const firstRenderQueueCards = 10_000;

/** The content hash a card has in its loaded deck; undefined while that deck is not loaded. */
function loadedContentHash(
  loadedDecks: Readonly<Record<string, Deck>>,
  cardDecks: CardDecks,
  cardId: CardId,
): string | undefined {
  const deckId = cardDecks.get(cardId);
  const deck = deckId === undefined ? undefined : loadedDecks[deckId];
  return deck && findDeckCard(deck, cardId)?.card.contentHash;
}

function writeErrorText(failure: WriteFailure | undefined): string | undefined {
  if (!failure) return undefined;
  const what = failure.action === 'review' ? 'Your answer was' : 'The undo was';
  return `${what} not saved: ${failure.reason}`;
}

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * How a session opens after a reload (resumed where it was) or for custom study (its cards
 * chosen): both load their code only then. Once open, a session shows the next card instead.
 */
async function openSession(
  savedSession: unknown,
  chooseCards: SessionOptions['chooseCards'],
  queueInputs: () => QueueInputs,
): Promise<(current: StudySession) => StudySession> {
  const { resumeSavedSession } = await import('../../scheduler/resume-saved-session');
  const resumed = resumeSavedSession(savedSession, queueInputs());
  const custom =
    resumed || !chooseCards
      ? undefined
      : // The log could not be read: the session says there is nothing to study rather than hang.
        await chooseCards(queueInputs()).catch(
          (): CustomQueue => ({ cardIds: [], practice: false }),
        );
  const inputs = queueInputs();
  return (current) => {
    if (current.step.kind !== 'loading') return showNextCard(current, inputs);
    if (resumed) return resumed;
    return custom ? startCustomStudy(current, custom, inputs) : showNextCard(current, inputs);
  };
}

export interface SessionOptions {
  /** Where the session is saved, so that a reload of its page resumes it. */
  readonly resumeKey: string;
  /** Custom study: its cards, chosen once stored progress has loaded. */
  readonly chooseCards?: (inputs: QueueInputs) => Promise<CustomQueue>;
  /** New cards beyond the daily limit, raised for today by custom study. */
  readonly extraNewCards?: number;
  /**
   * "Study all due": its first card may show from the head kept for this start, before the card
   * states are read (`kept-study-head.ts`).
   */
  readonly fromKeptHead?: boolean;
}

/**
 * One study session over some decks (`src/scheduler/study-session.ts`), bound to React and to
 * the app store: the clock, event ids, commits and other tabs' notices come from here. Its
 * queue is built from the decks' summaries alone (the view that shows a card loads that card's
 * deck). The next card is shown only after the rating's write succeeded; a failed write leaves
 * the card and its revealed answer on screen with the error, to retry.
 */
export function useStudySession(
  summaries: readonly DeckSummary[],
  cardDecks: CardDecks,
  { resumeKey, chooseCards, extraNewCards = 0, fromKeptHead = false }: SessionOptions,
) {
  const store = useAppStoreApi();
  const ready = useAppStore((state) => state.ready);
  const commitReview = useAppStore((state) => state.commitReview);
  const commitUndo = useAppStore((state) => state.commitUndo);
  const applyCardAction = useAppStore((state) => state.applyCardAction);
  const rememberSeenContent = useAppStore((state) => state.rememberSeenContent);
  const [savedSession] = useState(() => readSavedSession(resumeKey));
  // Undefined, for a large session, until found after the first render.
  const studyIds = useDistinctStudyIds(summaries, firstRenderQueueCards);

  /** What the queue is built from, as stored progress stands now. */
  const queueInputs = useCallback((): QueueInputs => {
    // Suspended and buried cards leave the queue: acting on the card on screen moves on.
    const deckIds = summaries.map((summary) => summary.id);
    return sessionQueueInputs(studyIds ?? [], deckIds, store.getState(), Date.now(), extraNewCards);
  }, [store, studyIds, summaries, extraNewCards]);

  /** Whether the first card was chosen with the first render, which the opening effect then skips. */
  const openedOnMount = useRef(false);
  const keptRecord = useAppStore((state) =>
    fromKeptHead && !state.ready ? state.recordedDeckCounts : undefined,
  );
  const [session, setSession] = useState(() => {
    const nowMillis = Date.now();
    const started = startStudySession(nowMillis);
    if (savedSession !== undefined || chooseCards) return started;
    // Stored progress often finishes loading before this page's code does: the first card then
    // shows with the page's first render rather than one render later, from the effect below.
    if (ready && studyIds) {
      openedOnMount.current = true;
      return showNextCard(started, queueInputs());
    }
    // So does the head kept for this start, read before the code too, as a rule.
    const head = keptStudyHeadAt(keptRecord, summaries, nowMillis);
    return head ? showKeptHead(started, head, nowMillis) : started;
  });
  // A head read after the first render shows before the next paint: an update from an effect
  // waited behind start-up's reads of the states, 400 ms at 100,000 cards.
  useLayoutEffect(() => {
    if (savedSession !== undefined || chooseCards) return;
    const nowMillis = Date.now();
    const head = keptStudyHeadAt(keptRecord, summaries, nowMillis);
    if (!head) return;
    setSession((current) =>
      current.step.kind === 'loading' ? showKeptHead(current, head, nowMillis) : current,
    );
  }, [keptRecord, summaries, savedSession, chooseCards]);
  /**
   * A card shown from a kept head is rated, or acted on, once the states are in and the session's
   * cards known: the next card comes from the queue built from them. A rating chosen before
   * waits for that.
   */
  const opened = ready && studyIds !== undefined;
  const [waitingRating, setWaitingRating] = useState<Rating>();
  const [busy, setBusy] = useState(false);
  /** What an action (or a review that made a leech) did; the next action clears it. */
  const [actionNotice, setActionNotice] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  useEffect(() => {
    if (!ready || !studyIds) return;
    let cancelled = false;
    if (savedSession === undefined && !chooseCards) {
      if (openedOnMount.current) {
        openedOnMount.current = false;
        return;
      }
      // The first card's queue is built a deck per task, and its first card shown as soon as
      // one deck has put cards in it; anything that changed meanwhile builds it again, at once.
      const progress = store.getState();
      const inputs = queueInputs();
      const { decks, states, settings, nowMillis, deckSettings } = inputs;
      const unchanged = () => {
        const now = store.getState();
        return (
          now.states === progress.states &&
          now.controls === progress.controls &&
          now.settings === progress.settings
        );
      };
      const showFirstCards = (queueSoFar: readonly CardId[]) => {
        if (cancelled || !unchanged()) return;
        setSession((current) =>
          current.step.kind === 'loading'
            ? { ...showFirstOf(current, queueSoFar, inputs), queuePending: true }
            : current,
        );
      };
      studyQueueInTasks(
        decks,
        states,
        settings,
        nowMillis,
        deckSettings,
        nextTask,
        showFirstCards,
      ).then((queue) => {
        if (cancelled) return;
        const same = unchanged();
        setSession((current) => {
          const { step } = current;
          if (step.kind === 'loading') {
            return same
              ? showFirstOf(current, queue, inputs)
              : showNextCard(current, queueInputs());
          }
          // Only a card shown from the first part or a kept head waits for the rest of its
          // queue; a session that has moved on since built its queue whole.
          if (step.kind !== 'card' || !current.queuePending) return current;
          if (same) {
            return withQueueAfter(
              current,
              queue.filter((id) => id !== step.cardId),
              inputs,
            );
          }
          const fresh = queueInputs();
          return withQueueAfter(current, queueWithout(current, fresh, step.cardId), fresh);
        });
      });
      return () => {
        cancelled = true;
      };
    }
    openSession(savedSession, chooseCards, queueInputs).then((open) => {
      if (!cancelled) setSession(open);
    });
    return () => {
      cancelled = true;
    };
  }, [ready, studyIds, queueInputs, savedSession, chooseCards, store]);

  useEffect(() => {
    if (session.step.kind === 'loading') return;
    // In a task of its own: the first write loads the tab's session storage, a call to the
    // browser that held the first card's render task for up to 13 ms at 100,000 cards.
    const timer = setTimeout(() =>
      keepSavedSession(resumeKey, savedStudySession(session, Date.now())),
    );
    return () => clearTimeout(timer);
  }, [session, resumeKey]);
  // Leaving the page here ends the session; only a reload of the page resumes it.
  useEffect(() => () => keepSavedSession(resumeKey, undefined), [resumeKey]);

  const learnAheadMinutes = useAppStore((state) => state.settings.learnAheadMinutes);
  const clockMillis = useStudyClock(learnAheadMinutes * 60_000);
  const { step } = session;
  useEffect(() => {
    // "No cards due" offers the next card once it comes due or the study day starts.
    if (step.kind !== 'done') return;
    const inputs = queueInputs();
    setSession((current) => afterClockTick(current, clockMillis, inputs));
  }, [step, clockMillis, queueInputs]);

  const changedElsewhere = useAppStore((state) => state.changedElsewhere);
  const handledChange = useRef(changedElsewhere);
  useEffect(() => {
    // While a write of this tab is under way, the change waits for the step that write leads to.
    if (changedElsewhere === handledChange.current || busy) return;
    handledChange.current = changedElsewhere;
    if (!changedElsewhere) return;
    const inputs = queueInputs();
    setSession((current) => answeredElsewhere(current, changedElsewhere.cardIds, inputs));
  }, [changedElsewhere, busy, queueInputs]);

  const reveal = useCallback(() => {
    setActionNotice(undefined);
    const nowMillis = Date.now();
    setSession((current) => revealAnswer(current, nowMillis));
  }, []);

  const rateNow = useCallback(
    async (rating: Rating) => {
      if (isPractice(session)) {
        const { practiceAnswered } = await import('../../scheduler/practice-answer');
        const inputs = queueInputs();
        setSession((current) => practiceAnswered(current, rating, inputs));
        return;
      }
      const rated = rateCard(session, rating, {
        nowMillis: Date.now(),
        eventId: crypto.randomUUID(),
      });
      if (!rated) return;
      const event = withDeckRetention(rated, store.getState().settings, cardDecks);
      setSession(actionTaken);
      setActionNotice(undefined);
      setBusy(true);
      const wasLeech = store.getState().controls.get(event.cardId)?.leech === true;
      try {
        const state = await commitReview(event);
        const controls = store.getState().controls.get(event.cardId);
        if (!wasLeech && controls?.leech && controls.suspended) {
          const { leechNotice } = await import('./card-action-notice');
          setActionNotice(leechNotice(state.lapses));
        }
        const contentHash = loadedContentHash(
          store.getState().loadedDecks,
          cardDecks,
          event.cardId,
        );
        if (contentHash !== undefined) rememberSeenContent(event.cardId, contentHash);
        const inputs = queueInputs();
        setSession((current) => reviewSaved(current, event, inputs));
      } catch (error) {
        setSession((current) => reviewFailed(current, event, reasonOf(error)));
      } finally {
        setBusy(false);
      }
    },
    [store, session, commitReview, queueInputs, cardDecks, rememberSeenContent],
  );

  const rate = useCallback(
    async (rating: Rating) => {
      if (busy || waitingRating !== undefined) return;
      if (opened) await rateNow(rating);
      else setWaitingRating(rating);
    },
    [busy, waitingRating, opened, rateNow],
  );

  useEffect(() => {
    if (!opened || waitingRating === undefined) return;
    setWaitingRating(undefined);
    void rateNow(waitingRating);
  }, [opened, waitingRating, rateNow]);

  const undo = useCallback(async () => {
    if (busy) return;
    const event = undoLast(session, { nowMillis: Date.now(), eventId: crypto.randomUUID() });
    if (!event) return;
    setSession(actionTaken);
    setActionNotice(undefined);
    setBusy(true);
    try {
      await commitUndo(event);
      const inputs = queueInputs();
      setSession((current) => undoSaved(current, event, inputs));
    } catch (error) {
      setSession((current) => undoFailed(current, reasonOf(error)));
    } finally {
      setBusy(false);
    }
  }, [session, busy, commitUndo, queueInputs]);

  const onScreen = step.kind === 'card' ? step.cardId : undefined;
  const flag = useAppStore((state) =>
    onScreen === undefined ? undefined : state.controls.get(onScreen)?.flag,
  );
  /** Applies `action` to the card on screen; all but a flag take it out of the session. */
  const act = useCallback(
    async (action: CardAction) => {
      if (busy || !opened || onScreen === undefined) return;
      setSession(actionTaken);
      setActionNotice(undefined);
      setActionError(undefined);
      setBusy(true);
      try {
        await applyCardAction(action, [onScreen]);
        // Its words load with the action's own code, only when an action is taken. The notice
        // and the next card show together: the notice never stands beside the card it names.
        const [{ cardActionNotice }, { cardActedOn }] = await Promise.all([
          import('./card-action-notice'),
          import('../../scheduler/card-acted-on'),
        ]);
        setActionNotice(cardActionNotice(action));
        if (action.kind !== 'flag') {
          const inputs = queueInputs();
          setSession((current) => cardActedOn(current, inputs));
        }
      } catch (error) {
        setActionError(`The card was not changed: ${reasonOf(error)}`);
      } finally {
        setBusy(false);
      }
    },
    [busy, opened, onScreen, applyCardAction, queueInputs],
  );

  return {
    step,
    flag,
    act,
    actionError,
    counts: session.counts,
    tally: session.tally,
    writeError: writeErrorText(session.writeFailure),
    notice: session.handedOver ? handedOverNotice : actionNotice,
    /** A rating is being saved, or waits for the states. */
    busy: busy || waitingRating !== undefined,
    /** Card actions wait for the states too. */
    actionsBusy: busy || !opened,
    canUndo: canUndo(session),
    practice: isPractice(session),
    reveal,
    rate,
    undo,
  };
}
