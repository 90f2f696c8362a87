import { Link, useLoaderData } from 'react-router-dom';
import type { Deck } from '../domain/deck';
import { useDeckCatalog } from '../stores/deck-catalog-store';
import { useProgress } from '../stores/progress-store';
import { DeckCounts } from '../ui/deck-counts';
import { MasteryBar } from '../ui/mastery-bar';
import { plural } from '../ui/plural';
import { useDeckProgress } from '../ui/use-deck-progress';
import { useDocumentTitle } from '../ui/use-document-title';
import { useNow } from '../ui/use-now';

async function loadHome(): Promise<Deck[]> {
  return useDeckCatalog.getState().loadAllDecks();
}

function HomePage() {
  useDocumentTitle('Decks');
  const decks = useLoaderData<typeof loadHome>();
  const nowMillis = useNow();
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Your decks</h1>
        {decks.length > 0 && (
          <Link className="button primary" to="/study">
            Study all due
          </Link>
        )}
      </div>
      {decks.length === 0 ? (
        <p className="empty">No decks yet. Add a deck file to the decks folder and rebuild.</p>
      ) : (
        <ul className="deck-grid">
          {decks.map((deck) => (
            <DeckTile key={deck.id} deck={deck} nowMillis={nowMillis} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DeckTile({ deck, nowMillis }: { deck: Deck; nowMillis: number }) {
  const progress = useDeckProgress(deck, nowMillis);
  const ready = useProgress((state) => state.ready);
  const studyCards = deck.cards.filter((card) => card.kind !== 'quiz').length;
  return (
    <li className="deck-tile">
      <h2>
        <Link to={`/decks/${encodeURIComponent(deck.id)}`}>{deck.title}</Link>
      </h2>
      <p className="muted">
        {plural(deck.topics.length, 'topic')} · {plural(studyCards, 'card')}
      </p>
      {ready && progress ? (
        <>
          <DeckCounts counts={progress.counts} />
          <MasteryBar label={`${deck.title} mastery`} recall={progress.mastery.recall} />
        </>
      ) : (
        <p className="muted">Loading progress…</p>
      )}
    </li>
  );
}

export const homeRoute = { loader: loadHome, Component: HomePage };
