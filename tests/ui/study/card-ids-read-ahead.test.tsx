import { renderHook } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { DeckSummary } from '../../../src/domain/deck-summary';
import type { CardId, DeckId } from '../../../src/domain/ids';
import { hashStrings } from '../../../src/domain/string-hash';
import { useCardIdsReadAhead } from '../../../src/ui/study/use-card-ids-read-ahead';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A summary that notes each read of its study card ids. */
function summary(id: string, reads: string[]): DeckSummary {
  return {
    id: id as DeckId,
    title: id,
    topicCount: 1,
    quizItemCount: 0,
    cardCount: 1,
    cardsFingerprint: hashStrings([`${id}:term`]),
    topicCardIds: [[`${id}:term` as CardId]],
    get studyCardIds() {
      reads.push(id);
      return [`${id}:term` as CardId];
    },
  };
}

it('reads each deck’s study card ids after the render, one deck per task, each queued as the last ends', () => {
  const reads: string[] = [];
  const summaries = [summary('alpha', reads), summary('beta', reads), summary('gamma', reads)];
  const tasks: (() => void)[] = [];
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((task: () => void) => {
    tasks.push(task);
    return tasks.length;
  }) as typeof setTimeout);
  renderHook(() => useCardIdsReadAhead(summaries));
  expect(reads).toEqual([]);

  // One task waits at a time: whatever else is queued meanwhile runs before the next deck's.
  const readsPerTask: string[][] = [];
  for (let task = tasks.shift(); task; task = tasks.shift()) {
    expect(tasks).toEqual([]);
    const before = reads.length;
    task();
    readsPerTask.push(reads.slice(before));
  }
  expect(readsPerTask).toEqual([['alpha'], ['beta'], ['gamma']]);
});

it('reads nothing once the page is gone', () => {
  vi.useFakeTimers();
  const reads: string[] = [];
  const { unmount } = renderHook(() =>
    useCardIdsReadAhead([summary('alpha', reads), summary('beta', reads)]),
  );
  unmount();
  vi.runAllTimers();
  expect(reads).toEqual([]);
});
