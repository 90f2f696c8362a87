import { renderHook, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import type { DeckSummary } from '../../../src/domain/deck-summary';
import { type CardId, cardId, deckId } from '../../../src/domain/ids';
import { hashStrings } from '../../../src/domain/string-hash';
import { useDistinctStudyIds } from '../../../src/ui/study/use-distinct-study-ids';

/** A summary whose ids, like a bundled deck's, are read only when asked for: each read counted. */
function countedSummary(id: string, ids: readonly CardId[], reads: string[]): DeckSummary {
  return {
    id: deckId(id),
    title: id,
    topicCount: 1,
    quizItemCount: 0,
    get studyCardIds() {
      reads.push(id);
      return ids;
    },
    cardCount: ids.length,
    cardsFingerprint: hashStrings(ids),
    topicCardIds: [ids],
  };
}

const shared = cardId('css/box-model:term');
const cssIds = [shared, cardId('css/flexbox:term')];
const copyIds = [shared, cardId('css/grid:term')];

it("reads no deck's ids in a large session's render, then finds them a deck per task", async () => {
  const reads: string[] = [];
  const summaries = [countedSummary('css', cssIds, reads), countedSummary('copy', copyIds, reads)];
  // Three cards are more than the one a render may walk: the session is "large".
  const { result } = renderHook(() => useDistinctStudyIds(summaries, 1));
  expect(reads).toEqual([]);
  await waitFor(() => expect(result.current).toEqual([cssIds, [cardId('css/grid:term')]]));
  expect(reads).toEqual(['css', 'copy']);
});

it("finds a small session's ids in its render", () => {
  const reads: string[] = [];
  const summaries = [countedSummary('css', cssIds, reads), countedSummary('copy', copyIds, reads)];
  const { result } = renderHook(() => useDistinctStudyIds(summaries, 10));
  expect(result.current).toEqual([cssIds, [cardId('css/grid:term')]]);
});
