import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { listDeckPaths, readDeckSources } from '../../scripts/cli/read-deck-sources.ts';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { quizRuleViolations } from './quiz-rule-checks.ts';

const decksDir = fileURLToPath(new URL('../../decks', import.meta.url));

it('keeps every quiz rule in every deck under decks/', async () => {
  const paths = existsSync(decksDir) ? await listDeckPaths(decksDir) : [];
  expect(paths.length).toBeGreaterThan(0);
  const { sources, errors } = await readDeckSources(paths);
  expect(errors).toEqual([]);
  const { decks } = compileDecks(sources);
  expect(decks).toHaveLength(paths.length);
  expect(decks.flatMap(quizRuleViolations)).toEqual([]);
});

it('keeps every quiz rule in a deck whose descriptions name each other', async () => {
  const folder = fileURLToPath(
    new URL('../fixtures/topic-folder/cross-references', import.meta.url),
  );
  const { sources } = await readDeckSources([folder]);
  const { decks } = compileDecks(sources);
  expect(decks[0]?.quiz).toHaveLength(16);
  expect(decks.flatMap(quizRuleViolations)).toEqual([]);
});

it('keeps every quiz rule over a large generated deck', () => {
  const files = generateCorpus(400, 'rules');
  const { decks } = compileDecks([{ path: 'corpus', layout: 'topic-folder', files }]);
  expect(decks[0]?.quiz).toHaveLength(400);
  expect(decks.flatMap(quizRuleViolations)).toEqual([]);
  // A cap for a shared, busy machine, not a speed check: `npm run bench` measures compile time.
}, 60_000);
