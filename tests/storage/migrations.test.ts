import 'fake-indexeddb/auto';
import { createStore, get, keys, setMany } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { type CardId, cardId } from '../../src/domain/ids';
import { defaultSettings, type ReviewEvent } from '../../src/domain/progress';
import { IdbProgressRepository } from '../../src/storage/idb-progress-repository';
import { migrateEntries } from '../../src/storage/migrations/run-migrations';
import type { ReviewEventV1, StateV1 } from '../../src/storage/migrations/version-1-to-2';
import { currentSchemaVersion } from '../../src/storage/schema-version';
import { type PackedStatePage, statePageOf } from '../../src/storage/state-page';
import { packStatePage } from '../../src/storage/state-page-set';
import { review } from '../support/events';
import { inTimeZone } from '../support/time-zone';
import { testSchedulerFor } from './progress-repository-suite';
import { freshDatabaseName } from './test-databases';

const term = cardId('css/box-model:term');
const orphan = cardId('html/forms:recall');
const scheduler = testSchedulerFor(defaultSettings);

// Data as a version 1 build wrote it: ISO dates, events keyed by id alone, no counts.
const v1Events: ReviewEventV1[] = [
  {
    id: 'e1',
    cardId: term,
    rating: 3,
    reviewedAt: '2026-01-10T09:00:00.000Z',
    durationMillis: 3000,
    source: 'study',
  },
  {
    id: 'e2',
    cardId: term,
    rating: 3,
    reviewedAt: '2026-01-10T09:10:00.000Z',
    durationMillis: 2000,
    source: 'study',
  },
  {
    id: 'e3',
    cardId: term,
    rating: 1,
    reviewedAt: '2026-01-13T20:00:00.000Z',
    durationMillis: 9000,
    source: 'quiz',
  },
];
const orphanState: StateV1 = {
  cardId: orphan,
  due: '2026-02-01T08:00:00.000Z',
  stability: 12.5,
  difficulty: 4.2,
  elapsedDays: 6,
  scheduledDays: 12,
  learningSteps: 0,
  reps: 4,
  lapses: 1,
  state: 'Review',
  lastReview: '2026-01-20T08:00:00.000Z',
};
const v1Records: [IDBValidKey, unknown][] = [
  [['meta', 'schema'], 1],
  [['meta', 'settings'], { ...defaultSettings, dayStartHour: 4 }],
  ...v1Events.map((event): [IDBValidKey, unknown] => [['event', event.id], event]),
  // The stored state of a card whose events exist is replaced by their replay.
  [['state', term], { ...orphanState, cardId: term, due: '2030-01-01T00:00:00.000Z' }],
  // A card whose events are gone keeps its converted state.
  [['state', orphan], orphanState],
  [['event', 'broken'], { id: 'broken', cardId: term, rating: 7, reviewedAt: 'yesterday' }],
];

const converted: ReviewEvent[] = v1Events.map((event) => ({
  kind: 'review',
  id: event.id,
  cardId: cardId(event.cardId),
  rating: event.rating as ReviewEvent['rating'],
  reviewedAtMillis: Date.parse(event.reviewedAt),
  durationMillis: event.durationMillis,
  source: event.source,
}));

describe('migration from schema version 1', () => {
  inTimeZone('UTC');

  it('opens version 1 data written raw to IndexedDB', async () => {
    const store = createStore(freshDatabaseName('v1'), 'progress');
    await setMany(v1Records, store);
    const repository = new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });

    const snapshot = await repository.load();
    expect(await get(['meta', 'schema'], store)).toBe(currentSchemaVersion);
    expect(snapshot.states.get(term)).toEqual(scheduler.replay(term, converted));
    expect(snapshot.states.get(orphan)).toEqual({
      cardId: orphan,
      dueAtMillis: Date.parse('2026-02-01T08:00:00.000Z'),
      stability: 12.5,
      difficulty: 4.2,
      elapsedDays: 6,
      scheduledDays: 12,
      learningSteps: 0,
      reps: 4,
      lapses: 1,
      phase: 'review',
      lastReviewAtMillis: Date.parse('2026-01-20T08:00:00.000Z'),
      firstReviewAtMillis: Date.parse('2026-01-20T08:00:00.000Z'),
    });
    expect(snapshot.totalReviews).toBe(3);
    expect(snapshot.reviewsByDay).toEqual(
      new Map([
        ['2026-01-10', 2],
        ['2026-01-13', 1],
      ]),
    );
    expect(snapshot.corrupt).toEqual([
      {
        key: JSON.stringify(['event', 'broken']),
        reason: expect.stringContaining('version 1 record'),
      },
    ]);
    expect(await repository.eventsForCard(term)).toEqual(converted);

    // Later commits go on from the migrated log.
    const next: ReviewEvent = {
      ...converted[0],
      id: 'e4',
      rating: 3,
      reviewedAtMillis: Date.parse('2026-01-14T09:00:00Z'),
    } as ReviewEvent;
    expect((await repository.commitReview(next)).state).toEqual(
      scheduler.replay(term, [...converted, next]),
    );
  });

  it('runs as a pure step: entries in, entries out', () => {
    const entries = v1Records
      .filter(([key]) => JSON.stringify(key) !== JSON.stringify(['meta', 'schema']))
      .map(([key, value]) => ({ key, value }));
    const migrated = migrateEntries(entries, 1, { schedulerFor: testSchedulerFor });
    const keys = migrated.map(({ key }) => JSON.stringify(key));
    expect(keys).toContain(JSON.stringify(['event', term, 'e1']));
    expect(keys).not.toContain(JSON.stringify(['event', 'e1']));
    expect(keys).toContain(JSON.stringify(['meta', 'totals']));
    expect(
      migrateEntries(migrated, currentSchemaVersion, { schedulerFor: testSchedulerFor }),
    ).toEqual(migrated);
    expect(() => migrateEntries([], 0, { schedulerFor: testSchedulerFor })).toThrow(
      /No migration from schema version 0/,
    );
    expect(() =>
      migrateEntries([], currentSchemaVersion + 1, { schedulerFor: testSchedulerFor }),
    ).toThrow(/newer/);
  });
});

