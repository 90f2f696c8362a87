import { useCallback, useEffect, useMemo } from 'react';
import { studyableCardIds } from '../../domain/card-controls';
import type { DeckSummary } from '../../domain/deck-summary';
import { deckCounts } from '../../scheduler/deck-counts';
import { countsFromRecord } from '../../scheduler/recorded-deck-counts';
import { nextTask } from '../../storage/next-task';
import { useAppStore } from '../common/app-store';
import { useComputedLater } from '../common/use-computed-later';

type DeckCardIds = Pick<DeckSummary, 'id' | 'studyCardIds' | 'topicCardIds' | 'cardsFingerprint'>;

let masteryLoading: Promise<typeof import('../../scheduler/fsrs-deck-mastery')> | undefined;
/** Mastery's code, fetched once, when the first deck's progress is asked for. */
const loadMastery = () => {
  masteryLoading ??= import('../../scheduler/fsrs-deck-mastery');
  return masteryLoading;
};

/**
 * A deck's counts and mastery at `nowMillis`. Each deck's are computed in a task of their own: the
 * home page's decks together, in one render, held input for 200 ms at 100,000 cards. Until a
 * change is computed the previous figures stay, those of this deck only. Before stored progress
 * has loaded, the counts kept for this start stand in where they apply, without mastery; else
 * undefined.
 */
export function useDeckProgress(deck: DeckCardIds, nowMillis: number) {
  const ready = useAppStore((state) => state.ready);
  const states = useAppStore((state) => state.states);
  const controls = useAppStore((state) => state.controls);
  const dayStartHour = useAppStore((state) => state.settings.dayStartHour);
  const horizonDays = useAppStore((state) => state.settings.masteryHorizonDays);
  const recorded = useAppStore((state) => state.recordedDeckCounts);
  // Fetched once the tile is on screen, beside the counts rather than after them.
  useEffect(() => {
    void loadMastery();
  }, []);
  const compute = useCallback(async () => {
    if (!ready) return undefined;
    const studyable = studyableCardIds(deck.studyCardIds, controls, nowMillis);
    const counts = deckCounts(studyable, states, dayStartHour, nowMillis);
    const { fsrsDeckMastery } = await loadMastery();
    // Every tile waits for the same import: without a task boundary after it, the home page's
    // decks all computed their mastery in the one task that took it in, 66 ms at 100,000 cards.
    await nextTask();
    return {
      deck,
      counts,
      mastery: fsrsDeckMastery(deck.topicCardIds, states, nowMillis, horizonDays),
    };
  }, [ready, deck, states, controls, dayStartHour, horizonDays, nowMillis]);
  const progress = useComputedLater(compute);
  // In the render: the record is checked by the deck's fingerprint, without reading its ids.
  const recordedCounts = useMemo(
    () => recorded && countsFromRecord(recorded, deck, nowMillis),
    [recorded, deck, nowMillis],
  );
  if (progress?.deck === deck) return progress;
  return recordedCounts && { deck, counts: recordedCounts, mastery: undefined };
}
