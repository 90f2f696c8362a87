import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, set, type UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import type { DeckSource } from '../../src/domain/compile';
import {
  type ImportedDeckRecord,
  type ImportedDeckRepository,
  openImportedDeckRepository,
} from '../../src/storage/imported-deck-repository';
import { importedDecksDatabaseName } from '../../src/storage/imported-decks-missing';
import { createUpgradingStore } from '../../src/storage/upgrading-keyval-store';
import { freshDatabaseName } from './test-databases';

const source = (
  path: string,
  content = '# A\n\n## B\n\n### C\n\nC is a letter.\n',
): DeckSource => ({
  path,
  layout: 'single-file',
  files: [{ path, content }],
});

const record = (deckId: string, importedAtMillis: number, path = `${deckId}.md`) => ({
  deckId,
  source: source(path),
  importedAtMillis,
});

const idbStore = () => createStore(freshDatabaseName('imported-decks'), 'decks');

/** A store whose database never opens, as in a browser that refuses IndexedDB. */
const brokenStore: UseStore = () => Promise.reject(new DOMException('refused', 'SecurityError'));

const implementations: [string, () => Promise<ImportedDeckRepository>][] = [
  ['IndexedDB', () => openImportedDeckRepository({ openStore: idbStore })],
  [
    'memory (IndexedDB refused)',
    () => openImportedDeckRepository({ openStore: () => brokenStore }),
  ],
];

describe.each(implementations)('imported deck repository: %s', (_name, open) => {
  it('starts empty, lists what was put oldest first, and removes by deck id', async () => {
    const repository = await open();
    expect(await repository.list()).toEqual([]);
    await repository.put([record('later', 20), record('earlier', 10)]);
    await repository.put([record('middle', 15)]);
    expect((await repository.list()).map((stored) => stored.deckId)).toEqual([
      'earlier',
      'middle',
      'later',
    ]);
    await repository.remove('middle');
    await repository.remove('never-stored');
    expect((await repository.list()).map((stored) => stored.deckId)).toEqual(['earlier', 'later']);
  });

  it('replaces a record put again under the same deck id', async () => {
    const repository = await open();
    await repository.put([record('notes', 1, 'notes.md')]);
    const edited: ImportedDeckRecord = {
      deckId: 'notes',
      source: source('notes.md', '# A\n\n## B\n\n### C\n\nC is the third letter.\n'),
      importedAtMillis: 2,
    };
    await repository.put([edited]);
    expect(await repository.list()).toEqual([edited]);
  });

  it('keeps the source text exactly, every file of a topic folder', async () => {
    const repository = await open();
    const folder: ImportedDeckRecord = {
      deckId: 'async',
      importedAtMillis: 5,
      source: {
        path: 'async',
        layout: 'topic-folder',
        files: [
          { path: 'async/index.md', content: '# Async\n' },
          { path: 'async/loop@a1.md', content: '# Loop\n\n<script>x</script> ünïcode\r\n' },
          { path: 'async/empty@a2.md', content: '' },
        ],
      },
    };
    await repository.put([folder]);
    expect(await repository.list()).toEqual([folder]);
  });

  it('refuses a batch holding an invalid record, and keeps none of it', async () => {
    const repository = await open();
    const invalid = { deckId: 'bad', source: { path: 'bad.md' }, importedAtMillis: 1 };
    await expect(
      repository.put([record('good', 1), invalid as unknown as ImportedDeckRecord]),
    ).rejects.toThrow(/bad/);
    expect(await repository.list()).toEqual([]);
  });
});

