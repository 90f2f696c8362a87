import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import {
  createIdbProgressRepository,
  IdbProgressRepository,
} from '../../src/storage/idb-progress-repository';
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
    const modes: IDBTransactionMode[] = [];
    const store = createStore(name, 'progress');
    const counting: UseStore = (mode, callback) => {
      modes.push(mode);
      return store(mode, callback);
    };
    const reopened = new IdbProgressRepository({ store: counting, schedulerFor: testSchedulerFor });
    const snapshot = await reopened.load();
    expect(snapshot.totalReviews).toBe(1);
    // The read with its version check, then the controls and notes: no opening of its own.
    expect(modes).toHaveLength(2);
  });
});
