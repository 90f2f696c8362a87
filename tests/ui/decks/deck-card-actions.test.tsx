import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { isSuspended } from '../../../src/domain/card-controls';
import { settingsForDeck } from '../../../src/domain/deck-options';
import { AppStoreContext } from '../../../src/ui/common/app-store';
import { DeckTools } from '../../../src/ui/decks/deck-tools';
import { DeckView } from '../../../src/ui/decks/deck-view';
import { compileOne, singleFileSource } from '../../support/deck-sources';
import { createTestAppStore } from '../../support/test-app-store';

const deck = compileOne(
  singleFileSource(
    'loops.md',
    `# Event loops

## Loops

### libuv

libuv is a C library that gives Node.js its event loop and \`uv_run\`.

### libev

libev is a small event loop library written in C, older than libuv.
`,
  ),
);

async function renderDeck() {
  const store = createTestAppStore();
  await store.getState().init();
  render(
    <AppStoreContext.Provider value={store}>
      <DeckView deck={deck} summary={<DeckTools deck={deck} />} />
    </AppStoreContext.Provider>,
  );
  return { store, user: userEvent.setup() };
}

describe('card actions on the deck page', () => {
  it('saves a topic’s note, and marks the topic as having one', async () => {
    const { store, user } = await renderDeck();
    await user.click(screen.getByRole('button', { name: 'libuv' }));
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Node’s loop, in C');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText('Note saved');
    const topic = deck.topics.find((candidate) => candidate.title === 'libuv');
    expect(topic && store.getState().notes.get(topic.id)?.text).toBe('Node’s loop, in C');
    expect(screen.getByRole('button', { name: 'libuv Note' })).toBeDefined();
  });

  it('suspends a topic’s cards, then offers to unsuspend them', async () => {
    const { store, user } = await renderDeck();
    await user.click(screen.getByRole('button', { name: 'libev' }));
    const topicCards = screen.getByRole('region', { name: 'libev cards' });
    await user.click(within(topicCards).getByRole('button', { name: 'Suspend' }));
    const libev = deck.cards.filter((card) => card.topicId.endsWith('libev'));
    await within(topicCards).findByText(`Suspended ${libev.length} cards`);
    const { controls } = store.getState();
    expect(libev.every((card) => isSuspended(controls, card.id))).toBe(true);
    expect(within(topicCards).getByRole('button', { name: 'Unsuspend' })).toBeDefined();
  });

  it('resets the whole deck only once the learner confirms', async () => {
    const { store, user } = await renderDeck();
    const first = deck.cards[0];
    if (!first) throw new Error('the deck has no card');
    await store.getState().applyCardAction({ kind: 'known' }, [first.id]);
    expect(store.getState().states.has(first.id)).toBe(true);
    await user.click(screen.getByText(`All ${deck.cards.length} cards of this deck`));
    await user.click(screen.getAllByRole('button', { name: 'Reset progress' })[0] as HTMLElement);
    expect(store.getState().states.has(first.id)).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getAllByRole('button', { name: 'Reset progress' })[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await screen.findByText(`Reset ${deck.cards.length} cards to new`);
    expect(store.getState().states.has(first.id)).toBe(false);
  });

  it('saves the deck’s own new-card limit, and the label names the global one', async () => {
    const { store, user } = await renderDeck();
    await user.click(screen.getByText('Deck options'));
    const field = screen.getByRole('spinbutton', {
      name: 'New cards per day in this deck (Settings: 20)',
    });
    await user.type(field, '5');
    await user.click(screen.getByRole('button', { name: 'Save deck options' }));
    await screen.findByText('Saved the options of Event loops');
    expect(settingsForDeck(store.getState().settings, deck.id).newPerDay).toBe(5);
    expect(store.getState().settings.newPerDay).toBe(20);
  });
});
