import { useMemo } from 'react';
import { changedCardIds } from '../../deck-edits/changed-cards';
import type { Deck } from '../../domain/deck';
import type { TopicId } from '../../domain/ids';
import { useSeenContentHashes } from '../study/use-seen-content-hashes';

export function useChangedTopics(deck: Deck): ReadonlySet<TopicId> {
  const seen = useSeenContentHashes();
  return useMemo(() => {
    const changed = changedCardIds(deck.cards, seen);
    return new Set(deck.cards.filter((card) => changed.has(card.id)).map((card) => card.topicId));
  }, [deck, seen]);
}
