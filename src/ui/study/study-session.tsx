import '../common/session-controls.css';
import './study-session.css';
import {
  type ComponentProps,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react';
import { Link } from 'react-router-dom';
import { type CardWithTopic, findDeckCard } from '../../domain/deck-card-lookup';
import type { DeckSummary } from '../../domain/deck-summary';
import type { FlagNumber } from '../../domain/progress';
import { keptHeadCard } from '../../scheduler/kept-study-head';
import { useAppStore } from '../common/app-store';
import { ChunkComponent, componentChunk } from '../common/component-chunk';
import { MarkdownText } from '../common/markdown-text';
import { ResourceList } from '../common/resource-list';
import { useShortcuts } from '../common/use-shortcuts';
import { AnswerGist } from './answer-gist';
import { cardDeckLookup } from './card-deck-index';
import type { RatingButtons } from './rating-buttons';
import { SessionCounts } from './session-counts';
import { SessionEnd } from './session-end';
import { useSeenContentHashes } from './use-seen-content-hashes';
import { type SessionDeck, useSessionDeck } from './use-session-deck';
import { type SessionOptions, useStudySession } from './use-study-session';

// Shown only when asked for: their code loads then, not with every study page.
const CardActionsList = lazy(() => import('./card-actions-list'));
const StudyKeysDialog = lazy(() => import('./study-keys-dialog'));

// The rating buttons show only once an answer is revealed. Their code, with the scheduler's that
// previews each rating's interval, loads once a session is on screen, off the first card's path:
// a cold first card came 23 ms sooner in an interleaved run of 16.
const ratingButtons = componentChunk(async () => ({
  default: (await import('./rating-buttons')).RatingButtons,
}));

/**
 * A study session over the decks these summaries describe. Only the deck of the card on screen
 * (and of the next one, ahead of time) is loaded: "Study all due" over many big decks shows its
 * first card without fetching the others.
 */
export function StudySession({
  title,
  summaries,
  options,
}: {
  title: string;
  summaries: readonly DeckSummary[];
  options: SessionOptions;
}) {
  const cardDecks = useMemo(() => cardDeckLookup(summaries), [summaries]);
  useEffect(() => {
    void ratingButtons.preload().catch(() => undefined);
  }, []);
  const session = useStudySession(summaries, cardDecks, options);
  const { step, tally } = session;
  const onCard = step.kind === 'card' ? step : undefined;
  const revealedAtMillis = onCard?.revealedAtMillis;
  const revealed = revealedAtMillis !== undefined;
  const deckId = onCard && cardDecks.get(onCard.cardId);
  const deck = useSessionDeck(deckId, onCard?.upNext && cardDecks.get(onCard.upNext));
  // While its deck loads, a card kept with the head of "Study all due" shows as kept.
  const keptCard = useAppStore((state) =>
    onCard && deck.status === 'loading'
      ? keptHeadCard(state.recordedDeckCounts, onCard.cardId)
      : undefined,
  );
  const current =
    onCard && deck.status === 'ready' ? findDeckCard(deck.deck, onCard.cardId) : keptCard;
  const only = summaries.length === 1 ? summaries[0] : undefined;
  const backTo = only ? `/decks/${encodeURIComponent(only.id)}` : '/';
  const deckTitle = summaries.find((summary) => summary.id === deckId)?.title ?? '';
  const deckRetention = useAppStore((progress) =>
    deckId === undefined ? undefined : progress.settings.deckOptions[deckId]?.desiredRetention,
  );

  const [keysOpen, setKeysOpen] = useState(false);
  const act = current ? session.act : undefined;
  /** Ctrl and a flag's number sets that flag, or takes it off when the card has it already. */
  const toggleFlag = (flag: FlagNumber) =>
    act && (() => act({ kind: 'flag', flag: session.flag === flag ? 0 : flag }));

  // While the list of keys is open, they do nothing behind it.
  useShortcuts(
    keysOpen
      ? {}
      : {
          ' ': current && onCard && !revealed ? session.reveal : undefined,
          '-': act && (() => act({ kind: 'bury' })),
          '@': act && (() => act({ kind: 'suspend' })),
          'Control+1': toggleFlag(1),
          'Control+2': toggleFlag(2),
          'Control+3': toggleFlag(3),
          'Control+4': toggleFlag(4),
          '?': () => setKeysOpen(true),
          1: current && revealed ? () => session.rate(1) : undefined,
          2: current && revealed ? () => session.rate(2) : undefined,
          3: current && revealed ? () => session.rate(3) : undefined,
          4: current && revealed ? () => session.rate(4) : undefined,
          z: session.canUndo ? session.undo : undefined,
        },
  );

  return (
    <div className="page narrow study">
      <p className="eyebrow">
        <Link to={backTo}>{title}</Link>
      </p>
      {step.kind !== 'done' && <h1 className="visually-hidden">Study {title}</h1>}
      {session.practice && <p className="practice-notice">Practice: answers are not recorded</p>}
      {step.kind === 'loading' && <p className="muted">Loading your progress…</p>}
      {onCard && (
        <>
          <SessionProgress done={tally.studied} total={tally.studied + 1 + onCard.remaining} />
          <SessionCounts counts={session.counts} />
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
                <RevealedRatings
                  practice={session.practice}
                  cardId={onCard.cardId}
                  revealedAtMillis={revealedAtMillis}
                  desiredRetention={deckRetention}
                  busy={session.busy}
                  onRate={session.rate}
                />
              ) : (
                <button
                  type="button"
                  className="button primary wide answer-bar"
                  onClick={session.reveal}
                >
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
      <div className="study-tools">
        {session.canUndo && (
          <button type="button" className="button subtle" onClick={session.undo}>
            Undo{' '}
            <span className="key" aria-hidden="true">
              Z
            </span>
          </button>
        )}
        {act && (
          <MoreMenu>
            <CardActionsList flag={session.flag} busy={session.actionsBusy} onAct={act} />
          </MoreMenu>
        )}
        <button type="button" className="button subtle" onClick={() => setKeysOpen(true)}>
          Keys{' '}
          <span className="key" aria-hidden="true">
            ?
          </span>
        </button>
      </div>
      {session.actionError && (
        <p className="error" role="alert">
          {session.actionError}
        </p>
      )}
      {keysOpen && (
        <Suspense>
          <StudyKeysDialog onClose={() => setKeysOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}

/** `More`: the card's actions, out of the way until asked for. */
function MoreMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className="more-menu">
      <button
        type="button"
        className="button subtle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        More
      </button>
      <div id={listId} hidden={!open}>
        {open && <Suspense>{children}</Suspense>}
      </div>
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
  const note = useAppStore((progress) => topic && progress.notes.get(topic.id)?.text);
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
          {note && (
            <section className="card-note" aria-label="Your note">
              <p>{note}</p>
            </section>
          )}
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

/** The rating buttons, at once when their code is in; else once it has loaded. */
function RevealedRatings(props: ComponentProps<typeof RatingButtons>) {
  return (
    <Suspense fallback={<div className="card-action-placeholder" aria-hidden="true" />}>
      <ChunkComponent chunk={ratingButtons} props={props} />
    </Suspense>
  );
}
