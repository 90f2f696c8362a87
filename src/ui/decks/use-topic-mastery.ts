import { useMemo } from 'react';
import { summarizeDeck } from '../../compiler/summarize-deck';
import type { Deck } from '../../domain/deck';
import type { TopicId } from '../../domain/ids';
import { fsrsRecall } from '../../scheduler/fsrs-recall';
import { type TopicMastery, topicMastery } from '../../scheduler/mastery';
import { useAppStore } from '../common/app-store';

/** Each topic's mastery; undefined until stored progress has loaded. */
export function useTopicMastery(
  deck: Deck,
  nowMillis: number,
): ReadonlyMap<TopicId, TopicMastery> | undefined {
  const ready = useAppStore((state) => state.ready);
  const states = useAppStore((state) => state.states);
  const horizonDays = useAppStore((state) => state.settings.masteryHorizonDays);
  return useMemo(() => {
    if (!ready) return undefined;
    const result = new Map<TopicId, TopicMastery>();
    const { topicCardIds } = summarizeDeck(deck);
    deck.topics.forEach((topic, index) => {
      result.set(
        topic.id,
        topicMastery(topicCardIds[index] ?? [], states, fsrsRecall, nowMillis, horizonDays),
      );
    });
    return result;
  }, [ready, deck, states, horizonDays, nowMillis]);
}
