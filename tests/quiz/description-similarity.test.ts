import { expect, it } from 'vitest';
import { indexDescriptions } from '../../src/quiz/description-similarity.ts';

const descriptions = [
  'An HTTP client sends requests to web servers and reads their responses, with connection pooling.',
  'A template engine renders HTML pages from templates and context variables.',
  'Another HTTP client library: it sends requests, keeps connections in a pool and follows redirects.',
  'A task queue runs background jobs on worker processes.',
  'A web server hosts the application behind a reverse proxy.',
];

it('ranks the closer description higher', () => {
  const index = indexDescriptions(descriptions);
  const closest = index.closestTo(0, 4);
  expect(closest[0]).toBe(2);
  expect(closest.indexOf(4)).toBeGreaterThan(0);
  // Descriptions sharing no distinctive word are not ranked at all.
  expect(closest).not.toContain(1);
  expect(closest).not.toContain(0);
});

it('returns at most the asked number, the same for the same input', () => {
  const index = indexDescriptions(descriptions);
  expect(index.closestTo(0, 1)).toEqual([2]);
  expect(indexDescriptions(descriptions).closestTo(4, 3)).toEqual(index.closestTo(4, 3));
});
