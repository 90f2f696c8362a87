import 'fake-indexeddb/auto';
import { createStore, keys, setMany } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { idbSeenContentHashes } from '../../src/storage/seen-content-hashes';
import { freshDatabaseName } from './test-databases';

const ids = Array.from({ length: 600 }, (_, index) => cardId(`deck/topic-${index}:term`));

describe('seen content hashes in IndexedDB', () => {
  it('gives back the hash each card had at its last review, across opens', async () => {
    const name = freshDatabaseName('seen');
    const seen = idbSeenContentHashes(createStore(name, 'hashes'), 0);
    for (const [index, id] of ids.entries()) await seen.remember(id, `hash-${index}`);
    await seen.remember(ids[3] ?? cardId('x:term'), 'edited');

    const loaded = await idbSeenContentHashes(createStore(name, 'hashes')).load();
    expect(loaded.size).toBe(ids.length);
    expect(loaded.get(ids[0] ?? cardId('x:term'))).toBe('hash-0');
    expect(loaded.get(ids[3] ?? cardId('x:term'))).toBe('edited');
    // Packed: far fewer records than cards, so start-up reads them in one short request.
    expect((await keys(createStore(name, 'hashes'))).length).toBeLessThan(ids.length);
  });

  it('moves hashes kept one per card by the first layout into pages, losing none', async () => {
    const store = createStore(freshDatabaseName('seen-v1'), 'hashes');
    await setMany(
      ids.slice(0, 50).map((id, index) => [id, `old-${index}`]),
      store,
    );
    const seen = idbSeenContentHashes(store, 0);
    await seen.remember(ids[60] ?? cardId('x:term'), 'new');

    const loaded = await seen.load();
    expect(loaded.size).toBe(51);
    expect(loaded.get(ids[49] ?? cardId('x:term'))).toBe('old-49');
    expect(loaded.get(ids[60] ?? cardId('x:term'))).toBe('new');
    const stored = await keys(store);
    expect(stored.every((key) => Array.isArray(key))).toBe(true);
    expect(await seen.load()).toEqual(loaded);
  });

  it('writes hashes remembered together in one go after its delay, and loads them before the write', async () => {
    // Only the delay's timer is faked: fake-indexeddb schedules its work with setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const name = freshDatabaseName('seen-batch');
      const seen = idbSeenContentHashes(createStore(name, 'hashes'), 1000);
      const writes = ids.slice(0, 3).map((id, index) => seen.remember(id, `h${index}`));
      expect((await seen.load()).get(ids[2] ?? cardId('x:term'))).toBe('h2');
      const beforeTheDelay = await idbSeenContentHashes(createStore(name, 'hashes')).load();
      expect(beforeTheDelay.size).toBe(0);

      await vi.advanceTimersByTimeAsync(1000);
      await Promise.all(writes);
      const reopened = await idbSeenContentHashes(createStore(name, 'hashes')).load();
      expect([...reopened.values()].sort()).toEqual(['h0', 'h1', 'h2']);
    } finally {
      vi.useRealTimers();
    }
  });
});
