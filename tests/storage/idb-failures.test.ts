import 'fake-indexeddb/auto';
import { createStore, entries, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import { IdbProgressRepository } from '../../src/storage/idb-progress-repository';
import { ProgressStoreError } from '../../src/storage/idb-transaction';
import {
  openProgressRepository,
  progressDatabaseMissing,
} from '../../src/storage/open-progress-repository';
import { type PackedStatePage, stateFields, statePageOf } from '../../src/storage/state-page';
import { review } from '../support/events';
import { testSchedulerFor } from './progress-repository-suite';
import { freshDatabaseName, openRawDatabase, storeFailingPuts, storeOver } from './test-databases';

const term = cardId('css/box-model:term');
const recall = cardId('css/box-model:recall');
const t0 = Date.UTC(2026, 4, 4, 10);
const scheduler = testSchedulerFor(defaultSettings);

describe('corrupt records', () => {
  it('sets a corrupt state aside, reports it, and rebuilds the state from the card’s events', async () => {
    const store = createStore(freshDatabaseName('corrupt'), 'progress');
    const repository = new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });
    const e1 = review('e1', term, 3, t0);
    const e2 = review('e2', recall, 4, t0);
    await repository.commitReview(e1);
    const { state: recallState } = await repository.commitReview(e2);
    // Damage the term card's stability inside its packed page.
    const pageKey = ['states', statePageOf(term)];
    const page = (await get(pageKey, store)) as PackedStatePage;
    const numbers = Float64Array.from(page.numbers);
    numbers[page.cardIds.indexOf(term) * stateFields.length + stateFields.indexOf('stability')] =
      -1;
    await set(pageKey, { ...page, numbers }, store);

    const snapshot = await repository.load();
    const damagedKey = JSON.stringify(['states', statePageOf(term), term]);
    expect(snapshot.corrupt).toEqual([
      { key: damagedKey, reason: expect.stringMatching(/stability is -1/) },
    ]);
    expect(snapshot.states.get(recall)).toEqual(recallState);
    expect(snapshot.states.get(term)).toEqual(scheduler.replay(term, [e1]));
    expect(await get(['corrupt', damagedKey], store)).toMatchObject({
      value: expect.objectContaining({ cardId: term, stability: -1 }),
    });

    // Repaired once: the next start still reports the record set aside, and has the rebuilt state.
    const again = await repository.load();
    expect(again.corrupt).toHaveLength(1);
    expect(again.states.get(term)).toEqual(snapshot.states.get(term));
  });

  it('rebuilds every card of a state page that is unreadable as a whole', async () => {
    const store = createStore(freshDatabaseName('corrupt-page'), 'progress');
    const repository = new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });
    const e1 = review('e1', term, 3, t0);
    const e2 = review('e2', term, 4, t0 + 600_000);
    await repository.commitReview(e1);
    const { state: termState } = await repository.commitReview(e2);
    const pageKey = ['states', statePageOf(term)];
    await set(pageKey, 'not a page', store);

    const snapshot = await repository.load();
    expect(snapshot.corrupt).toEqual([
      { key: JSON.stringify(pageKey), reason: 'State page is not an object' },
    ]);
    expect(snapshot.states.get(term)).toEqual(termState);
    expect(await get(pageKey, store)).toMatchObject({ cardIds: [term] });
  });

  it('sets aside an event whose rating was changed to 9, and stops counting it', async () => {
    const store = createStore(freshDatabaseName('rating-9'), 'progress');
    const repository = new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });
    const e1 = review('e1', term, 3, t0);
    const e2 = review('e2', term, 4, t0 + 600_000);
    const r1 = review('r1', recall, 3, t0);
    for (const event of [e1, e2, r1]) await repository.commitReview(event);
    await set(['event', term, 'e2'], { ...e2, rating: 9 }, store);
    expect((await repository.load()).totalReviews).toBe(3);

    // The read true retention makes: the event is set aside, and what it fed follows.
    expect(await repository.eventsForCards([term, recall])).toEqual([e1, r1]);
    const snapshot = await repository.load();
    expect(snapshot.corrupt).toEqual([
      {
        key: JSON.stringify(['event', term, 'e2']),
        reason: 'rating is 9, not one of 1, 2, 3, 4',
      },
    ]);
    expect(snapshot.totalReviews).toBe(2);
    expect(snapshot.reviewsByDay).toEqual(new Map([['2026-05-04', 2]]));
    expect(snapshot.states.get(term)).toEqual(scheduler.replay(term, [e1]));
    expect(await repository.allEvents()).toEqual([e1, r1]);
    expect((await repository.load()).totalReviews).toBe(2);
  });

  it('counts an event id stored under two cards once, setting the second copy aside', async () => {
    const store = createStore(freshDatabaseName('duplicate-id'), 'progress');
    const repository = new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });
    const e1 = review('e1', term, 3, t0);
    await repository.commitReview(e1);
    // As a merge by an older version left it: the copy stored and counted under another card.
    const forms = cardId('html/forms:term');
    const copy = { ...e1, cardId: forms };
    await set(['event', forms, 'e1'], copy, store);
    await set(['day', '2026-05-04'], { dayKey: '2026-05-04', reviewCount: 2 }, store);
    await set(['meta', 'totals'], { reviewCount: 2 }, store);

    expect(await repository.allEvents()).toEqual([e1]);
    const snapshot = await repository.load();
    expect(snapshot.corrupt).toEqual([
      {
        key: JSON.stringify(['event', forms, 'e1']),
        reason: 'event id e1 is also stored for card css/box-model:term',
      },
    ]);
    expect(snapshot.totalReviews).toBe(1);
    expect(snapshot.reviewsByDay).toEqual(new Map([['2026-05-04', 1]]));
    expect(snapshot.states.get(term)).toEqual(scheduler.replay(term, [e1]));
    expect(snapshot.states.has(forms)).toBe(false);
  });

  it('skips a corrupt event, day, total or settings record and keeps working', async () => {
    const store = createStore(freshDatabaseName('corrupt'), 'progress');
    const repository = new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });
    const e1 = review('e1', term, 3, t0);
    await repository.commitReview(e1);
    await set(['event', term, 'junk'], { kind: 'review', id: 'junk', cardId: term }, store);
    await set(['event', term, 'other-id'], { ...e1, id: 'e9' }, store);
    await set(['day', '2026-05-03'], { dayKey: '2026-05-03', reviewCount: -4 }, store);
    await set(['meta', 'settings'], { desiredRetention: 2 }, store);

    expect(await repository.eventsForCard(term)).toEqual([e1]);
    const snapshot = await repository.load();
    expect(snapshot.settings).toEqual(defaultSettings);
    expect(snapshot.reviewsByDay).toEqual(new Map([['2026-05-04', 1]]));
    expect(snapshot.corrupt.map((record) => record.key).sort()).toEqual(
      [
        JSON.stringify(['day', '2026-05-03']),
        JSON.stringify(['event', term, 'junk']),
        JSON.stringify(['event', term, 'other-id']),
        JSON.stringify(['meta', 'settings']),
      ].sort(),
    );
    const reasons = snapshot.corrupt.map((record) => record.reason).join('\n');
    expect(reasons).toMatch(/reviewCount/);
    expect(reasons).toMatch(/does not match its key/);

    const e2 = review('e2', term, 3, t0 + 10 * 60_000);
    expect((await repository.commitReview(e2)).state).toEqual(scheduler.replay(term, [e1, e2]));
    await set(['meta', 'totals'], { reviewCount: 'many' }, store);
    const recovered = await repository.load();
    // A corrupt total is recounted from the day records.
    expect(recovered.totalReviews).toBe(2);
  });
});

