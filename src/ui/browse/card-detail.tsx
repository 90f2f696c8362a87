import type { BrowseCard } from '../../browse/browse-catalog';
import { fsrsRecall } from '../../scheduler/fsrs-recall';
import { recallCurve } from '../../scheduler/recall-curve';
import { useAppStore } from '../shared/app-store';
import { MarkdownText } from '../shared/markdown-text';
import { CardHistory } from './card-history';
import { RecallCurveChart } from './recall-curve-chart';
import type { BrowseDeck } from './use-browse-catalog';
import { useCardTimeline } from './use-card-timeline';

const curveDays = 30;

const day = (millis: number | undefined) =>
  millis === undefined ? '—' : new Date(millis).toLocaleDateString();

/** One card in full: its two sides, its schedule, its history and where its recall is heading. */
export function CardDetail({
  card,
  decks,
  nowMillis,
}: {
  card: BrowseCard;
  decks: readonly BrowseDeck[];
  nowMillis: number;
}) {
  const state = useAppStore((store) => store.states.get(card.cardId));
  const timeline = useCardTimeline(card.cardId);
  const deckTitles = card.deckIds
    .map((id) => decks.find((deck) => deck.id === id)?.title ?? id)
    .join(', ');
  return (
    <article className="card-detail" aria-labelledby="card-detail-heading">
      <h2 id="card-detail-heading">
        {card.topicTitle} <span className="muted">({card.kind})</span>
      </h2>
      <p className="muted">{deckTitles}</p>
      <h3>Front</h3>
      <MarkdownText markdown={card.front} />
      <h3>Back</h3>
      <MarkdownText markdown={card.back} />
      <h3>Schedule</h3>
      <dl className="card-facts">
        <dt>State</dt>
        <dd>{state?.phase ?? 'new'}</dd>
        <dt>Due</dt>
        <dd>{state && state.phase !== 'new' ? day(state.dueAtMillis) : '—'}</dd>
        <dt>Stability</dt>
        <dd>{state ? `${state.stability.toFixed(1)} days` : '—'}</dd>
        <dt>Difficulty</dt>
        <dd>{state ? state.difficulty.toFixed(1) : '—'}</dd>
        <dt>Reviews</dt>
        <dd>{state?.reps ?? 0}</dd>
        <dt>Lapses</dt>
        <dd>{state?.lapses ?? 0}</dd>
        <dt>Last review</dt>
        <dd>{day(state?.lastReviewAtMillis)}</dd>
      </dl>
      <h3>Predicted recall</h3>
      <RecallCurveChart points={recallCurve(fsrsRecall, state, nowMillis, curveDays)} />
      <h3>History</h3>
      <CardHistory entries={timeline} />
    </article>
  );
}
