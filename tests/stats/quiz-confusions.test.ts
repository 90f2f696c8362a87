import { describe, expect, it } from 'vitest';
import type { QuizItem } from '../../src/domain/deck';
import { cardId, quizItemId, topicId } from '../../src/domain/ids';
import type { ProgressEvent } from '../../src/domain/progress';
import { quizAnswerEvent } from '../../src/quiz/quiz-session';
import { topConfusions } from '../../src/stats/quiz-confusions';
import { review } from '../support/events';

const titles = ['Closures', 'Scope', 'Hoisting', 'Promises'];

function item(topic: string, answerIndex: number): QuizItem {
  return {
    id: quizItemId(`${topic}:quiz`),
    topicId: topicId(topic),
    prompt: 'Which topic does this describe?',
    options: titles,
    answerIndex,
    explanation: '',
  };
}

const closures = item('closures', 0);
const scope = item('scope', 1);
const hoisting = item('hoisting', 2);
const items = [closures, scope, hoisting];

let clock = Date.UTC(2026, 5, 1);
/** A minute after the previous event: the log's order is the order written here. */
function tick(): number {
  clock += 60_000;
  return clock;
}

const answer = (question: QuizItem, pickedIndex: number, eventId: string) =>
  quizAnswerEvent({
    item: question,
    pickedIndex,
    answeredAtMillis: tick(),
    durationMillis: 3000,
    eventId,
  });

const events: ProgressEvent[] = [
  answer(closures, 1, 'e1'), // Closures taken for Scope
  answer(hoisting, 0, 'e2'), // Hoisting taken for Closures
  answer(scope, 0, 'e3'), // Scope taken for Closures: the same pair as e1
  answer(closures, 1, 'e4'),
  answer(closures, 3, 'e5'), // Closures taken for Promises, twice, both undone
  answer(closures, 3, 'e6'),
  {
    kind: 'undo',
    id: 'u5',
    cardId: cardId('closures:quiz'),
    cancelsEventId: 'e5',
    undoneAtMillis: clock,
  },
  {
    kind: 'undo',
    id: 'u6',
    cardId: cardId('closures:quiz'),
    cancelsEventId: 'e6',
    undoneAtMillis: clock,
  },
  answer(closures, 0, 'e7'), // right: no confusion
  answer(scope, 2, 'e8'), // Scope taken for Hoisting
  review('e9', cardId('closures:term'), 1, tick(), { durationMillis: 3000 }),
];

describe('topConfusions', () => {
  it('counts wrong picks per unordered pair of titles, most frequent first, undone ones skipped', () => {
    expect(topConfusions(events, items, 10)).toEqual([
      { topicId: 'closures', confusedWithTitle: 'Scope', count: 3 },
      { topicId: 'hoisting', confusedWithTitle: 'Closures', count: 1 },
      { topicId: 'scope', confusedWithTitle: 'Hoisting', count: 1 },
    ]);
  });

  it('keeps only the top ones', () => {
    expect(topConfusions(events, items, 1)).toEqual([
      { topicId: 'closures', confusedWithTitle: 'Scope', count: 3 },
    ]);
    expect(topConfusions(events, items, 0)).toEqual([]);
  });

  it('counts the undone picks once nothing cancels them', () => {
    const kept = events.filter((event) => event.kind === 'review');
    expect(topConfusions(kept, items, 2)).toEqual([
      { topicId: 'closures', confusedWithTitle: 'Scope', count: 3 },
      { topicId: 'closures', confusedWithTitle: 'Promises', count: 2 },
    ]);
  });

  it('ignores answers to items it was not given', () => {
    expect(topConfusions(events, [hoisting], 10)).toEqual([
      { topicId: 'hoisting', confusedWithTitle: 'Closures', count: 1 },
    ]);
  });

  it('names the topic of a picked description, and the topic a false statement described', () => {
    const ids = ['closures', 'scope', 'hoisting', 'promises'].map((id) => topicId(id));
    const described: QuizItem = {
      ...item('scope', 2),
      format: 'pick-description',
      options: [
        '_____ keeps variables alive.',
        '_____ is where a name is visible.',
        '_____ moves declarations up.',
        '_____ stand for later values.',
      ],
      optionTopicIds: ids,
      answerIndex: 1,
    };
    const judged: QuizItem = {
      ...item('promises', 0),
      format: 'true-false',
      options: ['True', 'False'],
      answerIndex: 1,
      statedTopicId: topicId('closures'),
    };
    const judgedTrue: QuizItem = {
      ...item('hoisting', 0),
      format: 'true-false',
      options: ['True', 'False'],
      answerIndex: 0,
      statedTopicId: topicId('hoisting'),
    };
    const titleOf = new Map(ids.map((id, index) => [id, titles[index] ?? '']));
    const log = [
      answer(described, 0, 'd1'), // the description of Closures taken for Scope's
      answer(judged, 0, 'd2'), // Closures' description judged to describe Promises
      answer(judgedTrue, 1, 'd3'), // Hoisting's own description judged not to: no other topic
    ];
    expect(topConfusions(log, [described, judged, judgedTrue], 10, titleOf)).toEqual([
      { topicId: 'scope', confusedWithTitle: 'Closures', count: 1 },
      { topicId: 'promises', confusedWithTitle: 'Closures', count: 1 },
    ]);
  });
});
