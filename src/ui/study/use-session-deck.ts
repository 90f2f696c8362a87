import { useCallback, useEffect, useState } from 'react';
import type { Deck } from '../../domain/deck';
import type { DeckId } from '../../domain/ids';
import { useAppStore, useAppStoreApi } from '../common/app-store';

export type SessionDeck =
  | { readonly status: 'none' }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: string; retry(): void }
  | { readonly status: 'ready'; readonly deck: Deck };

/**
 * The deck of the card on screen, loaded on demand, and the deck of the next card fetched
 * once this one is ready, so moving on rarely waits.
 */
export function useSessionDeck(
  deckId: DeckId | undefined,
  nextDeckId: DeckId | undefined,
): SessionDeck {
  const { loadDeck } = useAppStoreApi().getState();
  const deck = useAppStore((catalog) =>
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
    loadDeck(deckId).then(
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
  }, [loadDeck, deckId, deck, attempt]);

  useEffect(() => {
    if (!deck || nextDeckId === undefined || nextDeckId === deckId) return;
    // A failure here is reported when that card comes up, and its load is tried again then.
    loadDeck(nextDeckId).catch(() => undefined);
  }, [loadDeck, deck, deckId, nextDeckId]);

  if (deckId === undefined) return { status: 'none' };
  if (deck) return { status: 'ready', deck };
  if (failure?.deckId === deckId) return { status: 'failed', error: failure.error, retry };
  return { status: 'loading' };
}
