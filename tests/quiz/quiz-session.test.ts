import { describe, expect, it } from 'vitest';
import type { QuizItem } from '../../src/domain/deck';
import { type CardId, cardId, quizItemId, topicId } from '../../src/domain/ids';
import type { CardState } from '../../src/domain/progress';
import { quizAnswerEvent, scoreQuiz, selectQuizItems } from '../../src/quiz/quiz-session';
import { createSeededRandom } from '../../src/quiz/seeded-random';
import { createScheduler } from '../../src/scheduler/scheduler';
import { cardState, stateMap } from '../scheduler/card-states';

const day = 86_400_000;
const now = Date.UTC(2026, 5, 1, 12);
const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });

function item(topic: string, answerIndex = 0): QuizItem {
  return {
    id: quizItemId(`${topic}:quiz`),
    topicId: topicId(topic),
    prompt: `Which topic does this describe? About ${topic}.`,
    options: [topic, `${topic}-b`, `${topic}-c`, `${topic}-d`],
    answerIndex,
    explanation: '',
  };
}

/** A quiz card last answered `daysAgo` days ago with the given stability, due at `dueAtMillis`. */
function quizState(topic: string, dueAtMillis: number, stability: number, daysAgo = 2): CardState {
  return cardState(`${topic}:quiz`, 'review', dueAtMillis, {
    stability,
    lastReviewAtMillis: now - daysAgo * day,
  });
}

const topics = (selected: readonly QuizItem[]) => selected.map((entry) => entry.topicId as string);

describe('selectQuizItems', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((topic) => item(topic));
  // b and e are due (e the most overdue), d and g seen but not due (g weaker), the rest never
  // answered; h has a state in phase new, which still counts as never answered.
  const states = stateMap([
    quizState('b', now - day, 3),
    quizState('e', now - 3 * day, 3),
    quizState('d', now + 5 * day, 30),
    quizState('g', now + 5 * day, 2, 4),
    cardState('h:quiz', 'new', now),
  ]);
  const select = (count?: number, seed = 'session') =>
    selectQuizItems({
      items,
      states,
      scheduler,
      nowMillis: now,
      random: createSeededRandom(seed),
      ...(count === undefined ? {} : { count }),
    });

  it('puts due items first, then the weakest seen ones, then new ones in deck order', () => {
    const selected = topics(select());
    expect(selected).toHaveLength(items.length);
    expect(new Set(selected.slice(0, 2))).toEqual(new Set(['b', 'e']));
    expect(new Set(selected.slice(2, 4))).toEqual(new Set(['d', 'g']));
    expect(selected.slice(4)).toEqual(['a', 'c', 'f', 'h']);
  });

  it('takes the weakest seen items, by current recall, when room is short', () => {
    const many = Array.from({ length: 10 }, (_, index) => item(`t${index}`));
    // t0-t2 due; t3-t8 seen, not due, last answered 4 days ago with stability 9, 2, 7, 1, 5, 30.
    const stabilities = [9, 2, 7, 1, 5, 30];
    const seenStates = stateMap([
      ...[0, 1, 2].map((index) => quizState(`t${index}`, now - day, 3)),
      ...stabilities.map((stability, index) => quizState(`t${index + 3}`, now + day, stability, 4)),
    ]);
    const selected = selectQuizItems({
      items: many,
      states: seenStates,
      scheduler,
      nowMillis: now,
      random: createSeededRandom('v'),
      count: 6,
    });
    expect(new Set(topics(selected).slice(0, 3))).toEqual(new Set(['t0', 't1', 't2']));
    // The three lowest stabilities: 1 (t6), 2 (t4), 5 (t7).
    expect(new Set(topics(selected).slice(3))).toEqual(new Set(['t6', 't4', 't7']));
  });

  it('counts a card due this very millisecond as due', () => {
    const dueNow = stateMap([quizState('c', now, 3)]);
    const selected = selectQuizItems({
      items,
      states: dueNow,
      scheduler,
      nowMillis: now,
      random: createSeededRandom('x'),
      count: 5,
    });
    expect(topics(selected)).toEqual(['c', 'a', 'b', 'd', 'e']);
  });

  it('stops at count, keeping the most overdue when due items alone exceed it', () => {
    const many = Array.from({ length: 12 }, (_, index) => item(`t${index}`));
    const overdue = stateMap(
      many.map((entry, index) => quizState(entry.topicId, now - (index + 1) * 3_600_000, 3)),
    );
    const selected = selectQuizItems({
      items: many,
      states: overdue,
      scheduler,
      nowMillis: now,
      random: createSeededRandom('y'),
      count: 5,
    });
    expect(new Set(topics(selected))).toEqual(new Set(['t7', 't8', 't9', 't10', 't11']));
  });

  it('fills up to count with new items when few are due or weak', () => {
    expect(topics(select(5))).toHaveLength(5);
    expect(topics(select(5)).slice(4)).toEqual(['a']);
    expect(select(10)).toHaveLength(items.length);
  });

  it('defaults to 10 items', () => {
    const many = Array.from({ length: 30 }, (_, index) => item(`t${index}`));
    const selected = selectQuizItems({
      items: many,
      states: new Map(),
      scheduler,
      nowMillis: now,
      random: createSeededRandom('z'),
    });
    expect(topics(selected)).toEqual(many.slice(0, 10).map((entry) => entry.topicId));
  });

  it('refuses a count outside 5-50', () => {
    expect(() => select(4)).toThrow(RangeError);
    expect(() => select(51)).toThrow(RangeError);
    expect(() => select(7.5)).toThrow(RangeError);
    expect(select(50)).toHaveLength(items.length);
  });

  it('repeats with the same seed and keeps each item as compiled', () => {
    expect(select(10, 'seed')).toEqual(select(10, 'seed'));
    for (const selected of select()) expect(items).toContain(selected);
  });

  it('takes a topic whose term card lapsed as weaker than its quiz card alone says', () => {
    // Four due items leave one place. The quiz cards of d and g are alike; g's term card is
    // nearly forgotten, d's recall card is strong.
    const withStudyCards = stateMap([
      ...['a', 'b', 'c', 'e'].map((topic) => quizState(topic, now - day, 3)),
      quizState('d', now + 5 * day, 10),
      quizState('g', now + 5 * day, 10),
      cardState('g:term', 'review', now + day, {
        stability: 1,
        lastReviewAtMillis: now - 20 * day,
      }),
      cardState('d:recall', 'review', now + day, {
        stability: 100,
        lastReviewAtMillis: now - day,
      }),
    ]);
    const pickOne = (states: ReadonlyMap<CardId, CardState>) =>
      topics(
        selectQuizItems({
          items,
          states,
          scheduler,
          nowMillis: now,
          random: createSeededRandom('w'),
          count: 5,
        }),
      )[4];
    expect(pickOne(withStudyCards)).toBe('g');
    // Without the study cards the tie goes to deck order.
    const quizOnly = new Map([...withStudyCards].filter(([id]) => id.endsWith(':quiz')));
    expect(pickOne(quizOnly)).toBe('d');
  });
});

