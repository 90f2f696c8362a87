import { describe, expect, it } from 'vitest';
import { settingsForDeck, withDeckOptions } from '../../src/domain/deck-options';
import { cardId, deckId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import { parseSettings } from '../../src/domain/validation/settings';
import { createScheduler } from '../../src/scheduler/scheduler';
import { studyQueue } from '../../src/scheduler/study-queue';
import { review } from '../support/events';

const css = deckId('css');
const git = deckId('git');
const t0 = Date.UTC(2026, 4, 4, 10);
const day = 86_400_000;

describe('per-deck options', () => {
  it('apply over the global settings for their deck only, and an empty set removes them', () => {
    const settings = withDeckOptions(defaultSettings, css, { newPerDay: 5, desiredRetention: 0.8 });
    expect(settingsForDeck(settings, css)).toMatchObject({
      newPerDay: 5,
      reviewsPerDay: defaultSettings.reviewsPerDay,
      desiredRetention: 0.8,
    });
    expect(settingsForDeck(settings, git)).toEqual(settings);
    expect(withDeckOptions(settings, css, { newPerDay: undefined }).deckOptions).toEqual({});
  });

  it('are read back from storage, and refused when out of range', () => {
    const settings = withDeckOptions(defaultSettings, css, { reviewsPerDay: 50 });
    expect(parseSettings(JSON.parse(JSON.stringify(settings)))).toEqual({
      ok: true,
      value: settings,
    });
    const { deckOptions: _, ...older } = defaultSettings;
    expect(parseSettings(older)).toEqual({ ok: true, value: defaultSettings });
    expect(
      parseSettings({ ...defaultSettings, deckOptions: { css: { desiredRetention: 2 } } }),
    ).toEqual({
      ok: false,
      reason: 'desiredRetention of deck css 2 is outside 0.7-0.97',
    });
  });

  it('give each deck of a session its own new-card limit', () => {
    const cssCards = Array.from({ length: 6 }, (_, i) => cardId(`css/t${i}:term`));
    const gitCards = Array.from({ length: 6 }, (_, i) => cardId(`git/t${i}:term`));
    const settings = withDeckOptions({ ...defaultSettings, newPerDay: 4 }, css, { newPerDay: 1 });
    const queue = studyQueue([cssCards, gitCards], new Map(), settings, t0, [
      settingsForDeck(settings, css),
      settingsForDeck(settings, git),
    ]);
    expect(queue).toEqual([cssCards[0], ...gitCards.slice(0, 4)]);
  });

  it('schedule an answer with the deck’s own retention, and its replay does the same', () => {
    const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });
    const card = cardId('css/box-model:term');
    const first = scheduler.review(undefined, card, 3, t0);
    const lower = scheduler.review(first, card, 3, t0 + 3 * day, 0.75);
    const global = scheduler.review(first, card, 3, t0 + 3 * day);
    // A lower retention lets memory fade further: a longer interval, the same memory.
    expect(lower.dueAtMillis).toBeGreaterThan(global.dueAtMillis);
    expect(lower.stability).toBe(global.stability);
    const events = [
      review('a', card, 3, t0),
      review('b', card, 3, t0 + 3 * day, { desiredRetention: 0.75 }),
    ];
    expect(scheduler.replay(card, events)).toEqual(lower);
    expect(scheduler.preview(first, card, t0 + 3 * day, 0.75)[3].dueAtMillis).toBe(
      lower.dueAtMillis,
    );
  });
});