describe('failed writes', () => {
  it('rejects a review the quota refuses, saying what failed, and writes none of it', async () => {
    let failing = false;
    const store = createStore(freshDatabaseName('quota'), 'progress');
    const repository = new IdbProgressRepository({
      store: storeFailingPuts(store, () => failing),
      schedulerFor: testSchedulerFor,
    });
    const { state: kept } = await repository.commitReview(review('e1', term, 3, t0));
    failing = true;
    const attempt = repository.commitReview(review('e2', term, 1, t0 + 60_000));
    await expect(attempt).rejects.toThrow(ProgressStoreError);
    await expect(attempt).rejects.toThrow(
      /Saving review e2 of card css\/box-model:term failed: QuotaExceededError/,
    );
    await expect(repository.saveSettings({ ...defaultSettings, newPerDay: 3 })).rejects.toThrow(
      /Saving settings failed: QuotaExceededError/,
    );
    failing = false;
    const snapshot = await repository.load();
    expect(snapshot.states.get(term)).toEqual(kept);
    expect(snapshot.totalReviews).toBe(1);
    expect(snapshot.settings).toEqual(defaultSettings);
    expect((await entries(store)).filter(([key]) => JSON.stringify(key).includes('e2'))).toEqual(
      [],
    );
  });

  it('keeps a merge’s settings out when its events cannot be written: both or neither', async () => {
    let armed = false;
    let puts = 0;
    const store = createStore(freshDatabaseName('quota-merge'), 'progress');
    const repository = new IdbProgressRepository({
      // Once armed, the first put (the settings) goes through and the next (an event) fails.
      store: storeFailingPuts(store, () => armed && ++puts > 1),
      schedulerFor: testSchedulerFor,
    });
    await repository.commitReview(review('e1', term, 3, t0));
    const before = await repository.load();
    armed = true;
    const attempt = repository.mergeEvents([review('b1', recall, 4, t0)], {
      settings: { ...defaultSettings, newPerDay: 3 },
    });
    await expect(attempt).rejects.toThrow(/Merging events failed: QuotaExceededError/);
    expect(puts).toBeGreaterThan(1);
    armed = false;
    expect(await repository.load()).toEqual(before);
    expect(await repository.allEvents()).toEqual([review('e1', term, 3, t0)]);
  });

  it('rejects when the database was closed under it', async () => {
    const db = await openRawDatabase(freshDatabaseName('closed'));
    const repository = new IdbProgressRepository({
      store: storeOver(db),
      schedulerFor: testSchedulerFor,
    });
    await repository.load();
    db.close();
    await expect(repository.commitReview(review('e1', term, 3, t0))).rejects.toThrow(
      /Saving review e1 of card css\/box-model:term failed: InvalidStateError/,
    );
    await expect(repository.load()).rejects.toThrow(/Loading progress failed/);
  });
});

