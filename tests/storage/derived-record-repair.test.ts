import 'fake-indexeddb/auto';
import { createStore, del, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import { dayKey } from '../../src/scheduler/day-boundary';
import { IdbProgressRepository } from '../../src/storage/idb-progress-repository';
import { openProgressRepository } from '../../src/storage/open-progress-repository';
import { currentSchemaVersion } from '../../src/storage/schema-version';
import { review, testSchedulerFor, undo } from './progress-repository-suite';
import { freshDatabaseName } from './test-databases';

const term = cardId('css/box-model:term');
const recall = cardId('css/box-model:recall');
const t0 = Date.UTC(2026, 4, 4, 10);
const minute = 60_000;
const day = 24 * 60 * minute;
const { dayStartHour } = defaultSettings;

/** A repository over a fresh database holding six counted reviews (and one undone) over two days. */
async function withSixReviews(label: string) {
  const dbName = freshDatabaseName(label);
  const store = createStore(dbName, 'progress');
  const reopen = () => new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });
  const repository = reopen();
  for (let index = 0; index < 3; index++) {
    await repository.commitReview(review(`t${index}`, term, 3, t0 + index * 10 * minute));
    await repository.commitReview(review(`r${index}`, recall, 3, t0 + day + index * 10 * minute));
  }
  const undone = review('undone', recall, 1, t0 + day + 40 * minute);
  await repository.commitReview(undone);
  await repository.commitUndo(undo('u1', undone, t0 + day + 41 * minute));
  return { dbName, store, reopen };
}

describe('derived records found damaged at start-up', () => {
  it('recounts a damaged total from the log, so that the next review adds to the right figure', async () => {
    const { store, reopen } = await withSixReviews('damaged-total');
    await set(['meta', 'totals'], { reviewCount: -3 }, store);

    const snapshot = await reopen().load();
    expect(snapshot.totalReviews).toBe(6);
    expect(snapshot.corrupt.map((record) => record.key)).toContain(
      JSON.stringify(['meta', 'totals']),
    );

    await reopen().commitReview(review('t9', term, 3, t0 + 2 * day));
    expect((await reopen().load()).totalReviews).toBe(7);
    expect((await reopen().loadDailyCounts()).totalReviews).toBe(7);
  });

  it('rebuilds a damaged day record from the log, keeping that day in the total and the calendar', async () => {
    const { store, reopen } = await withSixReviews('damaged-day');
    const secondDay = dayKey(t0 + day, dayStartHour);
    await set(['day', secondDay], { dayKey: secondDay, reviewCount: 'three' }, store);

    const counts = await reopen().loadDailyCounts();
    const expected = new Map([
      [dayKey(t0, dayStartHour), 3],
      [secondDay, 3],
    ]);
    expect(counts).toEqual({ reviewsByDay: expected, totalReviews: 6 });
    expect(await get(['day', secondDay], store)).toEqual({ dayKey: secondDay, reviewCount: 3 });

    await reopen().commitReview(review('r9', recall, 3, t0 + day + 50 * minute));
    const later = await reopen().load();
    expect(later.reviewsByDay.get(secondDay)).toBe(4);
    expect(later.totalReviews).toBe(7);
  });

  it('keeps showing progress when the schema version record is damaged, and says so', async () => {
    const { dbName, store, reopen } = await withSixReviews('damaged-schema');
    const before = await reopen().load();
    await set(['meta', 'schema'], 'three', store);

    const opened = await openProgressRepository({ schedulerFor: testSchedulerFor, dbName });
    expect(opened.persistent).toBe(true);
    const snapshot = await opened.repository.load();
    expect(snapshot.totalReviews).toBe(6);
    expect(snapshot.states).toEqual(before.states);
    expect(snapshot.corrupt).toContainEqual({
      key: JSON.stringify(['meta', 'schema']),
      reason: expect.stringMatching(/not a whole number.*version 3's layout/),
    });
    expect(await get(['meta', 'schema'], store)).toBe(currentSchemaVersion);
  });

  it('keeps showing progress when the schema version record is gone', async () => {
    const { dbName, store, reopen } = await withSixReviews('missing-schema');
    const before = await reopen().load();
    await del(['meta', 'schema'], store);

    const opened = await openProgressRepository({ schedulerFor: testSchedulerFor, dbName });
    expect(opened.persistent).toBe(true);
    const snapshot = await opened.repository.load();
    expect(snapshot.states).toEqual(before.states);
    expect(snapshot.totalReviews).toBe(6);
    expect(snapshot.corrupt.map((record) => record.reason)).toContainEqual(
      expect.stringMatching(/missing/),
    );
  });

  it('migrates version 2 records whose version record is damaged', async () => {
    const store = createStore(freshDatabaseName('damaged-v2'), 'progress');
    const e1 = review('e1', term, 3, t0);
    const state = testSchedulerFor(defaultSettings).replay(term, [e1]);
    await set(['state', term], state, store);
    await set(['event', term, 'e1'], e1, store);
    await set(['meta', 'totals'], { reviewCount: 1 }, store);
    await set(['meta', 'schema'], null, store);

    const snapshot = await new IdbProgressRepository({
      store,
      schedulerFor: testSchedulerFor,
    }).load();
    expect(snapshot.states.get(term)).toEqual(state);
    expect(snapshot.totalReviews).toBe(1);
    expect(await get(['meta', 'schema'], store)).toBe(currentSchemaVersion);
  });
});
