import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { studyableCardIds } from '../../domain/card-controls';
import type { DeckSummary } from '../../domain/deck-summary';
import { formatInterval } from '../../scheduler/format-interval';
import { firstDeckToStudy } from '../../scheduler/study-queue';
import type { SessionTally } from '../../scheduler/study-session';
import { useAppStore } from '../common/app-store';

/** The end of the session, as of `checkedAtMillis`, when its queue was found empty. */
export function SessionEnd({
  tally,
  comeBackAtMillis,
  checkedAtMillis,
  summaries,
  backTo,
}: {
  tally: SessionTally;
  comeBackAtMillis: number | undefined;
  checkedAtMillis: number;
  summaries: readonly DeckSummary[];
  backTo: string;
}) {
  const whatNext = (
    <WhatNext
      comeBackAtMillis={comeBackAtMillis}
      nowMillis={checkedAtMillis}
      summaries={summaries}
      backTo={backTo}
    />
  );
  if (tally.studied === 0) {
    return (
      <div className="session-end" role="status">
        <h1>No cards due</h1>
        {whatNext}
      </div>
    );
  }
  const minutes = Math.max(1, Math.round((checkedAtMillis - tally.startedAtMillis) / 60_000));
  return (
    <div className="session-end" role="status">
      <h1>Session complete</h1>
      <dl className="summary">
        <dt>Cards studied</dt>
        <dd>{tally.studied}</dd>
        <dt>Answered Again</dt>
        <dd>{tally.again}</dd>
        <dt>Time spent</dt>
        <dd>{minutes === 1 ? 'about a minute' : `about ${minutes} minutes`}</dd>
      </dl>
      {whatNext}
    </div>
  );
}

/** Never a dead end: when to come back, and what can be done meanwhile. */
function WhatNext({
  comeBackAtMillis,
  nowMillis,
  summaries,
  backTo,
}: {
  comeBackAtMillis: number | undefined;
  nowMillis: number;
  summaries: readonly DeckSummary[];
  backTo: string;
}) {
  const allDecks = useAppStore((catalog) => catalog.summaries);
  const states = useAppStore((progress) => progress.states);
  const settings = useAppStore((progress) => progress.settings);
  const controls = useAppStore((progress) => progress.controls);
  const otherDeck = useMemo(() => {
    const inSession = new Set(summaries.map((summary) => summary.id));
    const others = allDecks
      .filter((deck) => !inSession.has(deck.id))
      .map((deck) => ({
        ...deck,
        studyCardIds: studyableCardIds(deck.studyCardIds, controls, nowMillis),
      }));
    return firstDeckToStudy(others, states, settings, nowMillis);
  }, [allDecks, summaries, states, controls, settings, nowMillis]);
  const only = summaries.length === 1 ? summaries[0] : undefined;
  return (
    <>
      <p>
        {comeBackAtMillis === undefined
          ? 'No card is scheduled yet.'
          : `The next card is due ${describeWhen(comeBackAtMillis, nowMillis)}.`}
      </p>
      {otherDeck && (
        <p>
          Cards are due in{' '}
          <Link to={`/decks/${encodeURIComponent(otherDeck.id)}`}>{otherDeck.title}</Link>.
        </p>
      )}
      <div className="actions">
        {only && only.quizItemCount > 0 && (
          <Link className="button primary" to={`/decks/${encodeURIComponent(only.id)}/quiz`}>
            Quiz this deck
          </Link>
        )}
        <Link className="button" to={backTo}>
          Back
        </Link>
      </div>
    </>
  );
}

function describeWhen(atMillis: number, nowMillis: number): string {
  const inMillis = atMillis - nowMillis;
  if (inMillis <= 0) return 'now';
  const time = new Date(atMillis).toLocaleString(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `in ${formatInterval(inMillis)} (${time})`;
}
