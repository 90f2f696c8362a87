import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import type { DeckSummary } from '../domain/deck-summary';
import { LoadedGate } from '../ui/app/loaded-gate';
import { type Loaded, useDeckSummaries } from '../ui/decks/use-decks';
import { useAppStore } from '../ui/shared/app-store';
import { useDocumentTitle } from '../ui/shared/use-document-title';
import { StudySession } from '../ui/study/study-session';

/**
 * `/decks/:deckId/study` studies one deck; `/study` every deck's due cards. Both start from the
 * deck summaries: the session loads a deck only when one of its cards comes up.
 */
export default function StudyPage() {
  const { deckId } = useParams();
  return deckId === undefined ? <StudyAllDue /> : <StudyOneDeck deckId={deckId} />;
}

function StudyOneDeck({ deckId }: { deckId: string }) {
  // Every bundled deck is listed from the start: its session need not wait for imported decks.
  const listed = useAppStore((catalog) =>
    catalog.summaries.find((summary) => summary.id === deckId),
  );
  return listed ? <StudyListedDeck summary={listed} /> : <StudyUnlistedDeck />;
}

function StudyListedDeck({ summary }: { summary: DeckSummary }) {
  // One array per summary, not per render: a new one would start the session over.
  const loaded = useMemo(() => ({ status: 'ready', value: [summary] }) as const, [summary]);
  return <StudyLoaded loaded={loaded} title={summary.title} />;
}

/** Waits for the imported decks; once one has this id, `StudyOneDeck` lists it instead. */
function StudyUnlistedDeck() {
  const all = useDeckSummaries();
  return (
    <StudyLoaded loaded={all.status === 'ready' ? { status: 'missing' } : all} title="Study" />
  );
}

function StudyAllDue() {
  return <StudyLoaded loaded={useDeckSummaries()} title="All due cards" />;
}

function StudyLoaded({ loaded, title }: { loaded: Loaded<readonly DeckSummary[]>; title: string }) {
  useDocumentTitle(`Study ${title}`);
  return (
    <LoadedGate loaded={loaded}>
      {(summaries) => <StudySession title={title} summaries={summaries} />}
    </LoadedGate>
  );
}
