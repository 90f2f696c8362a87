import 'fake-indexeddb/auto';
import { createStore, get, setMany } from 'idb-keyval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings, type ReviewEvent } from '../../src/domain/progress';
import { IdbProgressRepository } from '../../src/storage/idb-progress-repository';
import {
  currentSchemaVersion,
  migrateEntries,
  type ReviewEventV1,
  type StateV1,
} from '../../src/storage/migrations';
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
  const previousTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  });

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
    expect(await repository.commitReview(next)).toEqual(
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
    expect(() => migrateEntries([], 3, { schedulerFor: testSchedulerFor })).toThrow(/newer/);
  });
});
