/// <reference path="../../../src/virtual-modules.d.ts" />
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { summarizeDeck } from '../../../src/compiler/summarize-deck';
import { orchardDecks } from '../../support/orchard-decks';
import { renderStudyBeforeProgress } from '../../support/study-before-progress';

// The session's queue is built a deck per task; here each task starts only when the test says.
const tasks = vi.hoisted(() => ({ waiting: [] as (() => void)[] }));
vi.mock('../../../src/storage/next-task', () => ({
  nextTask: () =>
    new Promise<void>((resolve) => {
      tasks.waiting.push(resolve);
    }),
}));

async function runNextTask() {
  await vi.waitFor(() => expect(tasks.waiting.length).toBeGreaterThan(0));
  tasks.waiting.shift()?.();
}

const { alpha, beta, gamma } = orchardDecks;

function progressText() {
  return screen.getByRole('progressbar', { name: 'Session progress' }).nextSibling?.textContent;
}

it('shows the first card once its deck is queued, and keeps it, answer shown, as the other decks come in', async () => {
  // Opened after the page's first render: its queue is then built in tasks.
  const { finishOpening } = renderStudyBeforeProgress({
    summaries: [alpha, beta, gamma].map(summarizeDeck),
    loaders: {
      alpha: async () => ({ default: alpha }),
      beta: async () => ({ default: beta }),
      gamma: async () => ({ default: gamma }),
    },
  });
  finishOpening();

  // Alpha is queued; Beta and Gamma are not yet. Siblings wait: one card of each of its topics.
  await runNextTask();
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: /^Show answer/ }));
  const card = screen.getByRole('article', { name: 'Card' });
  expect(within(card).getByText('Apples')).toBeInTheDocument();
  expect(progressText()).toBe('1 of 2');
  expect(screen.getByRole('list', { name: 'Cards left' })).toHaveTextContent('New: 2');

  await runNextTask();
  await runNextTask();
  await vi.waitFor(() => expect(progressText()).toBe('1 of 6'));
  expect(screen.getByRole('list', { name: 'Cards left' })).toHaveTextContent('New: 6');
  expect(
    within(screen.getByRole('article', { name: 'Card' })).getByText('Apples'),
  ).toBeInTheDocument();
  expect(screen.getByRole('button', { name: /^Good/ })).toBeInTheDocument();
});