describe('quizAnswerEvent', () => {
  const question = item('closures', 2);
  const answer = (pickedIndex: number) =>
    quizAnswerEvent({
      item: question,
      pickedIndex,
      answeredAtMillis: now,
      durationMillis: 4200,
      eventId: 'event-1',
    });

  it('records a right pick as Good on the quiz card', () => {
    expect(answer(2)).toEqual({
      kind: 'review',
      id: 'event-1',
      cardId: cardId('closures:quiz'),
      rating: 3,
      reviewedAtMillis: now,
      durationMillis: 4200,
      source: 'quiz',
      pickedOptionIndex: 2,
    });
  });

  it('records a wrong pick as Again with the option picked', () => {
    const event = answer(0);
    expect(event.rating).toBe(1);
    expect(event.pickedOptionIndex).toBe(0);
    expect(event.source).toBe('quiz');
  });

  it('schedules the quiz card like any review', () => {
    const state = scheduler.review(undefined, answer(2).cardId as CardId, answer(2).rating, now);
    expect(state.cardId).toBe('closures:quiz');
    expect(state.reps).toBe(1);
  });

  it('refuses an option the item does not have', () => {
    expect(() => answer(4)).toThrow(RangeError);
    expect(() => answer(-1)).toThrow(RangeError);
  });
});

describe('scoreQuiz', () => {
  it('counts right answers and lists the missed items in answer order', () => {
    const score = scoreQuiz([
      { itemId: quizItemId('a:quiz'), pickedIndex: 0, correct: true },
      { itemId: quizItemId('c:quiz'), pickedIndex: 3, correct: false },
      { itemId: quizItemId('b:quiz'), pickedIndex: 1, correct: true },
      { itemId: quizItemId('d:quiz'), pickedIndex: 2, correct: false },
    ]);
    expect(score).toEqual({ correct: 2, total: 4, mistakes: ['c:quiz', 'd:quiz'] });
  });

  it('scores an empty quiz as 0 of 0', () => {
    expect(scoreQuiz([])).toEqual({ correct: 0, total: 0, mistakes: [] });
  });
});
