import { expect, it } from 'vitest';
import { titleKind } from '../../src/quiz/title-kind.ts';

it('takes tools, libraries and products for names', () => {
  for (const title of [
    'AnyIO',
    'gevent',
    'FastAPI',
    'Node.js',
    'C#',
    'Sanic',
    'Docker',
    'HTTP',
    'pyproject.toml',
    'Python 3.12',
  ]) {
    expect(titleKind(title), title).toBe('name');
  }
});

it('takes ideas and practices for concepts', () => {
  for (const title of [
    'Running blocking code',
    'Event loop',
    'Coroutines',
    'Caching',
    'Concurrency',
    'Types of Joins',
    'Recursion',
    'How the GIL works',
  ]) {
    expect(titleKind(title), title).toBe('concept');
  }
});
