import { expect, it } from 'vitest';
import { blankNumber, titleNumber, withoutOpeningVerb } from '../../src/quiz/grammar-number.ts';

it('reads the number a blank demands from the verb after it', () => {
  expect(blankNumber('Which topic does this describe? _____ are small functions.')).toBe('plural');
  expect(blankNumber('_____ have a body and a name; _____ were added in 2015.')).toBe('plural');
  expect(blankNumber('_____ is a task queue.')).toBe('singular');
  expect(blankNumber('A _____ has a head and a tail.')).toBe('singular');
  expect(blankNumber('Workers run _____ in the background.')).toBeUndefined();
  // Blanks that disagree leave every option possible.
  expect(blankNumber('_____ is fast and _____ are many.')).toBeUndefined();
});

it('reads a title as singular or plural the way a sentence would use it', () => {
  for (const plural of [
    'Coroutines',
    'Libraries',
    'APIs',
    'DAOs',
    'Types of Joins',
    'Uvicorn and ASGI',
    'Mean, Median, Mode',
    'RAG vs Fine-tuning',
    'Email / Slack / SMS',
    'Success Metrics',
    'Basics of ASP.NET Core',
    'Data',
  ]) {
    expect(titleNumber(plural), plural).toBe('plural');
  }
  for (const singular of [
    'gevent',
    'Redis',
    'Kubernetes',
    'HTTPS',
    'Event loop',
    'Separation of Concerns',
    'Analysis',
    'Statistics',
    'Input/Output',
    'Express',
  ]) {
    expect(titleNumber(singular), singular).toBe('singular');
  }
});

it('turns a description option that opens by defining its blank into a number-free definition', () => {
  expect(withoutOpeningVerb('_____ are the tools for running coroutines.')).toBe(
    '_____: the tools for running coroutines.',
  );
  expect(withoutOpeningVerb('_____ is a server.')).toBe('_____: a server.');
  // Only the opening verb: a blank later in the sentence or another verb stays as written.
  expect(withoutOpeningVerb('Workers run _____ in the background.')).toBe(
    'Workers run _____ in the background.',
  );
  expect(withoutOpeningVerb('_____ has a loop.')).toBe('_____ has a loop.');
  for (const option of ['_____ are many.', '_____ is one.']) {
    expect(blankNumber(withoutOpeningVerb(option))).toBeUndefined();
  }
});
