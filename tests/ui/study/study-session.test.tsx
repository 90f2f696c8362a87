/// <reference path="../../../src/virtual-modules.d.ts" />
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { summarizeDeck } from '../../../src/compiler/summarize-deck';
import type { Deck } from '../../../src/domain/deck';
import type { CardId } from '../../../src/domain/ids';
import { defaultSettings, type Rating } from '../../../src/domain/progress';
import StudyPage from '../../../src/routes/study-page';
import { progressChannelName } from '../../../src/storage/progress-channel';
import type { AppStore } from '../../../src/stores/app-store';
import { AppStoreContext } from '../../../src/ui/common/app-store';
import { review } from '../../support/events';
import { orchardDecks } from '../../support/orchard-decks';
import { renderStudyBeforeProgress } from '../../support/study-before-progress';
import { createTestAppStore } from '../../support/test-app-store';

// Three small bundled decks of two topics each: four study cards a deck, twelve in all, every one
// new and so due. No IndexedDB here: progress lives in memory, as in a locked-down browser.
const decks = orchardDecks;

type BundledDeckId = keyof typeof decks;
type DeckModule = { default: Deck };

const loaders = {
  alpha: vi.fn<() => Promise<DeckModule>>(),
  beta: vi.fn<() => Promise<DeckModule>>(),
  gamma: vi.fn<() => Promise<DeckModule>>(),
};

const bundledDecks = {
  summaries: [decks.alpha, decks.beta, decks.gamma].map(summarizeDeck),
  loaders,
};

function firstCardId(deckId: BundledDeckId) {
  const cardId = summarizeDeck(decks[deckId]).studyCardIds[0];
  if (!cardId) throw new Error(`${deckId} has no study card`);
  return cardId;
}

beforeEach(() => {
  for (const id of Object.keys(loaders) as BundledDeckId[]) {
    loaders[id].mockReset();
    loaders[id].mockImplementation(async () => ({ default: decks[id] }));
  }
});

/**
 * Every card of a deck in one session, each once: most tests here are about loading decks, other
 * tabs and the clock, and count on that. Siblings waiting and learning ahead, on by default, have
 * tests of their own ("siblings and learning cards").
 */
const everyCardOnce = { ...defaultSettings, siblingsWait: false, learnAheadMinutes: 0 };

/** A fresh app opened at `path`, with `everyCardOnce` unless `settings` says otherwise. */
async function openAt(
  path: string,
  beforeRender?: (store: AppStore) => void | Promise<void>,
  settings = everyCardOnce,
) {
  const store = createTestAppStore({ bundledDecks });
  await store.getState().init();
  await store.getState().saveSettings(settings);
  await beforeRender?.(store);
  render(
    <AppStoreContext.Provider value={store}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route index element={<h1>Your decks</h1>} />
          <Route path="decks/:deckId" element={<h1>A deck page</h1>} />
          <Route path="decks/:deckId/study" element={<StudyPage />} />
          <Route path="study" element={<StudyPage />} />
        </Routes>
      </MemoryRouter>
    </AppStoreContext.Provider>,
  );
  return userEvent.setup();
}

async function showAnswerButton() {
  return screen.findByRole('button', { name: /^Show answer/ });
}

function cardOnScreen() {
  return screen.getByRole('article', { name: 'Card' });
}

function progressText() {
  return screen.getByRole('progressbar', { name: 'Session progress' }).nextSibling?.textContent;
}

async function rateGood(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await showAnswerButton());
  await user.click(screen.getByRole('button', { name: /^Good/ }));
}

