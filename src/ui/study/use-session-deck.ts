import { useCallback, useEffect, useState } from 'react';
import type { Deck } from '../../domain/deck';
import type { DeckId } from '../../domain/ids';
import { useDeckCatalog } from '../../stores/deck-catalog-store';

export type SessionDeck =
  | { readonly status: 'none' }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: string; retry(): void }
  | { readonly status: 'ready'; readonly deck: Deck };

// The card on screen and the prefetch of the next one often ask for the same deck at once; one
// fetch and parse serves both. A settled load is forgotten: the catalog keeps the deck, and a
// failed one is tried again when asked again.
const pending = new Map<DeckId, Promise<Deck | undefined>>();

function loadDeckOnce(deckId: DeckId): Promise<Deck | undefined> {
  let loading = pending.get(deckId);
  if (!loading) {
    loading = useDeckCatalog
      .getState()
      .loadDeck(deckId)
      .finally(() => pending.delete(deckId));
    pending.set(deckId, loading);
  }
  return loading;
}

/**
 * The deck of the card on screen, loaded on demand, and the deck of the next card fetched
 * once this one is ready, so moving on rarely waits.
 */
export function useSessionDeck(
  deckId: DeckId | undefined,
  nextDeckId: DeckId | undefined,
): SessionDeck {
  const deck = useDeckCatalog((catalog) =>
    deckId === undefined ? undefined : catalog.loadedDecks[deckId],
  );
  const [failure, setFailure] = useState<{ deckId: DeckId; error: string } | undefined>();
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setFailure(undefined);
    setAttempt((current) => current + 1);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how a retry reruns this
  useEffect(() => {
    if (deckId === undefined || deck) return;
    let cancelled = false;
    loadDeckOnce(deckId).then(
      (loaded) => {
        // A loaded deck reaches this hook through the catalog; only its absence needs saying.
        if (!cancelled && !loaded) setFailure({ deckId, error: 'it is no longer available' });
      },
      (error: unknown) => {
        if (!cancelled) {
          setFailure({ deckId, error: error instanceof Error ? error.message : String(error) });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [deckId, deck, attempt]);

  useEffect(() => {
    if (!deck || nextDeckId === undefined || nextDeckId === deckId) return;
    // A failure here is reported when that card comes up, and its load is tried again then.
    loadDeckOnce(nextDeckId).catch(() => undefined);
  }, [deck, deckId, nextDeckId]);

  if (deckId === undefined) return { status: 'none' };
  if (deck) return { status: 'ready', deck };
  if (failure?.deckId === deckId) return { status: 'failed', error: failure.error, retry };
  return { status: 'loading' };
}
