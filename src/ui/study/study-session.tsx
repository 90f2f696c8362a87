import './study-session.css';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { DeckSummary } from '../../domain/deck-summary';
import type { CardId } from '../../domain/ids';
import { type Rating, ratings } from '../../domain/progress';
import { formatInterval } from '../../scheduler/format-interval';
import { firstDeckToStudy } from '../../scheduler/study-queue';
import type { SessionTally } from '../../scheduler/study-session';
import { useAppStore } from '../shared/app-store';
import { MarkdownText } from '../shared/markdown-text';
import { ResourceList } from '../shared/resource-list';
import { useShortcuts } from '../shared/use-shortcuts';
import { AnswerGist } from './answer-gist';
import { indexCardDecks } from './card-deck-index';
import { type CardWithTopic, findDeckCard } from './deck-card-lookup';
import { useScheduler } from './use-scheduler';
import { useSeenContentHashes } from './use-seen-content-hashes';
import { type SessionDeck, useSessionDeck } from './use-session-deck';
import { useStudySession } from './use-study-session';

const ratingNames: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/**
 * A study session over the decks these summaries describe. Only the deck of the card on screen
 * (and of the next one, ahead of time) is loaded: "Study all due" over many big decks shows its
 * first card without fetching the others.
 */
export function StudySession({
  title,
  summaries,
}: {
  title: string;
  summaries: readonly DeckSummary[];
}) {
  const cardDecks = useMemo(() => indexCardDecks(summaries), [summaries]);
  const session = useStudySession(summaries, cardDecks);
  const { step, tally } = session;
  const onCard = step.kind === 'card' ? step : undefined;
  const revealedAtMillis = onCard?.revealedAtMillis;
  const revealed = revealedAtMillis !== undefined;
  const deckId = onCard && cardDecks.get(onCard.cardId);
  const deck = useSessionDeck(deckId, onCard?.upNext && cardDecks.get(onCard.upNext));
  const current =
    onCard && deck.status === 'ready' ? findDeckCard(deck.deck, onCard.cardId) : undefined;
  const only = summaries.length === 1 ? summaries[0] : undefined;
  const backTo = only ? `/decks/${encodeURIComponent(only.id)}` : '/';
  const deckTitle = summaries.find((summary) => summary.id === deckId)?.title ?? '';

  useShortcuts({
    ' ': current && onCard && !revealed ? session.reveal : undefined,
    1: current && revealed ? () => session.rate(1) : undefined,
    2: current && revealed ? () => session.rate(2) : undefined,
    3: current && revealed ? () => session.rate(3) : undefined,
    4: current && revealed ? () => session.rate(4) : undefined,
    z: session.canUndo ? session.undo : undefined,
  });

  return (
    <div className="page narrow study">
      <p className="eyebrow">
        <Link to={backTo}>{title}</Link>
      </p>
      {step.kind !== 'done' && <h1 className="visually-hidden">Study {title}</h1>}
      {step.kind === 'loading' && <p className="muted">Loading your progress…</p>}
      {onCard && (
        <>
          <SessionProgress done={tally.studied} total={tally.studied + 1 + onCard.remaining} />
          {/* On screen before any message, so that a screen reader hears it arrive. */}
          <p className="session-notice" role="status">
            {session.notice}
          </p>
          {current ? (
            <>
              <CardFace card={current} revealed={revealed} />
              {session.writeError && (
                <p className="error" role="alert">
                  {session.writeError}. Choose a rating again to retry.
                </p>
              )}
              {revealed ? (
                <RatingButtons
                  cardId={onCard.cardId}
                  revealedAtMillis={revealedAtMillis}
                  busy={session.busy}
                  onRate={session.rate}
                />
              ) : (
                <button type="button" className="button primary wide" onClick={session.reveal}>
                  Show answer{' '}
                  <span className="key" aria-hidden="true">
                    Space
                  </span>
                </button>
              )}
            </>
          ) : (
            <CardUnavailable deck={deck} deckTitle={deckTitle} backTo={backTo} />
          )}
        </>
      )}
      {step.kind === 'done' && (
        <SessionEnd
          tally={tally}
          comeBackAtMillis={step.comeBackAtMillis}
          checkedAtMillis={step.checkedAtMillis}
          summaries={summaries}
          backTo={backTo}
        />
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

/** In the card's place while its deck loads, or when it cannot be shown: never a dead end. */
function CardUnavailable({
  deck,
  deckTitle,
  backTo,
}: {
  deck: SessionDeck;
  deckTitle: string;
  backTo: string;
}) {
  if (deck.status === 'loading') {
    // The card's own box and the button's height, so the page does not jump when it arrives.
    return (
      <>
        <div className="flashcard card-loading" aria-busy="true">
          <p className="muted">Loading the card…</p>
        </div>
        <div className="card-action-placeholder" aria-hidden="true" />
      </>
    );
  }
  return (
    <div className="flashcard card-unavailable">
      <p className="error" role="alert">
        {deck.status === 'failed'
          ? `The deck “${deckTitle}” failed to load: ${deck.error}.`
          : 'This card is no longer in its deck.'}
      </p>
      <div className="actions">
        {deck.status === 'failed' && (
          <button type="button" className="button primary" onClick={deck.retry}>
            Try again
          </button>
        )}
        <Link className="button" to={backTo}>
          Back
        </Link>
      </div>
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
  const seenHash = useSeenContentHashes().get(card.id);
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
            <AnswerGist key={card.id} description={card.back} />
          ) : (
            <p className="term">{card.back}</p>
          )}
          {topic && topic.resources.length > 0 && <ResourceList resources={topic.resources} />}
        </section>
      )}
    </article>
  );
}

/** Each rating with the interval it would give, as of the moment the answer was shown. */
function RatingButtons({
  cardId,
  revealedAtMillis,
  busy,
  onRate,
}: {
  cardId: CardId;
  revealedAtMillis: number;
  busy: boolean;
  onRate: (rating: Rating) => void;
}) {
  const state = useAppStore((progress) => progress.states.get(cardId));
  const scheduler = useScheduler();
  const preview = useMemo(
    () => scheduler.preview(state, cardId, revealedAtMillis),
    [scheduler, state, cardId, revealedAtMillis],
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

/** The end of the session, as of `checkedAtMillis`, when its queue was found empty. */
function SessionEnd({
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
  const otherDeck = useMemo(() => {
    const inSession = new Set(summaries.map((summary) => summary.id));
    const others = allDecks.filter((deck) => !inSession.has(deck.id));
    return firstDeckToStudy(others, states, settings, nowMillis);
  }, [allDecks, summaries, states, settings, nowMillis]);
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
