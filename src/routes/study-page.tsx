import type { LoaderFunctionArgs } from 'react-router-dom';
import { useLoaderData } from 'react-router-dom';
import type { Deck } from '../domain/deck';
import { useDeckCatalog } from '../stores/deck-catalog-store';
import { StudySession } from '../ui/study-session';
import { useDocumentTitle } from '../ui/use-document-title';
import { loadDeckOr404 } from './deck-page';

async function loadStudyDecks(args: LoaderFunctionArgs): Promise<{ title: string; decks: Deck[] }> {
  if (args.params.deckId === undefined) {
    return { title: 'All due cards', decks: await useDeckCatalog.getState().loadAllDecks() };
  }
  const deck = await loadDeckOr404(args);
  return { title: deck.title, decks: [deck] };
}

function StudyPage() {
  const { title, decks } = useLoaderData<typeof loadStudyDecks>();
  useDocumentTitle(`Study ${title}`);
  return <StudySession title={title} decks={decks} />;
}

export const studyRoute = { loader: loadStudyDecks, Component: StudyPage };