describe('studying all due cards', () => {
  it('shows the first card having requested only the deck that holds it', async () => {
    await openAt('/study');
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Apples')).toBeInTheDocument();
    expect(progressText()).toBe('1 of 12');
    expect(loaders.alpha).toHaveBeenCalledTimes(1);
    expect(loaders.beta).not.toHaveBeenCalled();
    expect(loaders.gamma).not.toHaveBeenCalled();
  });

  it('loads the next deck when its first card is next, and shows that card after the last of the first deck', async () => {
    const user = await openAt('/study');
    for (let review = 0; review < 3; review++) await rateGood(user);
    expect(progressText()).toBe('4 of 12');
    // The last card of Alpha is on screen; Beta's first card is next, so its deck is on its way.
    await vi.waitFor(() => expect(loaders.beta).toHaveBeenCalledTimes(1));
    expect(loaders.gamma).not.toHaveBeenCalled();

    await rateGood(user);
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Bananas')).toBeInTheDocument();
    expect(progressText()).toBe('5 of 12');
    await user.click(await showAnswerButton());
    expect(
      within(screen.getByRole('region', { name: 'Answer' })).getByText(/Bananas grow in the Beta/),
    ).toBeInTheDocument();
    expect(loaders.beta).toHaveBeenCalledTimes(1);
    expect(loaders.gamma).not.toHaveBeenCalled();
  });

  it('holds the card’s place while its deck loads, then shows the card', async () => {
    let release: (module: DeckModule) => void = () => undefined;
    loaders.alpha.mockImplementationOnce(
      () =>
        new Promise<DeckModule>((resolve) => {
          release = resolve;
        }),
    );
    await openAt('/study');
    expect(await screen.findByText('Loading the card…')).toBeInTheDocument();
    expect(progressText()).toBe('1 of 12');
    expect(screen.queryByRole('button', { name: /^Show answer/ })).not.toBeInTheDocument();

    // The deck is asked for in a task after the first render: release it only once it is.
    await vi.waitFor(() => expect(loaders.alpha).toHaveBeenCalledTimes(1));
    release({ default: decks.alpha });
    await showAnswerButton();
    expect(screen.queryByText('Loading the card…')).not.toBeInTheDocument();
    expect(within(cardOnScreen()).getByText('Apples')).toBeInTheDocument();
  });

  it('says when a deck fails to load, and offers to try again or go back', async () => {
    loaders.alpha.mockRejectedValueOnce(new Error('HTTP 503'));
    const user = await openAt('/study');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The deck “Alpha” failed to load: HTTP 503.');
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/');

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Apples')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(loaders.alpha).toHaveBeenCalledTimes(2);
  });

  it('goes back to the deck list from a deck that failed to load', async () => {
    loaders.alpha.mockRejectedValue(new Error('offline'));
    const user = await openAt('/study');
    await screen.findByRole('alert');
    await user.click(screen.getByRole('link', { name: 'Back' }));
    expect(screen.getByRole('heading', { name: 'Your decks' })).toBeInTheDocument();
  });

  it('marks a card changed since its last review, and remembers the text it was answered with', async () => {
    // Every other card was seen as it is now: only the first one changed.
    const user = await openAt('/study', (progress) => {
      for (const card of Object.values(decks).flatMap((deck) => deck.cards)) {
        progress.getState().rememberSeenContent(card.id, card.contentHash);
      }
      progress.getState().rememberSeenContent(firstCardId('alpha'), 'text of an older build');
    });
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Changed since your last review')).toBeInTheDocument();

    await rateGood(user);
    await showAnswerButton();
    expect(screen.queryByText('Changed since your last review')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Undo/ }));
    await vi.waitFor(() => expect(progressText()).toBe('1 of 12'));
    expect(within(cardOnScreen()).getByText('Apples')).toBeInTheDocument();
    expect(screen.queryByText('Changed since your last review')).not.toBeInTheDocument();
  });
});

describe('a study page open before stored progress has loaded', () => {
  it('shows the first card of the queue once progress loads', async () => {
    const { finishOpening } = renderStudyBeforeProgress(bundledDecks);
    expect(screen.queryByRole('button', { name: /^Show answer/ })).not.toBeInTheDocument();

    finishOpening();
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Apples')).toBeInTheDocument();
    // Siblings wait, as by default: one card of each of the six topics, once every deck is queued.
    await vi.waitFor(() => expect(progressText()).toBe('1 of 6'));
  });
});

describe('studying one deck', () => {
  it('shows its first card and loads no other deck', async () => {
    await openAt('/decks/beta/study');
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Bananas')).toBeInTheDocument();
    expect(progressText()).toBe('1 of 4');
    expect(screen.getByRole('link', { name: 'Beta' })).toHaveAttribute('href', '/decks/beta');
    expect(loaders.alpha).not.toHaveBeenCalled();
    expect(loaders.gamma).not.toHaveBeenCalled();
  });

  it('finishes with a summary after its last card, without loading other decks', async () => {
    const user = await openAt('/decks/gamma/study');
    for (let review = 0; review < 4; review++) await rateGood(user);
    expect(await screen.findByRole('heading', { name: 'Session complete' })).toBeInTheDocument();
    expect(loaders.alpha).not.toHaveBeenCalled();
    expect(loaders.beta).not.toHaveBeenCalled();
  });

  it('says a deck that does not exist is not found', async () => {
    await openAt('/decks/nope/study');
    expect(await screen.findByRole('heading', { name: 'Not found' })).toBeInTheDocument();
  });
});

