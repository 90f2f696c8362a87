import './stats-page.css';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { summarizeDeck } from '../compiler/summarize-deck';
import type { Deck } from '../domain/deck';
import type { DeckSummary } from '../domain/deck-summary';
import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { dayKey } from '../scheduler/day-boundary';
import { fsrsRecall } from '../scheduler/fsrs-recall';
import { topicMastery } from '../scheduler/mastery';
import { deckFiguresInSlices } from '../stats/deck-figures';
import { type DueForecast, dueForecast, keptForecastAt } from '../stats/due-forecast';
import { reviewsPerDay } from '../stats/review-heatmap';
import { nextTask } from '../storage/next-task';
import type { StartupDayCounts } from '../storage/progress-repository';
import { LoadedGate } from '../ui/app/loaded-gate';
import { useAppStore } from '../ui/common/app-store';
import { formatCount } from '../ui/common/format-count';
import { useComputedLater } from '../ui/common/use-computed-later';
import { useDocumentTitle } from '../ui/common/use-document-title';
import { useNow } from '../ui/common/use-now';
import { MasteryBar, MasteryExplanation } from '../ui/decks/mastery-bar';
import { useDeck, useDeckSummaries } from '../ui/decks/use-decks';
import { DueForecastChart } from '../ui/stats/due-forecast-chart';
import { ReviewHeatmapChart } from '../ui/stats/review-heatmap-chart';
import { useTrueRetention } from '../ui/stats/use-true-retention';

export default function StatsPage() {
  useDocumentTitle('Statistics');
  const loaded = useDeckSummaries();
  const ready = useAppStore((state) => state.ready);
  // The figures render in a transition once their counts are in, the page's first render
  // included (hence the initial values): React builds their hundreds of chart elements in slices
  // of a few milliseconds rather than in one task, which held input for over 100 ms at 100,000
  // cards.
  const reviews = useDeferredValue(useReviewCounts() ?? null, null);
  const decksShown = useDeferredValue(ready, false);
  return (
    <div className="page stats">
      <h1>Statistics</h1>
      <TrueRetentionSection />
      {reviews ? (
        <>
          <p className="big-figure">Total reviews: {formatCount(reviews.totalReviews)}</p>
          <ReviewFigures reviews={reviews} />
          {decksShown ? (
            <LoadedGate loaded={loaded}>{(decks) => <DecksSection decks={decks} />}</LoadedGate>
          ) : (
            <p className="muted">Loading your progress…</p>
          )}
        </>
      ) : (
        <p className="muted">Loading your progress…</p>
      )}
    </div>
  );
}

/**
 * The review counts: start-up's, read before the card states, until the snapshot is in. Both come
 * from the same read.
 */
function useReviewCounts(): StartupDayCounts | undefined {
  const ready = useAppStore((state) => state.ready);
  const startupCounts = useAppStore((state) => state.startupDayCounts);
  const reviewsByDay = useAppStore((state) => state.reviewsByDay);
  const totalReviews = useAppStore((state) => state.totalReviews);
  const dayStartHour = useAppStore((state) => state.settings.dayStartHour);
  return useMemo(
    () => (ready ? { reviewsByDay, totalReviews, dayStartHour } : startupCounts),
    [ready, startupCounts, reviewsByDay, totalReviews, dayStartHour],
  );
}

/** Read from storage as soon as it is open: it needs no card state. */
function TrueRetentionSection() {
  const retention = useTrueRetention(useNow(60_000));
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">True retention, last 30 days</h2>
      <p>
        {retention.kind === 'computing' && 'Computing…'}
        {retention.kind === 'failed' && `Could not compute it: ${retention.error}`}
        {retention.kind === 'done' &&
          (retention.retention.rate === undefined
            ? 'No reviews of cards in the review phase yet.'
            : `${(retention.retention.rate * 100).toFixed(1)}%: ${retention.retention.retained} of ${retention.retention.total} reviews of learned cards were not answered Again.`)}
      </p>
    </section>
  );
}

function ReviewFigures({ reviews }: { reviews: StartupDayCounts }) {
  const nowMillis = useNow(60_000);
  const { reviewsByDay, dayStartHour } = reviews;
  const heatmap = useMemo(
    () => reviewsPerDay(reviewsByDay, dayKey(nowMillis, dayStartHour)),
    [reviewsByDay, nowMillis, dayStartHour],
  );
  const forecast = useForecast(nowMillis, dayStartHour);
  return (
    <>
      <section aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">Reviews per day</h2>
        <ReviewHeatmapChart heatmap={heatmap} />
      </section>
      <section aria-labelledby="forecast-heading">
        <h2 id="forecast-heading">Due in the next 30 days</h2>
        {forecast ? <DueForecastChart forecast={forecast} /> : <p className="muted">Computing…</p>}
      </section>
    </>
  );
}

