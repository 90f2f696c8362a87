import { useMemo } from 'react';
import type { CardId } from '../../domain/ids';
import { studyQueue } from '../../scheduler/study-queue';
import { useAppStore } from '../shared/app-store';

/**
 * How many cards a study session of this deck would show at `nowMillis`: the length of the very
 * queue the study page starts from. Undefined until stored progress has loaded.
 */
export function useStudyCount(studyCardIds: readonly CardId[], nowMillis: number) {
  const ready = useAppStore((state) => state.ready);
  const states = useAppStore((state) => state.states);
  const settings = useAppStore((state) => state.settings);
  return useMemo(
    () => (ready ? studyQueue([studyCardIds], states, settings, nowMillis).length : undefined),
    [ready, studyCardIds, states, settings, nowMillis],
  );
}
