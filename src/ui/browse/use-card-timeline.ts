import { useEffect, useState } from 'react';
import { cardTimeline, type TimelineEntry } from '../../browse/card-timeline';
import type { CardId } from '../../domain/ids';
import { useAppStore, useAppStoreApi } from '../common/app-store';

/** The card's history from the log; read again whenever the card's state or controls change. */
export function useCardTimeline(cardId: CardId): TimelineEntry[] | undefined {
  const store = useAppStoreApi();
  const ready = useAppStore((state) => state.ready);
  const cardState = useAppStore((state) => state.states.get(cardId));
  const controls = useAppStore((state) => state.controls.get(cardId));
  const [timeline, setTimeline] = useState<{ cardId: CardId; entries: TimelineEntry[] }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new state or control means new events
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    store
      .getState()
      .eventsForCards([cardId])
      .then((events) => {
        if (!cancelled) setTimeline({ cardId, entries: cardTimeline(events) });
      });
    return () => {
      cancelled = true;
    };
  }, [store, ready, cardId, cardState, controls]);
  return timeline?.cardId === cardId ? timeline.entries : undefined;
}
