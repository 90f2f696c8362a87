import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Deck, QuizItem } from '../../domain/deck';
import type { QuizItemId } from '../../domain/ids';
import type { ReviewEvent } from '../../domain/progress';
import { optionOrder } from '../../quiz/option-order';
import {
  isCorrectPick,
  type QuizAnswer,
  quizAnswerEvent,
  scoreQuiz,
  selectQuizItems,
} from '../../quiz/quiz-session';
import { createSeededRandom } from '../../quiz/seeded-random';
import { fsrsRecall } from '../../scheduler/fsrs-recall';
import { useAppStore, useAppStoreApi } from '../common/app-store';

type QuizStep =
  | { readonly kind: 'loading' }
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'question';
      readonly item: QuizItem;
      readonly position: number;
      readonly total: number;
      /** This attempt's order of the options, as positions into `item.options`. */
      readonly order: readonly number[];
      /** Set once the answer is stored: a position into `item.options`. */
      readonly picked?: number;
    }
  | { readonly kind: 'finished' };

/**
 * One quiz over a deck. Each answer is stored as a review of the topic's quiz card before the
 * result shows; a failed write leaves the question open with the error, to answer again.
 */
export function useQuizSession(deck: Deck) {
  const store = useAppStoreApi();
  const ready = useAppStore((state) => state.ready);
  const commitReview = useAppStore((state) => state.commitReview);
  const rememberSeenContent = useAppStore((state) => state.rememberSeenContent);
  const [items, setItems] = useState<readonly QuizItem[] | undefined>();
  const [position, setPosition] = useState(0);
  const [answers, setAnswers] = useState<readonly QuizAnswer[]>([]);
  const [writeError, setWriteError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const shownAtMillis = useRef(Date.now());
  // Each attempt (a quiz, a retry of its mistakes) orders options afresh.
  const [attemptSeed, setAttemptSeed] = useState('');

  useEffect(() => {
    if (!ready || items) return;
    const { states, settings } = store.getState();
    const nowMillis = Date.now();
    setItems(
      selectQuizItems({
        items: deck.quiz,
        states,
        scheduler: fsrsRecall,
        nowMillis,
        count: settings.quizLength,
        random: createSeededRandom(`${deck.id}:${nowMillis}`),
      }),
    );
    setAttemptSeed(`${deck.id}:${nowMillis}`);
    shownAtMillis.current = nowMillis;
  }, [store, ready, items, deck]);

  const current = items?.[position];
  const answered = current ? answers.find((answer) => answer.itemId === current.id) : undefined;
  const order = useMemo(
    () => (current ? optionOrder(current, attemptSeed) : []),
    [current, attemptSeed],
  );

  /** Answers with the option shown at `shownIndex`. */
  const answer = useCallback(
    async (shownIndex: number) => {
      const pickedIndex = order[shownIndex];
      if (!current || answered || busy || pickedIndex === undefined) return;
      const nowMillis = Date.now();
      const answerEvent: ReviewEvent = quizAnswerEvent({
        item: current,
        pickedIndex,
        answeredAtMillis: nowMillis,
        durationMillis: Math.max(0, nowMillis - shownAtMillis.current),
        eventId: crypto.randomUUID(),
      });
      // The quiz is over one deck: its own retention, if it sets one, schedules the answer.
      const desiredRetention = store.getState().settings.deckOptions[deck.id]?.desiredRetention;
      const event =
        desiredRetention === undefined ? answerEvent : { ...answerEvent, desiredRetention };
      setBusy(true);
      try {
        await commitReview(event);
        const quizCard = deck.cards.find((card) => card.id === event.cardId);
        if (quizCard) rememberSeenContent(quizCard.id, quizCard.contentHash);
        setWriteError(undefined);
        setAnswers((previous) => [
          ...previous,
          { itemId: current.id, pickedIndex, correct: isCorrectPick(current, pickedIndex) },
        ]);
      } catch (error) {
        setWriteError(
          `Your answer was not saved: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        setBusy(false);
      }
    },
    [current, order, answered, busy, commitReview, deck, rememberSeenContent, store],
  );

  const next = useCallback(() => {
    if (!answered) return;
    setPosition((value) => value + 1);
    shownAtMillis.current = Date.now();
  }, [answered]);

  const retryMistakes = useCallback(() => {
    const mistakes = new Set<QuizItemId>(scoreQuiz(answers).mistakes);
    setItems(deck.quiz.filter((item) => mistakes.has(item.id)));
    setAnswers([]);
    setPosition(0);
    const nowMillis = Date.now();
    setAttemptSeed(`${deck.id}:${nowMillis}`);
    shownAtMillis.current = nowMillis;
  }, [answers, deck]);

  let step: QuizStep;
  if (!items) step = { kind: 'loading' };
  else if (items.length === 0) step = { kind: 'empty' };
  else if (!current) step = { kind: 'finished' };
  else {
    step = {
      kind: 'question',
      item: current,
      position,
      total: items.length,
      order,
      ...(answered ? { picked: answered.pickedIndex } : {}),
    };
  }
  return { step, items: items ?? [], answers, writeError, busy, answer, next, retryMistakes };
}