function cardIdsOf(deckId: BundledDeckId) {
  return summarizeDeck(decks[deckId]).studyCardIds;
}

describe('another tab answering', () => {
  /** What a second tab's commit sends: the ids of the cards it changed. */
  function announceFromAnotherTab(cardIds: readonly CardId[]) {
    const channel = new BroadcastChannel(progressChannelName);
    channel.postMessage({ type: 'reviews-changed', cardIds });
    channel.close();
  }

  function notice() {
    return screen.getByRole('status');
  }

  it('moves on from the card on screen, says why until the next action, and counts nothing', async () => {
    const user = await openAt('/decks/beta/study');
    await user.click(await showAnswerButton());
    expect(within(cardOnScreen()).getByText('Bananas')).toBeInTheDocument();
    expect(notice()).toHaveTextContent('');

    announceFromAnotherTab([firstCardId('beta')]);
    await vi.waitFor(() =>
      expect(notice()).toHaveTextContent('This card was answered in another tab.'),
    );
    expect(within(cardOnScreen()).queryByText('Bananas')).not.toBeInTheDocument();
    expect(within(cardOnScreen()).getByText(/grow in the Beta orchard/)).toBeInTheDocument();
    expect(progressText()).toBe('1 of 3');
    expect(screen.queryByRole('button', { name: /^Undo/ })).not.toBeInTheDocument();

    await user.click(await showAnswerButton());
    expect(notice()).toHaveTextContent('');
  });

  it('undoes only its own answers, and none of a card another tab answered since', async () => {
    const [bananas, , blueberries] = cardIdsOf('beta');
    const user = await openAt('/decks/beta/study');
    await rateGood(user);
    await rateGood(user);
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Blueberries')).toBeInTheDocument();

    // The first card came back in the other tab, which answered it there.
    announceFromAnotherTab([bananas as CardId]);
    await vi.waitFor(() => expect(progressText()).toBe('3 of 4'));
    expect(within(cardOnScreen()).getByText('Blueberries')).toBeInTheDocument();
    expect(notice()).toHaveTextContent('');

    announceFromAnotherTab([blueberries as CardId]);
    await vi.waitFor(() =>
      expect(notice()).toHaveTextContent('This card was answered in another tab.'),
    );
    expect(progressText()).toBe('3 of 3');

    // Z takes back this tab's answer of the second card; the first is no longer this tab's.
    await user.keyboard('z');
    await vi.waitFor(() =>
      expect(within(cardOnScreen()).getByText(/grow in the Beta orchard/)).toBeInTheDocument(),
    );
    expect(screen.queryByRole('button', { name: /^Undo/ })).not.toBeInTheDocument();
  });
});

describe('when the clock moves on', () => {
  const minute = 60_000;
  const hour = 60 * minute;

  afterEach(() => {
    vi.useRealTimers();
  });

  /** Gamma with two new cards a day, both already answered at 22:00 on 15 January. */
  async function openAnsweredGamma(rating: Rating) {
    return openAt('/decks/gamma/study', async (progress) => {
      await progress.getState().saveSettings({ ...everyCardOnce, newPerDay: 2 });
      for (const cardId of cardIdsOf('gamma').slice(0, 2)) {
        await progress.getState().commitReview({
          kind: 'review',
          id: crypto.randomUUID(),
          cardId,
          rating,
          reviewedAtMillis: Date.now(),
          durationMillis: 5000,
          source: 'study',
        });
      }
    });
  }

  async function noCardsDue() {
    return screen.findByRole('heading', { name: 'No cards due' });
  }

  it('offers the day’s new cards once the study day starts at 04:00', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date(2026, 0, 15, 22, 0));
    await openAnsweredGamma(4);
    await noCardsDue();

    await vi.advanceTimersByTimeAsync(5 * hour + 59 * minute);
    expect(screen.getByRole('heading', { name: 'No cards due' })).toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(minute);
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Coconuts')).toBeInTheDocument();
    expect(progressText()).toBe('1 of 2');
  });

  it('offers a learning card at the minute “No cards due” said it would come', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date(2026, 0, 15, 22, 0));
    await openAnsweredGamma(1);
    expect(await noCardsDue()).toBeInTheDocument();
    expect(screen.getByText(/The next card is due in 1m/)).toBeInTheDocument();

    await vi.advanceTimersByTimeAsync(minute);
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Cherries')).toBeInTheDocument();
  });

  it('looks again when the page is shown again after the day started', async () => {
    // Only the date is faked: the timer set for 04:00 stays hours away in real time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 0, 15, 22, 0));
    await openAnsweredGamma(4);
    await noCardsDue();

    vi.setSystemTime(new Date(2026, 0, 16, 7, 30));
    document.dispatchEvent(new Event('visibilitychange'));
    await showAnswerButton();
    expect(progressText()).toBe('1 of 2');
  });
});

