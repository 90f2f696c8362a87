import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import type { DeckSummary } from '../domain/deck-summary';
import { LoadedGate } from '../ui/app/loaded-gate';
import { usePageLoaded } from '../ui/app/page-loaded';
import { useAppStore } from '../ui/common/app-store';
import { plural } from '../ui/common/plural';
import { useDocumentTitle } from '../ui/common/use-document-title';
import { DeckCounts } from '../ui/decks/deck-counts';
import { MasteryBar, MasteryExplanation } from '../ui/decks/mastery-bar';
import { useDeckProgress } from '../ui/decks/use-deck-progress';
import { useDeckSummaries } from '../ui/decks/use-decks';
import { useStudyClock } from '../ui/study/use-study-clock';

export default function HomePage() {
  useDocumentTitle('Decks');
  const loaded = useDeckSummaries();
  return <LoadedGate loaded={loaded}>{(decks) => <DeckList decks={decks} />}</LoadedGate>;
}

// The import panel sits below the deck list and is not what most visits come for: it loads once
// the page has, in a chunk of its own, so that no first render waits for it.
const DeckImportPanel = lazy(() =>
  import('../ui/deck-import/deck-import-panel').then((module) => ({
    default: module.DeckImportPanel,
  })),
);

function DeckList({ decks }: { decks: readonly DeckSummary[] }) {
  const nowMillis = useStudyClock();
  const unreadableImports = useAppStore((state) => state.unreadableImports);
  const pageLoaded = usePageLoaded();
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
        <p className="empty">No decks yet. Import a deck below.</p>
      ) : (
        <>
          <ul className="deck-grid">
            {decks.map((deck) => (
              <DeckTile key={deck.id} deck={deck} nowMillis={nowMillis} />
            ))}
          </ul>
          <MasteryExplanation />
        </>
      )}
      {unreadableImports.length > 0 && (
        <p className="banner warning" role="status">
          {plural(unreadableImports.length, 'imported deck')} could not be read and{' '}
          {unreadableImports.length === 1 ? 'is' : 'are'} left out: {unreadableImports.join('; ')}
        </p>
      )}
      {/* After the deck list: the decks are what most visits come for. */}
      {pageLoaded && (
        <Suspense fallback={null}>
          <DeckImportPanel Link={Link} />
        </Suspense>
      )}
    </div>
  );
}

function DeckTile({ deck, nowMillis }: { deck: DeckSummary; nowMillis: number }) {
  const progress = useDeckProgress(deck, nowMillis);
  return (
    <li className="deck-tile">
      <h2>
        <Link to={`/decks/${encodeURIComponent(deck.id)}`}>{deck.title}</Link>
      </h2>
      <p className="muted">
        {plural(deck.topicCount, 'topic')} · {plural(deck.cardCount, 'card')}
        {deck.imported && ' · imported'}
      </p>
      {progress ? (
        <>
          <DeckCounts counts={progress.counts} />
          <MasteryBar label={`${deck.title} mastery`} mastery={progress.mastery?.mastery} />
        </>
      ) : (
        <p className="muted">Loading progress…</p>
      )}
    </li>
  );
}
