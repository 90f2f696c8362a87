import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Card, Deck, Topic } from '../domain/deck';
import type { CardId } from '../domain/ids';
import { type Rating, ratings } from '../domain/progress';
import { formatInterval } from '../scheduler/format-interval';
import { useProgress } from '../stores/progress-store';
import { MarkdownText } from './markdown-text';
import { ResourceList } from './resource-list';
import { useShortcuts } from './use-shortcuts';
import { type SessionTally, useStudySession } from './use-study-session';

const ratingNames: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

interface CardWithTopic {
  readonly card: Card;
  readonly topic: Topic | undefined;
}

function indexCards(decks: readonly Deck[]): Map<CardId, CardWithTopic> {
  const index = new Map<CardId, CardWithTopic>();
  for (const deck of decks) {
    const topics = new Map(deck.topics.map((topic) => [topic.id, topic]));
    for (const card of deck.cards) index.set(card.id, { card, topic: topics.get(card.topicId) });
  }
  return index;
}

export function StudySession({ title, decks }: { title: string; decks: readonly Deck[] }) {
  const cards = useMemo(() => indexCards(decks), [decks]);
  const session = useStudySession(decks);
  const { step, tally } = session;
  const current = step.kind === 'card' ? cards.get(step.cardId) : undefined;
  const backTo = decks.length === 1 && decks[0] ? `/decks/${encodeURIComponent(decks[0].id)}` : '/';

  useShortcuts({
    ' ': step.kind === 'card' && !step.revealed ? session.reveal : undefined,
    1: step.kind === 'card' && step.revealed ? () => session.rate(1) : undefined,
    2: step.kind === 'card' && step.revealed ? () => session.rate(2) : undefined,
    3: step.kind === 'card' && step.revealed ? () => session.rate(3) : undefined,
    4: step.kind === 'card' && step.revealed ? () => session.rate(4) : undefined,
    z: session.canUndo ? session.undo : undefined,
  });

  return (
    <div className="page narrow study">
      <p className="eyebrow">
        <Link to={backTo}>{title}</Link>
      </p>
      {step.kind !== 'done' && <h1 className="visually-hidden">Study {title}</h1>}
      {step.kind === 'loading' && <p className="muted">Loading your progress…</p>}
      {step.kind === 'card' && current && (
        <>
          <SessionProgress done={tally.studied} total={tally.studied + 1 + step.remaining} />
          <CardFace card={current} revealed={step.revealed} />
          {session.writeError && (
            <p className="error" role="alert">
              {session.writeError}. Choose a rating again to retry.
            </p>
          )}
          {step.revealed ? (
            <RatingButtons cardId={step.cardId} busy={session.busy} onRate={session.rate} />
          ) : (
            <button type="button" className="button primary wide" onClick={session.reveal}>
              Show answer{' '}
              <span className="key" aria-hidden="true">
                Space
              </span>
            </button>
          )}
        </>
      )}
      {step.kind === 'done' && (
        <SessionEnd tally={tally} nextDueAtMillis={step.nextDueAtMillis} backTo={backTo} />
      )}
      {session.canUndo && (
        <button type="button" className="button subtle" onClick={session.undo}>
          Undo{' '}
          <span className="key" aria-hidden="true">
            Z
          </span>
        </button>
      )}
    </div>
  );
}

function SessionProgress({ done, total }: { done: number; total: number }) {
  return (
    <div className="session-progress">
      <progress aria-label="Session progress" max={total} value={done} />
      <span>
        {done + 1} of {total}
      </span>
    </div>
  );
}

function CardFace({ card: { card, topic }, revealed }: { card: CardWithTopic; revealed: boolean }) {
  const seenHash = useProgress((progress) => progress.seenContentHashes.get(card.id));
  const changed = seenHash !== undefined && seenHash !== card.contentHash;
  const kindLabel = card.kind === 'term' ? 'What is this?' : 'Which term is described?';
  return (
    <article className="flashcard" aria-label="Card">
      <p className="muted card-kind">
        {kindLabel}
        {changed && <span className="badge changed">Changed since your last review</span>}
      </p>
      <div className={`card-front card-${card.kind}`}>
        {card.kind === 'term' ? (
          <p className="term">{card.front}</p>
        ) : (
          <MarkdownText markdown={card.front} />
        )}
      </div>
      {revealed && (
        <section className="card-back" aria-label="Answer">
          {card.kind === 'term' ? (
            <MarkdownText markdown={card.back} />
          ) : (
            <p className="term">{card.back}</p>
          )}
          {topic && topic.resources.length > 0 && <ResourceList resources={topic.resources} />}
        </section>
      )}
    </article>
  );
}

function RatingButtons({
  cardId,
  busy,
  onRate,
}: {
  cardId: CardId;
  busy: boolean;
  onRate: (rating: Rating) => void;
}) {
  const state = useProgress((progress) => progress.states.get(cardId));
  const scheduler = useProgress((progress) => progress.scheduler);
  const preview = useMemo(
    () => scheduler.preview(state, cardId, Date.now()),
    [scheduler, state, cardId],
  );
  return (
    <fieldset className="ratings">
      <legend className="visually-hidden">How well did you recall it?</legend>
      {ratings.map((rating) => (
        <button
          key={rating}
          type="button"
          className={`button rating rating-${rating}`}
          disabled={busy}
          onClick={() => onRate(rating)}
        >
          {ratingNames[rating]}
          <span className="interval">{formatInterval(preview[rating].intervalMillis)}</span>
          <span className="key" aria-hidden="true">
            {rating}
          </span>
        </button>
      ))}
    </fieldset>
  );
}

function SessionEnd({
  tally,
  nextDueAtMillis,
  backTo,
}: {
  tally: SessionTally;
  nextDueAtMillis: number | undefined;
  backTo: string;
}) {
  const next =
    nextDueAtMillis === undefined
      ? 'No card is scheduled yet.'
      : `The next card is due ${describeWhen(nextDueAtMillis)}.`;
  if (tally.studied === 0) {
    return (
      <div className="session-end" role="status">
        <h1>No cards due</h1>
        <p>{next}</p>
        <Link className="button" to={backTo}>
          Back
        </Link>
      </div>
    );
  }
  const minutes = Math.max(1, Math.round((Date.now() - tally.startedAtMillis) / 60_000));
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
      <p>{next}</p>
      <Link className="button" to={backTo}>
        Back
      </Link>
    </div>
  );
}

function describeWhen(atMillis: number): string {
  const inMillis = atMillis - Date.now();
  if (inMillis <= 0) return 'now';
  const time = new Date(atMillis).toLocaleString(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `in ${formatInterval(inMillis)} (${time})`;
}
