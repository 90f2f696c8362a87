import 'fake-indexeddb/auto';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import { dayKey } from '../../src/scheduler/day-boundary';
import { IdbProgressRepository } from '../../src/storage/idb-progress-repository';
import { openProgressRepository } from '../../src/storage/open-progress-repository';
import { currentSchemaVersion } from '../../src/storage/schema-version';
import { type PackedStatePage, stateFields, statePageOf } from '../../src/storage/state-page';
import { review, undo } from '../support/events';
import { testSchedulerFor } from './progress-repository-suite';
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
      reason: expect.stringMatching(/not a whole number.*version 4's layout/),
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

describe('Check and repair', () => {
  it('rewrites what differs from the log, says what it changed, and then finds nothing', async () => {
    const { store, reopen } = await withSixReviews('check-and-repair');
    const repository = reopen();
    const healthy = await repository.load();
    const firstDay = dayKey(t0, dayStartHour);
    const secondDay = dayKey(t0 + day, dayStartHour);
    // Wrong but well-formed: no start-up check can tell.
    await set(['meta', 'totals'], { reviewCount: 2 }, store);
    await set(['day', firstDay], { dayKey: firstDay, reviewCount: 1 }, store);
    await del(['day', secondDay], store);
    const pageKey = ['states', statePageOf(term)];
    const page = (await get(pageKey, store)) as PackedStatePage;
    const numbers = Float64Array.from(page.numbers);
    numbers[page.cardIds.indexOf(term) * stateFields.length + stateFields.indexOf('reps')] = 40;
    await set(pageKey, { ...page, numbers }, store);
    await set(['meta', 'schema'], 'three', store);

    expect(await repository.checkAndRepair()).toEqual({
      checkedReviews: 6,
      checkedCards: 2,
      rebuiltCardStates: 1,
      rebuiltDayCounts: 2,
      rebuiltTotal: { was: 2, now: 6 },
      restampedSchemaVersion: true,
    });
    const repaired = await reopen().load();
    expect(repaired.states).toEqual(healthy.states);
    expect(repaired.reviewsByDay).toEqual(healthy.reviewsByDay);
    expect(repaired.totalReviews).toBe(6);
    expect(await get(['meta', 'schema'], store)).toBe(currentSchemaVersion);

    expect(await reopen().checkAndRepair()).toMatchObject({
      rebuiltCardStates: 0,
      rebuiltDayCounts: 0,
      rebuiltTotal: undefined,
      restampedSchemaVersion: false,
    });
  });

  it('counts an event id stored under two cards once', async () => {
    const { store, reopen } = await withSixReviews('check-duplicate-id');
    // An older version could store one id under a second card; the copy first in key order stays.
    const copy = review('r0', term, 3, t0 + 5 * minute);
    await set(['event', copy.cardId, copy.id], copy, store);

    const report = await reopen().checkAndRepair();
    expect(report.checkedReviews).toBe(6);
    expect((await reopen().load()).totalReviews).toBe(6);
  });

  it('rebuilds the cards of an unreadable state page and keeps the page aside', async () => {
    const { store, reopen } = await withSixReviews('check-broken-page');
    const healthy = await reopen().load();
    const pageKey = ['states', statePageOf(recall)];
    await set(pageKey, 'not a page', store);

    const report = await reopen().checkAndRepair();
    const cardsOnPage = [term, recall].filter((id) => statePageOf(id) === statePageOf(recall));
    expect(report.rebuiltCardStates).toBe(cardsOnPage.length);
    expect((await reopen().load()).states).toEqual(healthy.states);
    expect(await get(['corrupt', JSON.stringify(pageKey)], store)).toMatchObject({
      value: 'not a page',
    });
  });

  it('checks again when a review arrives from another tab between reading and writing', async () => {
    const { store, reopen } = await withSixReviews('check-while-reviewing');
    const otherTab = reopen();
    let interrupted = false;
    // The check's one read-only transaction: another tab commits right after it.
    const interrupting: UseStore = async (mode, callback) => {
      const result = await store(mode, callback);
      if (mode === 'readonly' && !interrupted) {
        interrupted = true;
        await otherTab.commitReview(review('t9', term, 3, t0 + 2 * day));
      }
      return result;
    };
    await set(['meta', 'totals'], { reviewCount: 2 }, store);

    const report = await new IdbProgressRepository({
      store: interrupting,
      schedulerFor: testSchedulerFor,
    }).checkAndRepair();
    expect(interrupted).toBe(true);
    // The review committed meanwhile added to the wrong total; the second check saw both.
    expect(report).toMatchObject({ checkedReviews: 7, rebuiltTotal: { was: 3, now: 7 } });
    expect((await reopen().load()).totalReviews).toBe(7);
  });
});