describe('siblings and learning cards', () => {
  async function rate(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
    await user.click(await showAnswerButton());
    await user.click(screen.getByRole('button', { name }));
  }

  it('shows one card of each topic, then offers a quiz, another deck and when to come back', async () => {
    const user = await openAt('/decks/beta/study', undefined, defaultSettings);
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Bananas')).toBeInTheDocument();
    expect(progressText()).toBe('1 of 2');

    await rate(user, /^Easy/);
    await showAnswerButton();
    // Blueberries, not the Bananas recall card that would give away what was just answered.
    expect(within(cardOnScreen()).getByText('Blueberries')).toBeInTheDocument();
    expect(progressText()).toBe('2 of 2');

    await rate(user, /^Easy/);
    await screen.findByRole('heading', { name: 'Session complete' });
    expect(screen.getByText(/The next card is due in/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alpha' })).toHaveAttribute('href', '/decks/alpha');
    expect(screen.getByRole('link', { name: 'Quiz this deck' })).toHaveAttribute(
      'href',
      '/decks/beta/quiz',
    );
  });

  it('brings a card answered Again back within the session', async () => {
    const user = await openAt('/decks/beta/study', undefined, defaultSettings);
    await rate(user, /^Again/);
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Blueberries')).toBeInTheDocument();

    await rate(user, /^Easy/);
    // Bananas is due in a minute: within the learn-ahead limit, so it shows at once.
    await showAnswerButton();
    expect(within(cardOnScreen()).getByText('Bananas')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Session complete' })).toBeNull();

    await rate(user, /^Easy/);
    expect(await screen.findByRole('heading', { name: 'Session complete' })).toBeInTheDocument();
  });
});

describe('the learner’s own marks on a card', () => {
  const firstCard = firstCardId('alpha');
  const firstTopic = decks.alpha.cards.find((card) => card.id === firstCard)?.topicId;

  it('shows the topic’s note with the answer', async () => {
    if (!firstTopic) throw new Error('alpha has no first topic');
    const user = await openAt('/decks/alpha/study', (store) =>
      store.getState().saveNote(firstTopic, 'Pomes, like pears.'),
    );
    const show = await showAnswerButton();
    expect(screen.queryByRole('region', { name: 'Your note' })).toBeNull();
    await user.click(show);
    const note = screen.getByRole('region', { name: 'Your note' });
    expect(note).toHaveTextContent('Pomes, like pears.');
  });

  it('says so when a review makes the card a leech, which suspends it', async () => {
    const dayMillis = 86_400_000;
    const user = await openAt(
      '/decks/alpha/study',
      // Answered Easy long ago: a review card, due now, with no lapse yet.
      async (store) => {
        await store
          .getState()
          .commitReview(review('old', firstCard, 4, Date.now() - 60 * dayMillis));
      },
      { ...everyCardOnce, leechLapses: 1 },
    );
    await showAnswerButton();
    expect(progressText()).toBe('1 of 4');
    await user.click(await showAnswerButton());
    await user.click(screen.getByRole('button', { name: /^Again/ }));
    await screen.findByText(/^This card is a leech: forgotten once, it is now suspended/);
    expect(progressText()).toBe('2 of 4');
  });
});
