import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { summarizeDeck } from '../compiler/summarize-deck';
import type { Deck } from '../domain/deck';
import type { CardId } from '../domain/ids';
import type { Rating, ReviewEvent } from '../domain/progress';
import { nextDueAtMillis, studyQueue } from '../scheduler/study-queue';
import { useProgress } from '../stores/progress-store';

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
    }
  | { readonly kind: 'done'; readonly nextDueAtMillis: number | undefined };

/**
 * One study session over some decks. The next card is shown only after the rating's write
 * succeeded; a failed write leaves the card and its revealed answer on screen with the error, so
 * the same review (same event id, so never counted twice) can be retried.
 */
export function useStudySession(decks: readonly Deck[]) {
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
  const contentHashes = useMemo(
    () => new Map(decks.flatMap((deck) => deck.cards.map((card) => [card.id, card.contentHash]))),
    [decks],
  );
  const history = useRef<ReviewEvent[]>([]);
  const shownAtMillis = useRef(Date.now());
  const failedEvent = useRef<ReviewEvent | undefined>(undefined);

  const advance = useCallback(() => {
    const { states, settings } = useProgress.getState();
    const studyIds = decks.map((deck) => summarizeDeck(deck).studyCardIds);
    const queue = studyQueue(studyIds, states, settings, Date.now());
    const [next, ...rest] = queue;
    shownAtMillis.current = Date.now();
    if (next) setStep({ kind: 'card', cardId: next, revealed: false, remaining: rest.length });
    else setStep({ kind: 'done', nextDueAtMillis: nextDueAtMillis(studyIds, states) });
  }, [decks]);

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
        const contentHash = contentHashes.get(event.cardId);
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
    [step, busy, commitReview, advance, contentHashes, rememberSeenContent],
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
      const studyIds = decks.map((deck) => summarizeDeck(deck).studyCardIds);
      const remaining = studyQueue(studyIds, states, settings, Date.now()).filter(
        (id) => id !== last.cardId,
      ).length;
      shownAtMillis.current = Date.now();
      setStep({ kind: 'card', cardId: last.cardId, revealed: false, remaining });
    } catch (error) {
      setWriteError(
        `The undo was not saved: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(false);
    }
  }, [busy, commitUndo, decks]);

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
