import { expect, it } from 'vitest';
import type { QuizFormat, QuizItem } from '../../src/domain/deck.ts';
import { quizItemId, topicId } from '../../src/domain/ids.ts';
import { optionOrder } from '../../src/quiz/option-order.ts';

const item = (id: string, format: QuizFormat, options: string[]): QuizItem => ({
  id: quizItemId(`${id}:quiz`),
  topicId: topicId(id),
  format,
  prompt: 'Which topic does this describe? _____ runs callbacks.',
  options,
  answerIndex: 0,
  explanation: '',
});

const choice = item('loop', 'pick-term', ['Event loop', 'Futures', 'Tasks', 'Streams']);

it('repeats the order for the same attempt and item', () => {
  expect(optionOrder(choice, 'deck:1000')).toEqual(optionOrder(choice, 'deck:1000'));
  expect([...optionOrder(choice, 'deck:1000')].sort()).toEqual([0, 1, 2, 3]);
});

it('orders the options afresh for each attempt, so no position belongs to an item', () => {
  const orders = new Set<string>();
  const firstShown = new Set<number>();
  for (let attempt = 0; attempt < 40; attempt++) {
    const order = optionOrder(choice, `deck:${1000 + attempt}`);
    orders.add(order.join());
    firstShown.add(order[0] ?? -1);
  }
  expect(orders.size).toBeGreaterThan(10);
  expect([...firstShown].sort()).toEqual([0, 1, 2, 3]);
});

it('orders two items of one attempt independently', () => {
  const other = item('tasks', 'pick-term', ['Tasks', 'Futures', 'Event loop', 'Streams']);
  const differ = Array.from({ length: 20 }, (_, attempt) => `deck:${attempt}`).some(
    (seed) => optionOrder(choice, seed).join() !== optionOrder(other, seed).join(),
  );
  expect(differ).toBe(true);
});

it('keeps True before False in every attempt', () => {
  const judged = item('loop', 'true-false', ['True', 'False']);
  for (let attempt = 0; attempt < 10; attempt++) {
    expect(optionOrder(judged, `deck:${attempt}`)).toEqual([0, 1]);
  }
});
