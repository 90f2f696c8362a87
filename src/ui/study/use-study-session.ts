import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Deck } from '../../domain/deck';
import type { DeckSummary } from '../../domain/deck-summary';
import type { CardId, DeckId } from '../../domain/ids';
import type { Rating, ReviewEvent } from '../../domain/progress';
import { distinctSessionCards } from '../../scheduler/distinct-session-cards';
import { awayFromSibling } from '../../scheduler/sibling-cards';
import { comeBackAtMillis, studyQueue } from '../../scheduler/study-queue';
import { useAppStore, useAppStoreApi } from '../shared/app-store';
import { findDeckCard } from './deck-card-lookup';
import { useStudyClock } from './use-study-clock';

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
  | {
      readonly kind: 'done';
      /** When the queue may next hold a card; undefined when these decks hold none. */
      readonly comeBackAtMillis: number | undefined;
      /** When the queue was found empty: a later tick of the study clock looks again. */
      readonly checkedAtMillis: number;
    };

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

/**
 * One study session over some decks, its queue built from their summaries alone (the view
 * that shows a card loads that card's deck). The next card is shown only after the rating's
 * write succeeded; a failed write leaves the card and its revealed answer on screen with the
 * error, so the same review (same event id, so never counted twice) can be retried.
 *
 * When another tab answers the card on screen, this one moves on and says why. That review is
 * the other tab's: it stays out of this session's tally, and Z here never undoes it, nor any
 * earlier review of that card made here, which now lies under the other tab's.
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
  const [step, setStep] = useState<StudyStep>({ kind: 'loading' });
  const [tally, setTally] = useState<SessionTally>(() => ({
    studied: 0,
    again: 0,
    startedAtMillis: Date.now(),
  }));
  const [writeError, setWriteError] = useState<string | undefined>();
  /** Why the card on screen changed without an action here; cleared by the next action. */
  const [notice, setNotice] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const studyIds = useMemo(
    () => distinctSessionCards(summaries.map((summary) => summary.studyCardIds)),
    [summaries],
  );
  const history = useRef<ReviewEvent[]>([]);
  const shownAtMillis = useRef(Date.now());
  const failedEvent = useRef<ReviewEvent | undefined>(undefined);

  /** The queue without `cardId`: a card on screen is not also up next. */
  const queueWithout = useCallback(
    (cardId: CardId | undefined) => {
      const { states, settings } = store.getState();
      return studyQueue(studyIds, states, settings, Date.now()).filter((id) => id !== cardId);
    },
    [store, studyIds],
  );

  /**
   * Shows the first card of the queue; `handedOver`, just taken by another tab, is left to it.
   * The queue is built afresh, so a sibling of the card just `answered` waits as it should; where
   * siblings wait, one that does not (a learning card) still does not follow it straight away.
   */
  const advance = useCallback(
    (handedOver?: CardId, answered?: CardId) => {
      const queue = queueWithout(handedOver);
      const { siblingsWait } = store.getState().settings;
      const [next, ...rest] = siblingsWait ? awayFromSibling(queue, answered) : queue;
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
        const { states, settings } = store.getState();
        setStep({
          kind: 'done',
          comeBackAtMillis: comeBackAtMillis(studyIds, states, settings, shownAtMillis.current),
          checkedAtMillis: shownAtMillis.current,
        });
      }
    },
    [store, studyIds, queueWithout],
  );

  useEffect(() => {
    if (ready) advance();
  }, [ready, advance]);

  const learnAheadMinutes = useAppStore((state) => state.settings.learnAheadMinutes);
  const clockMillis = useStudyClock(learnAheadMinutes * 60_000);
  useEffect(() => {
    // "No cards due" offers the next card once it comes due or the study day starts.
    if (step.kind === 'done' && clockMillis > step.checkedAtMillis) advance();
  }, [step, clockMillis, advance]);

  const changedElsewhere = useAppStore((state) => state.changedElsewhere);
  const handledChange = useRef(changedElsewhere);
  useEffect(() => {
    // While a write of this tab is under way, the change waits for the step that write leads to.
    if (changedElsewhere === handledChange.current || busy) return;
    handledChange.current = changedElsewhere;
    if (!changedElsewhere) return;
    const changed = new Set(changedElsewhere.cardIds);
    history.current = history.current.filter((event) => !changed.has(event.cardId));
    if (step.kind === 'card' && changed.has(step.cardId)) {
      failedEvent.current = undefined;
      setWriteError(undefined);
      setNotice(handedOverNotice);
      advance(step.cardId);
    } else if (step.kind === 'card') {
      const rest = queueWithout(step.cardId);
      setStep({ ...step, remaining: rest.length, upNext: rest[0] });
    } else if (step.kind === 'done') {
      advance();
    }
  }, [changedElsewhere, busy, step, advance, queueWithout]);

  const reveal = useCallback(() => {
    setNotice(undefined);
    setStep((current) => (current.kind === 'card' ? { ...current, revealed: true } : current));
  }, []);

  const rate = useCallback(
    async (rating: Rating) => {
      if (step.kind !== 'card' || !step.revealed || busy) return;
      setNotice(undefined);
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
        const contentHash = loadedContentHash(
          store.getState().loadedDecks,
          cardDecks,
          event.cardId,
        );
        if (contentHash !== undefined) rememberSeenContent(event.cardId, contentHash);
        failedEvent.current = undefined;
        setWriteError(undefined);
        history.current.push(event);
        setTally((current) => ({
          ...current,
          studied: current.studied + 1,
          again: current.again + (rating === 1 ? 1 : 0),
        }));
        advance(undefined, event.cardId);
      } catch (error) {
        failedEvent.current = event;
        setWriteError(
          `Your answer was not saved: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        setBusy(false);
      }
    },
    [store, step, busy, commitReview, advance, cardDecks, rememberSeenContent],
  );

  const undo = useCallback(async () => {
    const last = history.current.at(-1);
    if (!last || busy) return;
    setNotice(undefined);
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
      const rest = queueWithout(last.cardId);
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
  }, [busy, commitUndo, queueWithout]);

  return {
    step,
    tally,
    writeError,
    notice,
    busy,
    canUndo: history.current.length > 0,
    reveal,
    rate,
    undo,
  };
}
