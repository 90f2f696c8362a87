import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseMissing, earlyListingKey } from '../../src/storage/database-missing';
import { freshDatabaseName, openRawDatabase } from './test-databases';

type WithEarlyListing = typeof globalThis & { [earlyListingKey]?: Promise<IDBDatabaseInfo[]> };

afterEach(() => {
  delete (globalThis as WithEarlyListing)[earlyListingKey];
});

describe('databaseMissing', () => {
  it('tells a database never created from one that exists', async () => {
    const name = freshDatabaseName('missing');
    await expect(databaseMissing(name)).resolves.toBe(true);
    (await openRawDatabase(name)).close();
    await expect(databaseMissing(name)).resolves.toBe(false);
  });

  it("answers its first call from the start hints' listing, and asks the browser after", async () => {
    const name = freshDatabaseName('listed-early');
    // The hints listed a database the browser does not hold: only the first answer comes from them.
    (globalThis as WithEarlyListing)[earlyListingKey] = Promise.resolve([{ name, version: 1 }]);
    await expect(databaseMissing(name)).resolves.toBe(false);
    expect((globalThis as WithEarlyListing)[earlyListingKey]).toBeUndefined();
    await expect(databaseMissing(name)).resolves.toBe(true);
  });

  it("passes on the start hints' refused listing, then lists again", async () => {
    const name = freshDatabaseName('refused-early');
    (globalThis as WithEarlyListing)[earlyListingKey] = Promise.reject(
      new DOMException('refused', 'SecurityError'),
    );
    await expect(databaseMissing(name)).rejects.toThrow('refused');
    await expect(databaseMissing(name)).resolves.toBe(true);
  });
});
