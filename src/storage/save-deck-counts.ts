import type { UseStore } from 'idb-keyval';
import type { DeckCountsRecord } from '../scheduler/recorded-deck-counts';
import { storedChangeStamp } from './change-stamp';
import { runTransaction } from './idb-transaction';
import { changeStampKey, deckCountsKey } from './store-keys';

/** Stores the record unless the store's change stamp moved on since its states were read. */
export function saveDeckCounts(database: UseStore, record: DeckCountsRecord): Promise<boolean> {
  return runTransaction(database, 'readwrite', 'Keeping the deck counts', (scope) => {
    const stamp = scope.store.get(changeStampKey);
    scope.afterAll([stamp], () => {
      const current = storedChangeStamp(stamp.result) === record.changeStamp;
      if (current) scope.store.put(record, deckCountsKey);
      scope.finish(current);
    });
  });
}
