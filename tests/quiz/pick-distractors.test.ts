import { expect, it } from 'vitest';
import type { GrammarNumber } from '../../src/quiz/grammar-number.ts';
import { titleNumber } from '../../src/quiz/grammar-number.ts';
import { pickDistractors, titleKey } from '../../src/quiz/pick-distractors.ts';
import { createTermMatcher } from '../../src/quiz/term-matcher.ts';
import { type TitleKind, titleKind } from '../../src/quiz/title-kind.ts';

interface Candidate {
  readonly topic: { readonly title: string };
  readonly titleKey: string;
  readonly matcher: ReturnType<typeof createTermMatcher>;
  readonly kind: TitleKind;
  readonly number: GrammarNumber;
}

const candidate = (title: string): Candidate => ({
  topic: { title },
  titleKey: titleKey(title),
  matcher: createTermMatcher(title),
  kind: titleKind(title),
  number: titleNumber(title),
});
const titles = (list: readonly Candidate[]) => list.map((entry) => entry.topic.title);

it('never offers a topic with the answer title, whatever its case', () => {
  const answer = candidate('Tasks');
  const group = [candidate('tasks'), candidate('TASKS'), candidate('Futures'), candidate('Queues')];
  const { distractors } = pickDistractors(answer, [group], { count: 3, prompt: 'x' });
  expect(titles(distractors)).toEqual(['Futures', 'Queues']);
});

it('puts a title of the answer kind before a closer one of another kind', () => {
  const answer = candidate('AnyIO');
  const group = [candidate('Running blocking code'), candidate('Trio'), candidate('Curio')];
  const { distractors } = pickDistractors(answer, [group], { count: 2, prompt: 'x' });
  expect(titles(distractors)).toEqual(['Trio', 'Curio']);
  // With too few of its kind, the others fill in, in the order given.
  const more = pickDistractors(answer, [group], { count: 3, prompt: 'x' });
  expect(titles(more.distractors)).toEqual(['Trio', 'Curio', 'Running blocking code']);
});

it('keeps the answer section first even when the rest of the deck has titles of its kind', () => {
  const answer = candidate('AnyIO');
  const siblings = [candidate('Event loop')];
  const others = [candidate('Trio')];
  const { distractors } = pickDistractors(answer, [siblings, others], { count: 1, prompt: 'x' });
  expect(titles(distractors)).toEqual(['Event loop']);
});

it('offers only plural titles where the blank takes a plural verb', () => {
  const answer = candidate('Coroutines');
  const group = [
    candidate('Event loop'),
    candidate('Futures'),
    candidate('gevent'),
    candidate('Tasks'),
  ];
  const { distractors } = pickDistractors(answer, [group], {
    count: 3,
    prompt: '_____ are functions that can pause.',
    number: 'plural',
  });
  expect(titles(distractors)).toEqual(['Futures', 'Tasks']);
});

it('uses titles the prompt names only when nothing else is left, and says which', () => {
  const answer = candidate('Trio');
  const group = [candidate('AnyIO'), candidate('Curio')];
  const prompt = '_____ is a structured concurrency library; AnyIO runs on it.';
  const { distractors, mentioned } = pickDistractors(answer, [group], { count: 2, prompt });
  expect(titles(distractors)).toEqual(['Curio', 'AnyIO']);
  expect(titles(mentioned)).toEqual(['AnyIO']);
});