describe('migration from schema version 2', () => {
  const day = 86_400_000;
  const t0 = Date.parse('2026-03-02T09:00:00Z');
  const cards = Array.from({ length: 40 }, (_, index) => cardId(`deck/topic-${index}:term`));
  const events: ReviewEvent[] = cards.flatMap((id, index) => [
    review(`${id}#1`, id, 3, t0 + index * 1000),
    review(`${id}#2`, id, index % 4 === 0 ? 1 : 3, t0 + 3 * day + index * 1000),
  ]);
  const states = cards.map((id) => scheduler.replay(id, events));
  // Version 2 kept one record per card state; one of them was damaged.
  const damaged = cards[7] as CardId;
  const v2Records: [IDBValidKey, unknown][] = [
    [['meta', 'schema'], 2],
    [['meta', 'settings'], defaultSettings],
    [['meta', 'totals'], { reviewCount: events.length }],
    [['day', '2026-03-02'], { dayKey: '2026-03-02', reviewCount: cards.length }],
    [['day', '2026-03-05'], { dayKey: '2026-03-05', reviewCount: cards.length }],
    ...events.map((event): [IDBValidKey, unknown] => [['event', event.cardId, event.id], event]),
    ...states.map((state): [IDBValidKey, unknown] =>
      state?.cardId === damaged
        ? [['state', damaged], { ...state, stability: 'high' }]
        : [['state', state?.cardId ?? ''], state],
    ),
  ];

  it('packs the states into pages, leaves the log alone, and rebuilds a damaged state', async () => {
    const store = createStore(freshDatabaseName('v2'), 'progress');
    await setMany(v2Records, store);
    const repository = new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });

    const snapshot = await repository.load();
    expect(await get(['meta', 'schema'], store)).toBe(currentSchemaVersion);
    expect(snapshot.states.size).toBe(cards.length);
    for (const state of states) expect(snapshot.states.get(state?.cardId as CardId)).toEqual(state);
    expect(snapshot.corrupt).toEqual([
      {
        key: JSON.stringify(['states', statePageOf(damaged), damaged]),
        reason: expect.stringContaining('stability'),
      },
    ]);
    expect(snapshot.totalReviews).toBe(events.length);
    expect(await keys(store)).not.toContainEqual(['state', cards[0]]);
    expect(await repository.eventsForCard(damaged)).toEqual(
      events.filter((event) => event.cardId === damaged),
    );
  });

  it('as a pure step, replaces state records with pages and passes the rest through', () => {
    const entries = v2Records
      .filter(([key]) => JSON.stringify(key) !== JSON.stringify(['meta', 'schema']))
      .map(([key, value]) => ({ key, value }));
    const migrated = migrateEntries(entries, 2, { schedulerFor: testSchedulerFor });
    const kinds = migrated.map(({ key }) => (key as IDBValidKey[])[0]);
    expect(kinds).not.toContain('state');
    expect(kinds.filter((kind) => kind === 'event')).toHaveLength(events.length);
    const pages = migrated.filter(({ key }) => (key as IDBValidKey[])[0] === 'states');
    const packedIds = pages.flatMap(({ value }) => (value as PackedStatePage).cardIds);
    expect(packedIds.toSorted()).toEqual([...cards].sort());
  });
});

describe('migration from schema version 3', () => {
  it('opens a version 3 store as it was, and takes card actions afterwards', async () => {
    const t0 = Date.parse('2026-03-02T09:00:00Z');
    const card = cardId('deck/topic:term');
    const events = [review('r1', card, 3, t0), review('r2', card, 3, t0 + 86_400_000)];
    const state = scheduler.replay(card, events);
    if (!state) throw new Error('expected a state');
    const { leechLapses: _, ...version3Settings } = defaultSettings;
    const store = createStore(freshDatabaseName('v3'), 'progress');
    await setMany(
      [
        [['meta', 'schema'], 3],
        [['meta', 'settings'], version3Settings],
        [['meta', 'totals'], { reviewCount: 2 }],
        [['day', '2026-03-02'], { dayKey: '2026-03-02', reviewCount: 1 }],
        [['day', '2026-03-03'], { dayKey: '2026-03-03', reviewCount: 1 }],
        ...events.map((event): [IDBValidKey, unknown] => [['event', card, event.id], event]),
        [['states', statePageOf(card)], packStatePage([state])],
      ],
      store,
    );
    const repository = new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });
    const snapshot = await repository.load();
    expect(await get(['meta', 'schema'], store)).toBe(currentSchemaVersion);
    expect(snapshot.states.get(card)).toEqual(state);
    expect(snapshot.settings.leechLapses).toBe(defaultSettings.leechLapses);
    expect(snapshot.controls.size).toBe(0);
    const committed = await repository.commitActions([
      { kind: 'suspend', id: 's1', cardId: card, atMillis: Date.now() },
    ]);
    expect(committed.controls.get(card)?.suspended).toBe(true);
    expect(committed.states.get(card)).toEqual(state);
  });
});
