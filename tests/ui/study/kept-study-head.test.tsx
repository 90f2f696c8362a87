/// <reference path="../../../src/virtual-modules.d.ts" />
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { summarizeDeck } from '../../../src/compiler/summarize-deck';
import { keptDeckCountsWithHeads } from '../../support/kept-deck-counts';
import { orchardDecks } from '../../support/orchard-decks';
import { renderStudyBeforeProgress } from '../../support/study-before-progress';

const { alpha, beta, gamma } = orchardDecks;
const loaders = {
  alpha: async () => ({ default: alpha }),
  beta: async () => ({ default: beta }),
  gamma: async () => ({ default: gamma }),
};

function progressText() {
  return screen.getByRole('progressbar', { name: 'Session progress' }).nextSibling?.textContent;
}

it('shows the first card from the head kept for this start, and rates it once the card states are in', async () => {
  const summaries = [alpha, beta, gamma].map(summarizeDeck);
  const kept = await keptDeckCountsWithHeads(summaries, new Map(), Date.now() - 60_000);
  const { finishOpening } = renderStudyBeforeProgress({ summaries, loaders }, kept);

  // Stored progress has not opened: the card, its counts and its place come from the head.
  const card = await screen.findByRole('article', { name: 'Card' });
  expect(within(card).getByText('Apples')).toBeInTheDocument();
  expect(screen.queryByText('Loading your progress…')).not.toBeInTheDocument();
  expect(progressText()).toBe('1 of 6');
  expect(screen.getByRole('list', { name: 'Cards left' })).toHaveTextContent('New: 6');

  // A rating chosen now waits for the states, which the next card is chosen from.
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: /^Show answer/ }));
  await user.click(await screen.findByRole('button', { name: /^Good/ }));
  expect(screen.getByRole('button', { name: /^Good/ })).toBeDisabled();
  expect(progressText()).toBe('1 of 6');
  finishOpening();
  await waitFor(() => expect(progressText()).toBe('2 of 6'));
  expect(
    within(screen.getByRole('article', { name: 'Card' })).queryByText('Apples'),
  ).not.toBeInTheDocument();
});

it('shows the kept first card while its deck is still loading, then the deck’s own', async () => {
  const summaries = [alpha, beta, gamma].map(summarizeDeck);
  const kept = await keptDeckCountsWithHeads(summaries, new Map(), Date.now() - 60_000, [alpha]);
  let deliverAlpha: () => void = () => {};
  const alphaArrives = new Promise<void>((resolve) => {
    deliverAlpha = resolve;
  });
  const withAlphaHeld = {
    ...loaders,
    alpha: async () => {
      await alphaArrives;
      return { default: alpha };
    },
  };
  renderStudyBeforeProgress({ summaries, loaders: withAlphaHeld }, kept);

  const card = await screen.findByRole('article', { name: 'Card' });
  expect(within(card).getByText('Apples')).toBeInTheDocument();
  expect(screen.queryByText('Loading the card…')).not.toBeInTheDocument();
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: /^Show answer/ }));
  expect(within(card).getByRole('region', { name: 'Answer' })).toBeInTheDocument();

  deliverAlpha();
  await waitFor(() =>
    expect(within(screen.getByRole('article', { name: 'Card' })).getByText('Apples')).toBeVisible(),
  );
  expect(screen.getByRole('region', { name: 'Answer' })).toBeInTheDocument();
});

it('waits for the deck when no card was kept with the head', async () => {
  const summaries = [alpha, beta, gamma].map(summarizeDeck);
  const kept = await keptDeckCountsWithHeads(summaries, new Map(), Date.now() - 60_000);
  const held = { ...loaders, alpha: () => new Promise<never>(() => {}) };
  renderStudyBeforeProgress({ summaries, loaders: held }, kept);

  expect(await screen.findByText('Loading the card…')).toBeInTheDocument();
  expect(screen.queryByRole('article', { name: 'Card' })).not.toBeInTheDocument();
});
