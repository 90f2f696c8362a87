import type { QuizItem } from '../domain/deck';
import { type CardId, cardId, type QuizItemId, type TopicId } from '../domain/ids';
import {
  type CardState,
  defaultSettings,
  quizLengthRange,
  type ReviewEvent,
} from '../domain/progress';
import { type Random, shuffled } from './seeded-random';

/**
 * What selection needs of the scheduler. Spelled out here rather than imported: `src/quiz` sits
 * beside the scheduler and imports only the domain; a `Scheduler` fits this shape as it is.
 */
interface RecallEstimator {
  retrievability(state: CardState | undefined, nowMillis: number): number;
}

export interface QuizSelection {
  /** The deck's quiz items, in deck order. */
  readonly items: readonly QuizItem[];
  readonly states: ReadonlyMap<CardId, CardState>;
  readonly scheduler: RecallEstimator;
  readonly nowMillis: number;
  /** Questions in the session, 5-50; 10 when absent. A deck with fewer items gives them all. */
  readonly count?: number;
  readonly random: Random;
}

/** The topic's study cards weigh in on its weakness: `<topicId>:<kind>`, as the compiler names them. */
const studyCardIds = (topic: TopicId): CardId[] => [
  cardId(`${topic}:term`),
  cardId(`${topic}:recall`),
];

const isSeen = (state: CardState | undefined): state is CardState =>
  state !== undefined && state.phase !== 'new';

/**
 * Mean current recall of the topic's cards that were ever reviewed, quiz card first. A topic whose
 * quiz card is fresh but whose term card lapsed yesterday is still a weak topic.
 */
function topicRecall(
  item: QuizItem,
  quizState: CardState,
  states: ReadonlyMap<CardId, CardState>,
  scheduler: RecallEstimator,
  nowMillis: number,
): number {
  let sum = scheduler.retrievability(quizState, nowMillis);
  let seen = 1;
  for (const id of studyCardIds(item.topicId)) {
    const state = states.get(id);
    if (!isSeen(state)) continue;
    sum += scheduler.retrievability(state, nowMillis);
    seen += 1;
  }
  return sum / seen;
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < quizLengthRange.min || count > quizLengthRange.max) {
    throw new RangeError(
      `Quiz length ${count} is not a whole number ${quizLengthRange.min}-${quizLengthRange.max}`,
    );
  }
}

/**
 * The items of one quiz, at most `count`: due quiz cards first (most overdue first), then the
 * weakest topics among those already quizzed (lowest recall first), then items never answered, in
 * deck order. Each item's options keep their order: the compiler already spread the answers.
 *
 * The due and the weak groups are each shuffled with `random` once chosen. Deck order would put
 * siblings next to each other, and siblings share options, so one question would give away the
 * next. New items stay in deck order, which introduces a deck's topics the way its author wrote
 * them. The groups keep their order, so a learner who stops early has met the most urgent ones.
 */
export function selectQuizItems(selection: QuizSelection): QuizItem[] {
  const { items, states, scheduler, nowMillis, random } = selection;
  const count = selection.count ?? defaultSettings.quizLength;
  checkCount(count);

  const due: { item: QuizItem; dueAtMillis: number; position: number }[] = [];
  const seen: { item: QuizItem; recall: number; position: number }[] = [];
  const fresh: QuizItem[] = [];
  items.forEach((item, position) => {
    const state = states.get(cardId(item.id));
    if (!isSeen(state)) fresh.push(item);
    else if (state.dueAtMillis <= nowMillis) {
      due.push({ item, dueAtMillis: state.dueAtMillis, position });
    } else {
      const recall = topicRecall(item, state, states, scheduler, nowMillis);
      seen.push({ item, recall, position });
    }
  });

  due.sort((a, b) => a.dueAtMillis - b.dueAtMillis || a.position - b.position);
  const chosenDue = due.slice(0, count).map((entry) => entry.item);
  const weakRoom = count - chosenDue.length;
  seen.sort((a, b) => a.recall - b.recall || a.position - b.position);
  const chosenWeak = seen.slice(0, weakRoom).map((entry) => entry.item);
  const chosenNew = fresh.slice(0, weakRoom - chosenWeak.length);
  return [...shuffled(chosenDue, random), ...shuffled(chosenWeak, random), ...chosenNew];
}

export interface QuizAnswer {
  readonly itemId: QuizItemId;
  readonly pickedIndex: number;
  readonly correct: boolean;
}

export interface QuizScore {
  readonly correct: number;
  readonly total: number;
  /** The items answered wrong, in answer order. */
  readonly mistakes: readonly QuizItemId[];
}

export function scoreQuiz(answers: readonly QuizAnswer[]): QuizScore {
  const mistakes: QuizItemId[] = [];
  for (const answer of answers) if (!answer.correct) mistakes.push(answer.itemId);
  return { correct: answers.length - mistakes.length, total: answers.length, mistakes };
}

export function isCorrectPick(item: QuizItem, pickedIndex: number): boolean {
  return pickedIndex === item.answerIndex;
}

export interface QuizAnswerInput {
  readonly item: QuizItem;
  readonly pickedIndex: number;
  readonly answeredAtMillis: number;
  readonly durationMillis: number;
  /** A fresh unique id (a random UUID in the app), made by the caller so this stays pure. */
  readonly eventId: string;
}

/**
 * A quiz answer is a review of the topic's quiz card: right is Good, wrong is Again. A quiz has no
 * Hard or Easy: a pick says whether the learner knew, not how easily.
 */
export function quizAnswerEvent(input: QuizAnswerInput): ReviewEvent {
  const { item, pickedIndex } = input;
  if (!Number.isInteger(pickedIndex) || pickedIndex < 0 || pickedIndex >= item.options.length) {
    throw new RangeError(`Option ${pickedIndex} is not one of ${item.id}'s options`);
  }
  return {
    kind: 'review',
    id: input.eventId,
    cardId: cardId(item.id),
    rating: isCorrectPick(item, pickedIndex) ? 3 : 1,
    reviewedAtMillis: input.answeredAtMillis,
    durationMillis: input.durationMillis,
    source: 'quiz',
    pickedOptionIndex: pickedIndex,
  };
}
