import { useEffect, useState } from 'react';
import type { Deck } from '../../domain/deck';
import { cardId } from '../../domain/ids';
import { type Confusion, topConfusions } from '../../stats/quiz-confusions';
import { useAppStore } from '../common/app-store';

/** The deck's most confused topic pairs, read from the logs of its quiz cards alone. */
export function useQuizConfusions(deck: Deck, limit = 5): readonly Confusion[] | undefined {
  const ready = useAppStore((state) => state.ready);
  const eventsForCards = useAppStore((state) => state.eventsForCards);
  const totalReviews = useAppStore((state) => state.totalReviews);
  const [confusions, setConfusions] = useState<readonly Confusion[] | undefined>();

  useEffect(() => {
    if (!ready) return;
    // Read again whenever the number of reviews changes, in this tab or another.
    void totalReviews;
    let cancelled = false;
    const titles = new Map(deck.topics.map((topic) => [topic.id, topic.title]));
    eventsForCards(deck.quiz.map((item) => cardId(item.id))).then(
      (events) => {
        if (!cancelled) setConfusions(topConfusions(events, deck.quiz, limit, titles));
      },
      () => {
        if (!cancelled) setConfusions([]);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [ready, eventsForCards, deck, limit, totalReviews]);

  return confusions;
}