describe('openProgressRepository', () => {
  it('tells a browser that never stored progress from one that did', async () => {
    const dbName = freshDatabaseName('missing');
    expect(await progressDatabaseMissing(dbName)).toBe(true);
    await openProgressRepository({ schedulerFor: testSchedulerFor, dbName });
    expect(await progressDatabaseMissing(dbName)).toBe(false);
  });

  it('uses IndexedDB when it works', async () => {
    const opened = await openProgressRepository({
      schedulerFor: testSchedulerFor,
      dbName: freshDatabaseName('open'),
    });
    expect(opened.persistent).toBe(true);
    expect(opened.reason).toBeUndefined();
    await opened.repository.commitReview(review('e1', term, 3, t0));
    expect((await opened.repository.load()).totalReviews).toBe(1);
  });

  it('falls back to memory, saying why, when IndexedDB refuses', async () => {
    const opened = await openProgressRepository({
      schedulerFor: testSchedulerFor,
      openStore: () => async () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(opened.persistent).toBe(false);
    expect(opened.reason).toMatch(/Opening progress storage failed: SecurityError/);
    await opened.repository.commitReview(review('e1', term, 3, t0));
    expect((await opened.repository.load()).totalReviews).toBe(1);
  });

  it('falls back to memory rather than touch data from a newer version', async () => {
    const dbName = freshDatabaseName('newer');
    const store = createStore(dbName, 'progress');
    await set(['meta', 'schema'], 99, store);
    const opened = await openProgressRepository({ schedulerFor: testSchedulerFor, dbName });
    expect(opened.persistent).toBe(false);
    expect(opened.reason).toMatch(/schema version 99, newer/);
    expect(await get(['meta', 'schema'], store)).toBe(99);
  });
});
