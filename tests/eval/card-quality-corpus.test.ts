import { describe, expect, it } from 'vitest';
import { generateRoadmapCorpus } from '../../scripts/generate-roadmap-corpus.ts';
import { listDeckPaths, readDeckSources } from '../../scripts/read-deck-sources.ts';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { DeckSource } from '../../src/domain/compile.ts';
import { measureCardQuality } from '../../src/eval/card-quality.ts';

async function bundledSources(): Promise<DeckSource[]> {
  const { sources, errors } = await readDeckSources(await listDeckPaths('decks'));
  expect(errors).toEqual([]);
  return sources;
}

describe.each([
  ['every deck under decks/', bundledSources],
  [
    'a generated corpus of 5,000+ topics in roadmap.sh shapes',
    async () => generateRoadmapCorpus('recallmap'),
  ],
])('cards compiled from %s', (_, load) => {
  it('never show their own answer or a wrong option’s, and rarely a word of the answer alone', async () => {
    const { decks } = compileDecks(await load());
    const quality = measureCardQuality(decks);
    expect(quality.examples.filter((line) => !line.startsWith('distinctive'))).toEqual([]);
    expect(quality.quizHardLeaks + quality.recallHardLeaks + quality.distractorLeaks).toBe(0);
    expect(quality.distinctiveWordPrompts / quality.pickTermItems).toBeLessThan(0.1);
  });

  it('mix the three quiz formats', async () => {
    const { decks } = compileDecks(await load());
    const { formats } = measureCardQuality(decks);
    expect(Object.keys(formats).sort()).toEqual(['pick-description', 'pick-term', 'true-false']);
  });
});
