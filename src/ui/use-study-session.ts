import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DeckSummary } from '../domain/deck-summary';
import type { CardId, DeckId } from '../domain/ids';
import type { Rating, ReviewEvent } from '../domain/progress';
import { distinctSessionCards } from '../scheduler/distinct-session-cards';
import { nextDueAtMillis, studyQueue } from '../scheduler/study-queue';
import { useDeckCatalog } from '../stores/deck-catalog-store';
import { useProgress } from '../stores/progress-store';
import { findDeckCard } from './deck-card-lookup';

export interface SessionTally {
  readonly studied: number;
  readonly again: number;
  readonly startedAtMillis: number;
}

export type StudyStep =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'card';
      readonly cardId: CardId;
      readonly revealed: boolean;
      /** The queue after this card, so the bar can say "n of N". */
      readonly remaining: number;
      /** The card likely to follow, so its deck can be fetched ahead. */
      readonly upNext: CardId | undefined;
    }
  | { readonly kind: 'done'; readonly nextDueAtMillis: number | undefined };

/** The content hash a card has in its loaded deck; undefined while that deck is not loaded. */
function loadedContentHash(
  cardDecks: ReadonlyMap<CardId, DeckId>,
  cardId: CardId,
): string | undefined {
  const deckId = cardDecks.get(cardId);
  const deck = deckId === undefined ? undefined : useDeckCatalog.getState().loadedDecks[deckId];
  return deck && findDeckCard(deck, cardId)?.card.contentHash;
}

/**
 * One study session over some decks, its queue built from their summaries alone (the view
 * that shows a card loads that card's deck). The next card is shown only after the rating's
 * write succeeded; a failed write leaves the card and its revealed answer on screen with the
 * error, so the same review (same event id, so never counted twice) can be retried.
 */
export function useStudySession(
  summaries: readonly DeckSummary[],
  cardDecks: ReadonlyMap<CardId, DeckId>,
) {
  const ready = useProgress((state) => state.ready);
  const commitReview = useProgress((state) => state.commitReview);
  const commitUndo = useProgress((state) => state.commitUndo);
  const rememberSeenContent = useProgress((state) => state.rememberSeenContent);
  const [step, setStep] = useState<StudyStep>({ kind: 'loading' });
  const [tally, setTally] = useState<SessionTally>(() => ({
    studied: 0,
    again: 0,
    startedAtMillis: Date.now(),
  }));
  const [writeError, setWriteError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const studyIds = useMemo(
    () => distinctSessionCards(summaries.map((summary) => summary.studyCardIds)),
    [summaries],
  );
  const history = useRef<ReviewEvent[]>([]);
  const shownAtMillis = useRef(Date.now());
  const failedEvent = useRef<ReviewEvent | undefined>(undefined);

  const advance = useCallback(() => {
    const { states, settings } = useProgress.getState();
    const [next, ...rest] = studyQueue(studyIds, states, settings, Date.now());
    shownAtMillis.current = Date.now();
    if (next) {
      setStep({
        kind: 'card',
        cardId: next,
        revealed: false,
        remaining: rest.length,
        upNext: rest[0],
      });
    } else {
      setStep({ kind: 'done', nextDueAtMillis: nextDueAtMillis(studyIds, states) });
    }
  }, [studyIds]);

  useEffect(() => {
    if (ready) advance();
  }, [ready, advance]);

  const reveal = useCallback(() => {
    setStep((current) => (current.kind === 'card' ? { ...current, revealed: true } : current));
  }, []);

  const rate = useCallback(
    async (rating: Rating) => {
      if (step.kind !== 'card' || !step.revealed || busy) return;
      const nowMillis = Date.now();
      const event: ReviewEvent =
        failedEvent.current?.cardId === step.cardId
          ? { ...failedEvent.current, rating }
          : {
              kind: 'review',
              id: crypto.randomUUID(),
              cardId: step.cardId,
              rating,
              reviewedAtMillis: nowMillis,
              durationMillis: Math.max(0, nowMillis - shownAtMillis.current),
              source: 'study',
            };
      setBusy(true);
      try {
        await commitReview(event);
        const contentHash = loadedContentHash(cardDecks, event.cardId);
        if (contentHash !== undefined) rememberSeenContent(event.cardId, contentHash);
        failedEvent.current = undefined;
        setWriteError(undefined);
        history.current.push(event);
        setTally((current) => ({
          ...current,
          studied: current.studied + 1,
          again: current.again + (rating === 1 ? 1 : 0),
        }));
        advance();
      } catch (error) {
        failedEvent.current = event;
        setWriteError(
          `Your answer was not saved: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        setBusy(false);
      }
    },
    [step, busy, commitReview, advance, cardDecks, rememberSeenContent],
  );

  const undo = useCallback(async () => {
    const last = history.current.at(-1);
    if (!last || busy) return;
    setBusy(true);
    try {
      await commitUndo({
        kind: 'undo',
        id: crypto.randomUUID(),
        cardId: last.cardId,
        cancelsEventId: last.id,
        undoneAtMillis: Date.now(),
      });
      history.current.pop();
      setWriteError(undefined);
      setTally((current) => ({
        ...current,
        studied: current.studied - 1,
        again: current.again - (last.rating === 1 ? 1 : 0),
      }));
      const { states, settings } = useProgress.getState();
      const rest = studyQueue(studyIds, states, settings, Date.now()).filter(
        (id) => id !== last.cardId,
      );
      shownAtMillis.current = Date.now();
      setStep({
        kind: 'card',
        cardId: last.cardId,
        revealed: false,
        remaining: rest.length,
        upNext: rest[0],
      });
    } catch (error) {
      setWriteError(
        `The undo was not saved: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(false);
    }
  }, [busy, commitUndo, studyIds]);

  return {
    step,
    tally,
    writeError,
    busy,
    canUndo: history.current.length > 0,
    reveal,
    rate,
    undo,
  };
}