describe('imported deck repository in IndexedDB', () => {
  it('skips a corrupt record, reports it, and lists the rest', async () => {
    const store = idbStore();
    const reports: string[] = [];
    const repository = await openImportedDeckRepository({
      openStore: () => store,
      onUnreadable: (deckId, reason) => reports.push(`${deckId}: ${reason}`),
    });
    await repository.put([record('fine', 1)]);
    await set('broken', { deckId: 'broken', source: 'not a source', importedAtMillis: 2 }, store);
    await set('moved', record('elsewhere', 3), store);
    await set(
      'no-files',
      { ...record('no-files', 4), source: { ...source('x.md'), files: [] } },
      store,
    );

    expect((await repository.list()).map((stored) => stored.deckId)).toEqual(['fine']);
    expect(reports).toEqual([
      'broken: source is not an object',
      'moved: deckId elsewhere does not match its key moved',
      'no-files: source.files is not a list of files',
    ]);
  });

  it('keeps records across openings, as across page loads', async () => {
    const name = freshDatabaseName('imported-decks');
    const first = await openImportedDeckRepository({ openStore: () => createStore(name, 'decks') });
    await first.put([record('kept', 1)]);
    const second = await openImportedDeckRepository({
      openStore: () => createStore(name, 'decks'),
    });
    expect(await second.list()).toEqual([record('kept', 1)]);
  });

  it('copies only the fields it knows from a stored record', async () => {
    const store = idbStore();
    await set(
      'extra',
      {
        ...record('extra', 1),
        html: '<script>',
        source: { ...source('extra.md'), layout: 'single-file', extra: 1 },
      },
      store,
    );
    const repository = await openImportedDeckRepository({ openStore: () => store });
    expect(await repository.list()).toEqual([record('extra', 1)]);
  });
});

/** Creates `name` at version 1 with only a store named `other`, as a database missing its store. */
function openDatabaseWithoutDecks(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('other');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('the deck database without its decks store', () => {
  it('gets the store back by an upgrade, and the import survives a re-open', async () => {
    globalThis.indexedDB = new IDBFactory();
    (await openDatabaseWithoutDecks(importedDecksDatabaseName)).close();
    const notKept: string[] = [];
    const options = { onNotKept: (reason: string) => notKept.push(reason) };

    await (await openImportedDeckRepository(options)).put([record('kept', 1)]);
    const reopened = await openImportedDeckRepository(options);

    expect(await reopened.list()).toEqual([record('kept', 1)]);
    expect(notKept).toEqual([]);
  });

  it('says the decks are not kept when another connection blocks the upgrade', async () => {
    globalThis.indexedDB = new IDBFactory();
    const otherTab = await openDatabaseWithoutDecks(importedDecksDatabaseName);
    const notKept: string[] = [];

    const repository = await openImportedDeckRepository({
      onNotKept: (reason) => notKept.push(reason),
    });
    await repository.put([record('for-now', 1)]);

    expect(notKept).toEqual([
      'the deck database could not be opened: adding the decks store to recallmap-decks waits for another tab of this app to close',
    ]);
    // Kept for this tab's life only, and said so above: never a silent loss.
    expect(await repository.list()).toEqual([record('for-now', 1)]);
    otherTab.close();
  });

  it('closes for another tab that upgrades the database, and opens again on its next request', async () => {
    const name = freshDatabaseName('imported-decks');
    const repository = await openImportedDeckRepository({
      openStore: () => createUpgradingStore(name, 'decks'),
    });
    await repository.put([record('before', 1)]);
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 5);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onblocked = () => reject(new Error('the upgrade was blocked'));
      request.onerror = () => reject(request.error);
    });
    await repository.put([record('after', 2)]);
    expect((await repository.list()).map((stored) => stored.deckId)).toEqual(['before', 'after']);
  });

  it('rejects a put whose transaction does not commit, and keeps nothing of it', async () => {
    const store = idbStore();
    const abortingAfterPuts: UseStore = (mode, callback) =>
      store(mode, (objectStore) => {
        const result = callback(objectStore);
        if (mode === 'readwrite') objectStore.transaction.abort();
        return result;
      });
    const repository = await openImportedDeckRepository({ openStore: () => abortingAfterPuts });
    await expect(repository.put([record('lost', 1)])).rejects.toBeDefined();
    expect(await repository.list()).toEqual([]);
  });
});
