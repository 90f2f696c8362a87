import { useEffect } from 'react';
import type { CardId } from '../../domain/ids';
import { useAppStore } from '../common/app-store';

/** Each card's content hash at its last review, read on first use (see `loadSeenContent`). */
export function useSeenContentHashes(): ReadonlyMap<CardId, string> {
  const loadSeenContent = useAppStore((state) => state.loadSeenContent);
  useEffect(() => {
    void loadSeenContent();
  }, [loadSeenContent]);
  return useAppStore((state) => state.seenContentHashes);
}
