import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { IdbProgressRepository } from '../../src/storage/idb-progress-repository';
import { statePageOf } from '../../src/storage/state-page';
import { review } from '../support/events';
import { testSchedulerFor } from './progress-repository-suite';
import { freshDatabaseName } from './test-databases';

const term = cardId('css/box-model:term');
const t0 = Date.UTC(2026, 4, 4, 10);
const minute = 60_000;

/** A store holding two reviews of one card, and a way to open it with a scheduler that loads late. */
async function storeWithReviews(label: string) {
  const store = createStore(freshDatabaseName(label), 'progress');
  const writer = new IdbProgressRepository({ store, schedulerFor: testSchedulerFor });
  await writer.commitReview(review('a', term, 3, t0));
  const { state } = await writer.commitReview(review('b', term, 4, t0 + 10 * minute));
  const loads: string[] = [];
  const openLazily = () =>
    new IdbProgressRepository({
      store,
      schedulerFor: {
        async load() {
          loads.push('scheduler');
          return testSchedulerFor;
        },
      },
    });
  return { store, state, loads, openLazily };
}

describe('a scheduler that loads on first need', () => {
  it('is not loaded by start-up or by reading states when every record is sound', async () => {
    const { state, loads, openLazily } = await storeWithReviews('lazy-sound');
    const repository = openLazily();

    expect((await repository.load()).states.get(term)).toEqual(state);
    expect(await repository.statesFor([term])).toEqual(new Map([[term, state]]));
    expect(await repository.getSettings()).toBeDefined();
    expect(loads).toEqual([]);
  });

  it('is loaded once when reading a damaged state page needs a replay, which then rebuilds it', async () => {
    const { store, state, loads, openLazily } = await storeWithReviews('lazy-damaged-read');
    await set(['states', statePageOf(term)], { cardIds: 'not a list' }, store);
    const repository = openLazily();

    expect(await repository.statesFor([term])).toEqual(new Map([[term, state]]));
    expect(loads).toEqual(['scheduler']);
    expect((await openLazily().load()).states.get(term)).toEqual(state);
  });

  it('is loaded when start-up finds a damaged page, and the snapshot holds the rebuilt state', async () => {
    const { store, state, loads, openLazily } = await storeWithReviews('lazy-damaged-load');
    await set(['states', statePageOf(term)], { cardIds: 'not a list' }, store);

    const snapshot = await openLazily().load();
    expect(snapshot.states.get(term)).toEqual(state);
    expect(snapshot.corrupt.map((record) => record.key)).toContain(
      JSON.stringify(['states', statePageOf(term)]),
    );
    expect(loads).toEqual(['scheduler']);
  });
});
