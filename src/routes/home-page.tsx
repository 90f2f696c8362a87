import { Link } from 'react-router-dom';
import { useDeckCatalog } from '../stores/deck-catalog-store';
import { plural } from '../ui/plural';
import { useDocumentTitle } from '../ui/use-document-title';

function HomePage() {
  useDocumentTitle('Decks');
  const summaries = useDeckCatalog((state) => state.summaries);
  return (
    <div className="page">
      <h1>Your decks</h1>
      {summaries.length === 0 ? (
        <p className="empty">No decks yet. Add a deck file to the decks folder and rebuild.</p>
      ) : (
        <ul className="deck-grid">
          {summaries.map((deck) => (
            <li key={deck.id} className="deck-tile">
              <h2>
                <Link to={`/decks/${encodeURIComponent(deck.id)}`}>{deck.title}</Link>
              </h2>
              <p className="muted">
                {plural(deck.topicCount, 'topic')} · {plural(deck.studyCardCount, 'card')} ·{' '}
                {plural(deck.quizItemCount, 'quiz question')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const homeRoute = { Component: HomePage };
