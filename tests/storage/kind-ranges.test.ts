import 'fake-indexeddb/auto';
import { createStore, setMany } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { kindRange, kindRangesSplitAt } from '../../src/storage/store-keys';
import { freshDatabaseName } from './test-databases';

/** The keys each of `ranges` holds in a store of `keys`, read as start-up reads them. */
async function keysIn(keys: IDBValidKey[], ranges: IDBKeyRange[]): Promise<IDBValidKey[][]> {
  const store = createStore(freshDatabaseName('kind-ranges'), 'progress');
  await setMany(
    keys.map((key) => [key, 'value']),
    store,
  );
  return store('readonly', (objects) =>
    Promise.all(
      ranges.map(
        (range) =>
          new Promise<IDBValidKey[]>((resolve, reject) => {
            const request = objects.getAllKeys(range);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    ),
  );
}

describe('kindRangesSplitAt', () => {
  it('holds each key of the kind’s range once, in order, split where asked', async () => {
    const stateKeys: IDBValidKey[] = [
      ['states', -1],
      ['states', 0],
      ['states', 63],
      ['states', 64],
      ['states', 127],
      ['states', 128],
      ['states', 1023],
      ['states', 'not a page'],
      ['states', ['nested']],
    ];
    const others: IDBValidKey[] = [['settings'], ['state', 'card'], ['totals']];
    const keys = [...others, ...stateKeys];

    const split = await keysIn(keys, kindRangesSplitAt('states', [64, 128]));
    const whole = await keysIn(keys, [kindRange('states')]);

    // Split before page 64 and page 128; a string sorts after the numbers, and an array part after
    // [kind, []], outside the kind's range.
    expect(split).toEqual([stateKeys.slice(0, 3), stateKeys.slice(3, 5), stateKeys.slice(5, 8)]);
    expect(split.flat()).toEqual(whole[0]);
  });
});
