import { describe, expect, it } from 'vitest';
import { generateRoadmapCorpus } from '../../scripts/bench/generate-roadmap-corpus.ts';
import { listDeckPaths, readDeckSources } from '../../scripts/cli/read-deck-sources.ts';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { DeckSource } from '../../src/domain/compile.ts';
import { type CardQuality, measureCardQuality } from '../../src/eval/card-quality.ts';

async function bundledSources(): Promise<DeckSource[]> {
  const { sources, errors } = await readDeckSources(await listDeckPaths('decks'));
  expect(errors).toEqual([]);
  return sources;
}

async function measured(load: () => Promise<DeckSource[]>): Promise<CardQuality> {
  return measureCardQuality(compileDecks(await load()).decks);
}

// Compiling and reading 5,000 topics takes seconds on a busy machine; this bounds a hang, it
// times nothing.
const corpusTimeoutMillis = 120_000;

describe.each([
  ['every deck under decks/', bundledSources],
  [
    'a generated corpus of 5,000+ topics in roadmap.sh shapes',
    async () => generateRoadmapCorpus('recallmap'),
  ],
])('cards compiled from %s', (_, load) => {
  it(
    'never show their own answer or a wrong option’s, rarely a word of the answer alone, and mix the three formats',
    async () => {
      const quality = await measured(load);
      expect(quality.examples.filter((line) => !line.startsWith('distinctive'))).toEqual([]);
      expect(quality.quizHardLeaks + quality.recallHardLeaks + quality.distractorLeaks).toBe(0);
      expect(quality.distinctiveWordPrompts / quality.pickTermItems).toBeLessThan(0.05);
      expect(Object.keys(quality.formats).sort()).toEqual([
        'pick-description',
        'pick-term',
        'true-false',
      ]);
    },
    corpusTimeoutMillis,
  );
});
