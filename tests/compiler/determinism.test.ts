import { expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { DeckSource } from '../../src/domain/compile.ts';
import { compileFixtures } from './compile-fixture.ts';

const allFixtures = [
  'topic-folder/async-basics',
  'topic-folder/with-index',
  'topic-folder/messy-entries',
  'single-file/web-frameworks.md',
  'single-file/flat-topics.md',
  'single-file/untitled-notes.txt',
];

it('gives byte-identical output for the same input', async () => {
  const first = JSON.stringify(await compileFixtures(allFixtures));
  const second = JSON.stringify(await compileFixtures(allFixtures));
  expect(second).toBe(first);
});

it('does not depend on the order of files inside a folder', () => {
  const files = generateCorpus(60, 'order');
  const forward: DeckSource = { path: 'corpus', layout: 'topic-folder', files };
  const backward: DeckSource = { ...forward, files: [...files].reverse() };
  expect(JSON.stringify(compileDecks([backward]))).toBe(JSON.stringify(compileDecks([forward])));
});
