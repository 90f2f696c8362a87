import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect, it } from 'vitest';
import type { Deck } from '../../../src/domain/deck';
import type { DeckSummary } from '../../../src/domain/deck-summary';
import { cardId, deckId } from '../../../src/domain/ids';
import { hashStrings } from '../../../src/domain/string-hash';
import { AppStoreContext } from '../../../src/ui/common/app-store';
import { useFirstDeckReadAhead } from '../../../src/ui/study/use-first-deck-read-ahead';
import { cardState, stateMap } from '../../scheduler/card-states';
import { cssDeckSummary } from '../../support/css-deck-summary';
import { keptDeckCounts } from '../../support/kept-deck-counts';
import { createTestAppStore } from '../../support/test-app-store';

const minute = 60_000;
const now = Date.now();

/** A deck of one card, answered and due again in a week: nothing to study now. */
const htmlCard = cardId('html/forms:term');
const studied: DeckSummary = {
  id: deckId('html'),
  title: 'HTML',
  topicCount: 1,
  quizItemCount: 0,
  studyCardIds: [htmlCard],
  cardCount: 1,
  cardsFingerprint: hashStrings([htmlCard]),
  topicCardIds: [[htmlCard]],
};

it('fetches the deck with the first card due while the card states load', async () => {
  const states = stateMap([cardState(htmlCard, 'review', now + 7 * 1440 * minute)]);
  const fetched: string[] = [];
  const loader = (summary: DeckSummary) => async () => {
    fetched.push(summary.id);
    return { default: { id: summary.id } as unknown as Deck };
  };
  const store = createTestAppStore({
    openProgressRepository: (listeners) => {
      listeners?.onDeckCounts?.(keptDeckCounts([studied, cssDeckSummary], states, now - minute));
      // The states never finish loading here.
      return new Promise(() => {});
    },
    bundledDecks: {
      summaries: [studied, cssDeckSummary],
      loaders: { [studied.id]: loader(studied), [cssDeckSummary.id]: loader(cssDeckSummary) },
    },
  });
  void store.getState().init();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>
  );
  renderHook(() => useFirstDeckReadAhead(store.getState().summaries), { wrapper });
  await waitFor(() => expect(fetched).toEqual([cssDeckSummary.id]));
});
