import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { studyableCardIds } from '../../domain/card-controls';
import type { Deck } from '../../domain/deck';
import { settingsForDeck } from '../../domain/deck-options';
import type { DeckSummary } from '../../domain/deck-summary';
import type { CardId, DeckId } from '../../domain/ids';
import type { Rating } from '../../domain/progress';
import { distinctSessionCards } from '../../scheduler/distinct-session-cards';
import {
  actionTaken,
  afterClockTick,
  answeredElsewhere,
  canUndo,
  type QueueInputs,
  rate as rateCard,
  revealAnswer,
  reviewFailed,
  reviewSaved,
  showNextCard,
  startStudySession,
  undoFailed,
  undoLast,
  undoSaved,
  type WriteFailure,
} from '../../scheduler/study-session';
import { useAppStore, useAppStoreApi } from '../shared/app-store';
import { findDeckCard } from './deck-card-lookup';
import { withDeckRetention } from './deck-retention';
import { useStudyClock } from './use-study-clock';

const handedOverNotice = 'This card was answered in another tab.';

/** The content hash a card has in its loaded deck; undefined while that deck is not loaded. */
function loadedContentHash(
  loadedDecks: Readonly<Record<string, Deck>>,
  cardDecks: ReadonlyMap<CardId, DeckId>,
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
 * One study session over some decks (`src/scheduler/study-session.ts`), bound to React and to
 * the app store: the clock, event ids, commits and other tabs' notices come from here. Its
 * queue is built from the decks' summaries alone (the view that shows a card loads that card's
 * deck). The next card is shown only after the rating's write succeeded; a failed write leaves
 * the card and its revealed answer on screen with the error, to retry.
 */
export function useStudySession(
  summaries: readonly DeckSummary[],
  cardDecks: ReadonlyMap<CardId, DeckId>,
) {
  const store = useAppStoreApi();
  const ready = useAppStore((state) => state.ready);
  const commitReview = useAppStore((state) => state.commitReview);
  const commitUndo = useAppStore((state) => state.commitUndo);
  const rememberSeenContent = useAppStore((state) => state.rememberSeenContent);
  const [session, setSession] = useState(() => startStudySession(Date.now()));
  const [busy, setBusy] = useState(false);
  const studyIds = useMemo(
    () => distinctSessionCards(summaries.map((summary) => summary.studyCardIds)),
    [summaries],
  );

  /** What the queue is built from, as stored progress stands now. */
  const queueInputs = useCallback((): QueueInputs => {
    const { states, settings, controls } = store.getState();
    const nowMillis = Date.now();
    // Suspended and buried cards leave the queue: acting on the card on screen moves on.
    const decks = studyIds.map((ids) => studyableCardIds(ids, controls, nowMillis));
    const deckSettings = summaries.map((summary) => settingsForDeck(settings, summary.id));
    return { decks, states, settings, deckSettings, nowMillis };
  }, [store, studyIds, summaries]);

  useEffect(() => {
    if (!ready) return;
    const inputs = queueInputs();
    setSession((current) => showNextCard(current, inputs));
  }, [ready, queueInputs]);

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
    const nowMillis = Date.now();
    setSession((current) => revealAnswer(current, nowMillis));
  }, []);

  const rate = useCallback(
    async (rating: Rating) => {
      if (busy) return;
      const rated = rateCard(session, rating, {
        nowMillis: Date.now(),
        eventId: crypto.randomUUID(),
      });
      if (!rated) return;
      const event = withDeckRetention(rated, store.getState().settings, cardDecks);
      setSession(actionTaken);
      setBusy(true);
      try {
        await commitReview(event);
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
    [store, session, busy, commitReview, queueInputs, cardDecks, rememberSeenContent],
  );

  const undo = useCallback(async () => {
    if (busy) return;
    const event = undoLast(session, { nowMillis: Date.now(), eventId: crypto.randomUUID() });
    if (!event) return;
    setSession(actionTaken);
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

  return {
    step,
    tally: session.tally,
    writeError: writeErrorText(session.writeFailure),
    notice: session.handedOver ? handedOverNotice : undefined,
    busy,
    canUndo: canUndo(session),
    reveal,
    rate,
    undo,
  };
}
