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
 * 110 ms; found meanwhile, it is in long before the card states are). A large session's render
 * reads no deck's ids: each is read, and a bundled deck's parsed, in its deck's task.
 */
export function useDistinctStudyIds(
  summaries: readonly DeckSummary[],
  inRenderCards: number,
): StudyIds | undefined {
  const cards = summaries.reduce((sum, summary) => sum + summary.cardCount, 0);
  const inRender = useMemo(
    () =>
      cards <= inRenderCards
        ? distinctSessionCards(summaries.map((summary) => summary.studyCardIds))
        : undefined,
    [summaries, cards, inRenderCards],
  );
  const [inTasks, setInTasks] = useState<{
    summaries: readonly DeckSummary[];
    distinct: StudyIds;
  }>();
  useEffect(() => {
    if (inRender) return;
    let cancelled = false;
    distinctSessionCardsInTasks(summaries, (summary) => summary.studyCardIds, nextTask).then(
      (distinct) => {
        if (!cancelled) setInTasks({ summaries, distinct });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [summaries, inRender]);
  return inRender ?? (inTasks?.summaries === summaries ? inTasks.distinct : undefined);
}
