import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { summarizeDeck } from '../../src/compiler/summarize-deck';
import { findDeckCard } from '../../src/domain/deck-card-lookup';
import type { CardId } from '../../src/domain/ids';
import { deckCounts } from '../../src/scheduler/deck-counts';
import { keptHeadCard, keptStudyHeadAt } from '../../src/scheduler/kept-study-head';
import { queueCounts } from '../../src/scheduler/queue-counts';
import { countsFromRecord, type DeckCountsRecord } from '../../src/scheduler/recorded-deck-counts';
import { studyQueue } from '../../src/scheduler/study-queue';
import { dueForecast, keptForecastAt } from '../../src/stats/due-forecast';
import { openProgressRepository } from '../../src/storage/open-progress-repository';
import type { ProgressChannel } from '../../src/storage/progress-channel';
import type { AppStoreDependencies } from '../../src/stores/app-store';
import { testSchedulerFor } from '../storage/progress-repository-suite';
import { freshDatabaseName } from '../storage/test-databases';
import { cssCards, cssDeckSummary } from '../support/css-deck-summary';
import { review } from '../support/events';
import { orchardDecks } from '../support/orchard-decks';
import { createTestAppStore } from '../support/test-app-store';
import { inTimeZone } from '../support/time-zone';

inTimeZone('Europe/Berlin');

const minute = 60_000;
/** 10:00 on 4 May 2026 in Berlin. */
const t0 = Date.parse('2026-05-04T08:00:00Z');
const now = t0 + 30 * minute;
const { term, recall } = cssCards;
const deck = cssDeckSummary;

const quietChannel: ProgressChannel = { announce() {}, subscribe: () => () => {}, close() {} };

/** The app's store over the database `name`, keeping deck counts at once after each change or not at all. */
function openApp(
  name: string,
  keeping: boolean,
  bundledDecks: AppStoreDependencies['bundledDecks'] = { summaries: [deck], loaders: {} },
) {
  return createTestAppStore({
    openProgressRepository: (startupListeners) =>
      openProgressRepository({
        dbName: name,
        schedulerFor: testSchedulerFor,
        withStartupRead: true,
        ...(startupListeners ? { startupListeners } : {}),
      }),
    openProgressChannel: () => quietChannel,
    ...(keeping ? { keepDeckCountsAfterMillis: 0 } : {}),
    bundledDecks,
    clock: () => now,
  });
}

/** What a start over the database is handed before its states have loaded. */
async function handedOnStart(
  name: string,
  bundledDecks?: AppStoreDependencies['bundledDecks'],
): Promise<DeckCountsRecord | undefined> {
  const next = openApp(name, false, bundledDecks);
  let handed: DeckCountsRecord | undefined;
  const unsubscribe = next.subscribe((state) => {
    if (!state.ready) handed ??= state.recordedDeckCounts;
  });
  await next.getState().init();
  unsubscribe();
  return handed;
}

describe('the deck counts kept for the next start', () => {
  it('are counted from the states after each review with the due forecast and the first cards of Study all due, and shown by the next start before its states load', async () => {
    const name = freshDatabaseName('deck-counts-keeper');
    const app = openApp(name, true);
    await app.getState().init();
    expect(await handedOnStart(name)).toBeUndefined();

    for (const [index, card] of [term, recall].entries()) {
      await app.getState().commitReview(review(`e${index}`, card, 1, t0 + index * minute));
      const { states, controls, settings } = app.getState();
      const expected = deckCounts(deck.studyCardIds, states, settings.dayStartHour, now);
      const forecast = dueForecast(states.values(), now, settings.dayStartHour);
      const queue = studyQueue([deck.studyCardIds], states, settings, now);
      expect(controls.size).toBe(0);
      expect(forecast.days[0]?.count).toBe(index + 1);
      // Counted a task per deck after the review, then stored: the next start shows the same.
      await vi.waitFor(async () => {
        const handed = await handedOnStart(name);
        expect(handed && countsFromRecord(handed, deck, now)).toEqual(expected);
        expect(handed && keptForecastAt(handed, now, settings.dayStartHour)).toEqual(forecast);
        const head = keptStudyHeadAt(handed, [deck], now);
        expect(head?.cardIds).toEqual(queue.slice(0, 2));
        expect(head?.counts).toEqual(queueCounts(queue, states));
      });
    }
  });

  it('keep the first card of Study all due whole, from its deck, for the next start to show before loading it', async () => {
    const { alpha } = orchardDecks;
    const decks = {
      summaries: [summarizeDeck(alpha)],
      loaders: { alpha: async () => ({ default: alpha }) },
    };
    const name = freshDatabaseName('deck-counts-keeper-cards');
    const app = openApp(name, true, decks);
    await app.getState().init();
    const [first] = summarizeDeck(alpha).studyCardIds as [CardId];
    await app.getState().commitReview(review('e0', first, 3, t0));

    await vi.waitFor(async () => {
      const handed = await handedOnStart(name, decks);
      const head = keptStudyHeadAt(handed, decks.summaries, now);
      const shown = head?.cardIds[0] as CardId;
      expect(shown).not.toBe(first);
      expect(keptHeadCard(handed, shown)).toEqual(findDeckCard(alpha, shown));
    });
  });
});
