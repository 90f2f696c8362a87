import { data, type LoaderFunctionArgs, useLoaderData } from 'react-router-dom';
import type { Deck } from '../domain/deck';
import { useDeckCatalog } from '../stores/deck-catalog-store';
import { DeckView } from '../ui/deck-view';
import { useDocumentTitle } from '../ui/use-document-title';

async function loadDeck({ params }: LoaderFunctionArgs): Promise<Deck> {
  const deck = await useDeckCatalog.getState().loadDeck(params.deckId ?? '');
  if (!deck) throw data(`No deck with id ${params.deckId}`, { status: 404 });
  return deck;
}

function DeckPage() {
  const deck = useLoaderData<typeof loadDeck>();
  useDocumentTitle(deck.title);
  return <DeckView deck={deck} />;
}

export const deckRoute = { loader: loadDeck, Component: DeckPage };
