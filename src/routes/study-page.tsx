import { useParams } from 'react-router-dom';
import type { Deck } from '../domain/deck';
import { LoadedGate } from '../ui/loaded-gate';
import { StudySession } from '../ui/study-session';
import { type Loaded, useAllDecks, useDeck } from '../ui/use-decks';
import { useDocumentTitle } from '../ui/use-document-title';

/** `/decks/:deckId/study` studies one deck; `/study` every deck's due cards. */
export default function StudyPage() {
  const { deckId } = useParams();
  return deckId === undefined ? <StudyAllDue /> : <StudyOneDeck deckId={deckId} />;
}

function StudyOneDeck({ deckId }: { deckId: string }) {
  const loaded = useDeck(deckId);
  return (
    <StudyLoaded
      loaded={loaded.status === 'ready' ? { status: 'ready', value: [loaded.value] } : loaded}
      title={loaded.status === 'ready' ? loaded.value.title : 'Study'}
    />
  );
}

function StudyAllDue() {
  return <StudyLoaded loaded={useAllDecks()} title="All due cards" />;
}

function StudyLoaded({ loaded, title }: { loaded: Loaded<readonly Deck[]>; title: string }) {
  useDocumentTitle(`Study ${title}`);
  return (
    <LoadedGate loaded={loaded}>
      {(decks) => <StudySession title={title} decks={decks} />}
    </LoadedGate>
  );
}
