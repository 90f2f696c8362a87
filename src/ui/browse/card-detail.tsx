import type { BrowseCard } from '../../browse/browse-catalog';
import { type CardControls, flagNames } from '../../domain/card-controls';
import { fsrsRecall } from '../../scheduler/fsrs-recall';
import { recallCurve } from '../../scheduler/recall-curve';
import { useAppStore } from '../common/app-store';
import { MarkdownText } from '../common/markdown-text';
import { CardHistory } from './card-history';
import { RecallCurveChart } from './recall-curve-chart';
import { TopicNoteField } from './topic-note-field';
import type { BrowseDeck } from './use-browse-catalog';
import { useCardTimeline } from './use-card-timeline';

const curveDays = 30;

const day = (millis: number | undefined) =>
  millis === undefined ? '—' : new Date(millis).toLocaleDateString();

/** What the learner set on a card, in words: "suspended", "red flag"… */
export function controlLabels(controls: CardControls | undefined, nowMillis: number): string[] {
  if (!controls) return [];
  const labels: string[] = [];
  if (controls.suspended) labels.push('suspended');
  if (controls.buriedUntilMillis !== undefined && nowMillis < controls.buriedUntilMillis) {
    labels.push('buried');
  }
  if (controls.flag !== undefined) labels.push(`${flagNames[controls.flag].toLowerCase()} flag`);
  if (controls.leech) labels.push('leech');
  return labels;
}

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
  const controls = useAppStore((store) => store.controls.get(card.cardId));
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
      <TopicNoteField key={card.topicId} topicId={card.topicId} />
      <h3>Front</h3>
      <MarkdownText markdown={card.front} />
      <h3>Back</h3>
      <MarkdownText markdown={card.back} />
      <h3>Schedule</h3>
      <dl className="card-facts">
        <dt>State</dt>
        <dd>{[state?.phase ?? 'new', ...controlLabels(controls, nowMillis)].join(', ')}</dd>
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
