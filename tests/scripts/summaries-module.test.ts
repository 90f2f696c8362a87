import { describe, expect, it, vi } from 'vitest';
import {
  deckIdsModuleId,
  type SummariesModules,
  summariesModules,
} from '../../scripts/build/vite-plugin-decks';
import type { DeckSummary } from '../../src/domain/deck-summary';
import type { CardId, DeckId } from '../../src/domain/ids';
import { hashStrings } from '../../src/domain/string-hash';

/** Runs the modules' code as a browser would, with `json` as its JSON, and gives the export. */
function evaluate(
  { summaries, ids = '' }: SummariesModules,
  json: Pick<JSON, 'parse'> = JSON,
): readonly DeckSummary[] {
  const body = `${ids.replace('export const', 'const')}
${summaries.replace(/^import .*$/m, '').replace('export const bundledDeckSummaries', 'const bundledDeckSummaries')}
return bundledDeckSummaries;`;
  return new Function('JSON', body)(json);
}

const tricky = `It's a "deck" \\ with\nodd text \u2028 and émoji 🐍`;

/** A deck of `topics` topics of a term, a recall and a quiz card each. */
function summary(id: string, topics: number, title = id): DeckSummary {
  const topicCardIds = Array.from({ length: topics }, (_, index) =>
    ['term', 'recall', 'quiz'].map((kind) => `${id}/topic-${index}'\\:${kind}` as CardId),
  );
  const studyCardIds = topicCardIds.flat().filter((cardId) => !cardId.endsWith(':quiz'));
  return {
    id: id as DeckId,
    title,
    topicCount: topics,
    quizItemCount: 1,
    studyCardIds,
    cardCount: studyCardIds.length,
    cardsFingerprint: hashStrings(studyCardIds),
    topicCardIds,
  };
}

/** A deck whose study cards are not in topic order, so the module cannot derive them. */
function reordered(deck: DeckSummary): DeckSummary {
  const studyCardIds = [...deck.studyCardIds].reverse();
  return { ...deck, studyCardIds, cardsFingerprint: hashStrings(studyCardIds) };
}

const plain = (summaries: readonly DeckSummary[]) =>
  summaries.map((deck) => ({ ...deck, studyCardIds: [...deck.studyCardIds] }));

describe('summariesModules', () => {
  it('gives back the same small summaries, as one object literal', () => {
    const summaries = [summary('alpha', 3, tricky), reordered(summary('beta', 2))];
    const modules = summariesModules(summaries);
    expect(modules.summaries).not.toContain('JSON.parse');
    expect(modules.ids).toBeUndefined();
    expect(plain(evaluate(modules))).toEqual(summaries);
  });

  it('derives the study ids of small summaries without shipping them', () => {
    const summaries = [summary('alpha', 3), summary('beta', 2)];
    const modules = summariesModules(summaries);
    expect(modules.summaries).not.toContain('studyCardIds"');
    expect(plain(evaluate(modules))).toEqual(summaries);
  });

  it('gives back the same large summaries', () => {
    const summaries = [
      summary('alpha', 2000, tricky),
      reordered(summary('beta', 1500)),
      summary('gamma', 1),
    ];
    const modules = summariesModules(summaries);
    expect(modules.summaries).toContain('JSON.parse');
    expect(plain(evaluate(modules))).toEqual(summaries);
  });

  it('packs each topic’s ids where they are its key and a kind, and keeps the others as they are', () => {
    const mixed: DeckSummary = {
      ...summary('mixed', 3),
      topicCardIds: [
        ['mixed/a:term', 'mixed/a:recall', 'mixed/a:quiz'],
        ['mixed/b:term', 'mixed/c:recall'],
        ['mixed/d:diagram'],
        ['mixed:e:quiz', 'mixed:e:term'],
        [],
      ] as CardId[][],
    };
    const summaries = [summary('alpha', 2000), mixed];
    const modules = summariesModules(summaries);
    expect(plain(evaluate(modules))).toEqual(summaries);
    expect(modules.ids).toContain('mixed/a:trq');
    expect(modules.ids).toContain('mixed:e:qt');
    expect(modules.ids).toContain('mixed/d:diagram');
    // Every id of alpha is its topic's key and a kind: a third of the text.
    expect(modules.ids?.length).toBeLessThan(JSON.stringify(summaries[0]?.topicCardIds).length / 2);
  });

  it('keeps large decks’ ids out of the summaries’ code, in a module of their own', () => {
    const summaries = [summary('alpha', 2000), summary('beta', 1500)];
    const modules = summariesModules(summaries);
    expect(modules.summaries).toContain(`from '${deckIdsModuleId}'`);
    expect(modules.summaries).not.toContain('alpha/topic-0');
    expect(modules.summaries.length).toBeLessThan(2000);
    expect(modules.ids).toContain('alpha/topic-0');
    expect(modules.ids).toContain('beta/topic-1499');
  });

  it('parses a large deck’s ids only when they are first read, once, and no other deck’s', () => {
    const summaries = [summary('alpha', 2000), reordered(summary('beta', 1500))];
    const parse = vi.fn((text: string) => JSON.parse(text));
    const [alpha, beta] = evaluate(summariesModules(summaries), { parse });
    if (!alpha || !beta) throw new Error('two summaries expected');

    expect([alpha.id, alpha.title, alpha.cardCount, alpha.topicCount]).toEqual([
      'alpha',
      'alpha',
      4000,
      2000,
    ]);
    expect(parse).not.toHaveBeenCalled();

    expect(alpha.studyCardIds).toEqual(summaries[0]?.studyCardIds);
    expect(alpha.studyCardIds).toBe(alpha.studyCardIds);
    expect(alpha.topicCardIds).toBe(alpha.topicCardIds);
    expect(parse).toHaveBeenCalledTimes(1);

    expect(beta.studyCardIds).toEqual(summaries[1]?.studyCardIds);
    expect(beta.topicCardIds).toEqual(summaries[1]?.topicCardIds);
    expect(parse).toHaveBeenCalledTimes(3);
  });
});
