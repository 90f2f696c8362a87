import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import {
  createIdbProgressRepository,
  IdbProgressRepository,
} from '../../src/storage/idb-progress-repository';
import { openProgressRepository } from '../../src/storage/open-progress-repository';
import { review } from '../support/events';
import { describeCardActions } from './card-actions-suite';
import { describeProgressRepository, testSchedulerFor } from './progress-repository-suite';

let databases = 0;
/** A fresh database per test: fake-indexeddb keeps them all in this process's memory. */
const freshName = () => `progress-test-${++databases}`;

describeProgressRepository('IdbProgressRepository over fake-indexeddb', async () =>
  createIdbProgressRepository(freshName(), testSchedulerFor),
);

describeCardActions('IdbProgressRepository over fake-indexeddb', async () =>
  createIdbProgressRepository(freshName(), testSchedulerFor),
);

describe('IdbProgressRepository', () => {
  const term = cardId('css/box-model:term');
  const t0 = Date.UTC(2026, 4, 4, 10);

  /** A store over `name` that records the mode of each transaction opened through it. */
  function countingStore(name: string) {
    const modes: IDBTransactionMode[] = [];
    const store = createStore(name, 'progress');
    const counting: UseStore = (mode, callback) => {
      modes.push(mode);
      return store(mode, callback);
    };
    return { modes, counting };
  }

  it('keeps progress for the next start (a new repository over the same database)', async () => {
    const name = freshName();
    const first = createIdbProgressRepository(name, testSchedulerFor);
    const { state } = await first.commitReview(review('e1', term, 3, t0));
    const reopened = await createIdbProgressRepository(name, testSchedulerFor).load();
    expect(reopened.states.get(term)).toEqual(state);
    expect(reopened.totalReviews).toBe(1);
  });

  it("keeps both tabs' reviews: two repositories over one database commit concurrently", async () => {
    const name = freshName();
    const tabA = createIdbProgressRepository(name, testSchedulerFor);
    const tabB = createIdbProgressRepository(name, testSchedulerFor);
    await Promise.all([tabA.open(), tabB.open()]);
    const a = review('from-a', term, 3, t0 + 1000);
    const b = review('from-b', term, 1, t0);
    const [committedA, committedB] = await Promise.all([
      tabA.commitReview(a),
      tabB.commitReview(b),
    ]);
    const expected = testSchedulerFor(defaultSettings).replay(term, [a, b]);
    // Whichever committed second saw the other's event and replayed both.
    expect([committedA.state, committedB.state]).toContainEqual(expected);
    expect((await tabA.statesFor([term])).get(term)).toEqual(expected);
    expect(await tabB.eventsForCard(term)).toEqual([b, a]);
  });

  it('starts with one read that also checks the schema version, on a store already at it', async () => {
    const name = freshName();
    const first = createIdbProgressRepository(name, testSchedulerFor);
    await first.commitReview(review('e1', term, 3, t0));
    const { modes, counting } = countingStore(name);
    const reopened = new IdbProgressRepository({ store: counting, schedulerFor: testSchedulerFor });
    const snapshot = await reopened.load();
    expect(snapshot.totalReviews).toBe(1);
    // The read with its version check, then the controls and notes: no opening of its own.
    expect(modes).toHaveLength(2);
  });

  it("opens for the app's start with the snapshot's read: opening and loading take no more", async () => {
    const name = freshName();
    await createIdbProgressRepository(name, testSchedulerFor).commitReview(
      review('e1', term, 3, t0),
    );
    const { modes, counting } = countingStore(name);
    const opened = await openProgressRepository({
      schedulerFor: testSchedulerFor,
      openStore: () => counting,
      withStartupRead: true,
    });
    const snapshot = await opened.repository.load();
    expect(opened.persistent).toBe(true);
    expect(snapshot.totalReviews).toBe(1);
    // The read with its version check, then the controls and notes.
    expect(modes).toHaveLength(2);
  });

  it('loads what was written after opening, not the read taken while opening', async () => {
    const name = freshName();
    const opened = await openProgressRepository({
      schedulerFor: testSchedulerFor,
      dbName: name,
      withStartupRead: true,
    });
    const { state } = await opened.repository.commitReview(review('e1', term, 3, t0));
    await opened.repository.saveSettings({ ...defaultSettings, desiredRetention: 0.85 });
    const snapshot = await opened.repository.load();
    expect(snapshot.totalReviews).toBe(1);
    expect(snapshot.states.get(term)).toEqual(state);
    expect(snapshot.settings.desiredRetention).toBe(0.85);
  });
});
