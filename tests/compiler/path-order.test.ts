import { expect, it } from 'vitest';
import { compareNaturally } from '../../src/compiler/natural-compare.ts';
import { slugify, titleFromName } from '../../src/compiler/slugify.ts';

it('orders numbered names by number, whatever the locale', () => {
  const names = ['10-tasks.md', '2-loop.md', 'b.md', 'B.md', '1-intro.md', 'a/2.md', 'a/10.md'];
  expect([...names].sort(compareNaturally)).toEqual([
    '1-intro.md',
    '2-loop.md',
    '10-tasks.md',
    'a/2.md',
    'a/10.md',
    'B.md',
    'b.md',
  ]);
});

it('makes slugs of lower-case letters and digits joined by hyphens', () => {
  expect(slugify('  Uvicorn and ASGI — the basics! ')).toBe('uvicorn-and-asgi-the-basics');
  expect(slugify('???')).toBe('untitled');
});

it('makes a readable title of a folder name', () => {
  expect(titleFromName('python-async-ecosystem')).toBe('Python async ecosystem');
  expect(titleFromName('ai-agents')).toBe('AI agents');
  expect(titleFromName('ios')).toBe('iOS');
  expect(titleFromName('api_design')).toBe('API design');
});
