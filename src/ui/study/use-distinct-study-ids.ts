import { useEffect, useMemo, useState } from 'react';
import type { DeckSummary } from '../../domain/deck-summary';
import type { CardId } from '../../domain/ids';
import {
  distinctSessionCards,
  distinctSessionCardsInTasks,
} from '../../scheduler/distinct-session-cards';
import { nextTask } from '../../storage/next-task';

type StudyIds = readonly (readonly CardId[])[];

/**
 * The session's study card ids deck by deck, each card in one deck only (`distinctSessionCards`):
 * at once for a session of up to `inRenderCards` cards, else found a deck per task after the
 * render, undefined until then (at 100,000 cards, found in the render it held input for 60 to
 * 110 ms; found meanwhile, it is in long before the card states are).
 */
export function useDistinctStudyIds(
  summaries: readonly DeckSummary[],
  inRenderCards: number,
): StudyIds | undefined {
  const decks = useMemo(() => summaries.map((summary) => summary.studyCardIds), [summaries]);
  const cards = decks.reduce((sum, ids) => sum + ids.length, 0);
  const inRender = useMemo(
    () => (cards <= inRenderCards ? distinctSessionCards(decks) : undefined),
    [decks, cards, inRenderCards],
  );
  const [inTasks, setInTasks] = useState<{ decks: StudyIds; distinct: StudyIds }>();
  useEffect(() => {
    if (inRender) return;
    let cancelled = false;
    distinctSessionCardsInTasks(decks, nextTask).then((distinct) => {
      if (!cancelled) setInTasks({ decks, distinct });
    });
    return () => {
      cancelled = true;
    };
  }, [decks, inRender]);
  return inRender ?? (inTasks?.decks === decks ? inTasks.distinct : undefined);
}