/**
 * The forecast from the card states once they are in; before, and while it is computed from
 * them, the one kept with the deck counts, for as long as the states are those it was kept from.
 */
function useForecast(nowMillis: number, dayStartHour: number): DueForecast | undefined {
  const ready = useAppStore((state) => state.ready);
  const states = useAppStore((state) => state.states);
  const changeStamp = useAppStore((state) => state.changeStamp);
  const kept = useAppStore((state) => state.recordedDeckCounts);
  const fromStates = useComputedLater(
    useCallback(
      () => (ready ? dueForecast(states.values(), nowMillis, dayStartHour) : undefined),
      [ready, states, nowMillis, dayStartHour],
    ),
  );
  const keptApplies = kept !== undefined && (!ready || kept.changeStamp === changeStamp);
  const fromKept = useMemo(
    () => (keptApplies ? keptForecastAt(kept, nowMillis, dayStartHour) : undefined),
    [keptApplies, kept, nowMillis, dayStartHour],
  );
  return fromStates ?? fromKept;
}

function DecksSection({ decks }: { decks: readonly DeckSummary[] }) {
  const nowMillis = useNow(60_000);
  const states = useAppStore((state) => state.states);
  return (
    <section aria-labelledby="decks-heading">
      <h2 id="decks-heading">Decks</h2>
      <MasteryExplanation />
      {decks.length === 0 && <p className="empty">No decks yet.</p>}
      {decks.map((deck) => (
        <DeckStats key={deck.id} deck={deck} states={states} nowMillis={nowMillis} />
      ))}
    </section>
  );
}

function DeckStats({
  deck,
  states,
  nowMillis,
}: {
  deck: DeckSummary;
  states: ReadonlyMap<CardId, CardState>;
  nowMillis: number;
}) {
  const horizonDays = useAppStore((state) => state.settings.masteryHorizonDays);
  const figures = useComputedLater(
    useCallback(
      (signal: AbortSignal) =>
        deckFiguresInSlices(deck, states, nowMillis, horizonDays, { nextTask, signal }),
      [deck, states, nowMillis, horizonDays],
    ),
  );
  return (
    <article className="deck-stats" aria-labelledby={`stats-${deck.id}`}>
      <h3 id={`stats-${deck.id}`}>
        <Link to={`/decks/${encodeURIComponent(deck.id)}`}>{deck.title}</Link>
      </h3>
      {figures ? (
        <>
          <MasteryBar label={`${deck.title} mastery`} mastery={figures.mastery.mastery} />
          <p className="muted">
            {figures.mastery.masteredTopics} of {figures.mastery.topicCount} topics mastered · New{' '}
            {figures.counts.new} · Learning {figures.counts.learning} · Review{' '}
            {figures.counts.review} · Relearning {figures.counts.relearning}
          </p>
        </>
      ) : (
        <p className="muted">Computing…</p>
      )}
      <TopicMasteryDetails deck={deck} nowMillis={nowMillis} />
    </article>
  );
}

/**
 * The per-topic table is built only once opened: a deck of thousands of topics would otherwise
 * cost every visit of the page a long block of work nobody looks at.
 */
function TopicMasteryDetails({ deck, nowMillis }: { deck: DeckSummary; nowMillis: number }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Mastery by topic</summary>
      {open && <TopicMasteryTableOf deckId={deck.id} nowMillis={nowMillis} />}
    </details>
  );
}

/** Topic titles live in the deck itself, loaded only for this table. */
function TopicMasteryTableOf({ deckId, nowMillis }: { deckId: string; nowMillis: number }) {
  const loaded = useDeck(deckId);
  return (
    <LoadedGate loaded={loaded}>
      {(deck) => <TopicMasteryTable deck={deck} nowMillis={nowMillis} />}
    </LoadedGate>
  );
}

function TopicMasteryTable({ deck, nowMillis }: { deck: Deck; nowMillis: number }) {
  const states = useAppStore((state) => state.states);
  const horizonDays = useAppStore((state) => state.settings.masteryHorizonDays);
  const { topicCardIds } = summarizeDeck(deck);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">Mastery</th>
          <th scope="col">Mastered</th>
        </tr>
      </thead>
      <tbody>
        {deck.topics.map((topic, index) => {
          const result = topicMastery(
            topicCardIds[index] ?? [],
            states,
            fsrsRecall,
            nowMillis,
            horizonDays,
          );
          return (
            <tr key={topic.id}>
              <th scope="row">{topic.title}</th>
              <td>{Math.round(result.mastery * 100)}%</td>
              <td>{result.mastered ? 'Yes' : 'No'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
