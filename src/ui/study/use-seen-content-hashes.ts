import { useEffect } from 'react';
import type { CardId } from '../../domain/ids';
import { useProgress } from '../../stores/progress-store';

/** Each card's content hash at its last review, read on first use (see `loadSeenContent`). */
export function useSeenContentHashes(): ReadonlyMap<CardId, string> {
  const loadSeenContent = useProgress((state) => state.loadSeenContent);
  useEffect(() => {
    void loadSeenContent();
  }, [loadSeenContent]);
  return useProgress((state) => state.seenContentHashes);
}
