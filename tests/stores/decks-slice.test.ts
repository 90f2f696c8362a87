import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { compileDecks } from '../../src/compiler/compile-decks';
import { summarizeDeck } from '../../src/compiler/summarize-deck';
import type { DeckSource } from '../../src/domain/compile';
import { importedDecksMissing } from '../../src/storage/imported-decks-missing';
import { createTestAppStore } from '../support/test-app-store';

const document = (path: string, title: string, topics: string[]): DeckSource => ({
  path,
  layout: 'single-file',
  files: [
    {
      path,
      content: `# ${title}\n\n## Basics\n\n${topics.map((topic) => `### ${topic}\n\n${topic} is explained here.\n`).join('\n')}`,
    },
  ],
});

const bundled = compileDecks([document('bundled.md', 'Async basics', ['Event loop', 'Tasks'])])
  .decks[0];
if (!bundled) throw new Error('the bundled test deck did not compile');

const bundledDecks = {
  summaries: [summarizeDeck(bundled)],
  loaders: { 'async-basics': async () => ({ default: bundled }) },
};

/** A new start of the app over the decks stored so far. */
function freshCatalogKeepingData() {
  return createTestAppStore({ bundledDecks });
}

/** A new start of the app over a fresh database. */
function freshCatalog() {
  globalThis.indexedDB = new IDBFactory();
  return freshCatalogKeepingData();
}

describe('the deck catalog with imported decks', () => {
  it('leaves the imported decks database uncreated at a start with none, until the first import', async () => {
    globalThis.indexedDB = new IDBFactory();
    const startWithCheck = () => createTestAppStore({ bundledDecks, importedDecksMissing });
    const catalog = startWithCheck();
    const listed = await catalog.getState().loadSummaries();
    expect(listed.map((summary) => summary.id)).toEqual(['async-basics']);
    expect(await importedDecksMissing()).toBe(true);

    await catalog.getState().importDeckSources([document('mine.md', 'My notes', ['Futures'])]);
    expect(await importedDecksMissing()).toBe(false);
    const next = await startWithCheck().getState().loadSummaries();
    expect(next.map((summary) => summary.id)).toEqual(['async-basics', 'my-notes']);
  });

  it('lists bundled decks, then imported ones, and loads either by id', async () => {
    const catalog = freshCatalog();
    const { deckIds, warnings } = await catalog
      .getState()
      .importDeckSources([document('mine.md', 'My notes', ['Futures', 'Queues'])]);
    expect(deckIds).toEqual(['my-notes']);
    expect(warnings).toEqual([]);
    expect(catalog.getState().summaries.map((summary) => [summary.id, summary.imported])).toEqual([
      ['async-basics', undefined],
      ['my-notes', true],
    ]);
    expect((await catalog.getState().loadDeck('my-notes'))?.title).toBe('My notes');
    expect((await catalog.getState().loadDeck('async-basics'))?.title).toBe('Async basics');
  });

  it('never gives an imported deck a bundled id, and says so', async () => {
    const catalog = freshCatalog();
    const { deckIds, warnings } = await catalog
      .getState()
      .importDeckSources([document('copy.md', 'Async basics', ['Event loop', 'Futures', 'Locks'])]);
    expect(deckIds).toEqual(['async-basics-2']);
    expect(warnings.map((warning) => warning.message)).toEqual([
      "deck id async-basics is taken by another deck; this deck's id is async-basics-2",
    ]);
    expect((await catalog.getState().loadDeck('async-basics'))?.topics).toHaveLength(2);
    expect((await catalog.getState().loadDeck('async-basics-2'))?.topics).toHaveLength(3);
  });

  it('names the decks that hold topics of an imported deck, and how many', async () => {
    const catalog = freshCatalog();
    const folder = (path: string, title: string, nodes: string[]): DeckSource => ({
      path,
      layout: 'topic-folder',
      files: [
        { path: `${path}/index.md`, content: `# ${title}\n` },
        ...nodes.map((node) => ({
          path: `${path}/${node.toLowerCase()}@${node}.md`,
          content: `# ${node}\n\n${node} is explained here.\n`,
        })),
      ],
    });
    await catalog.getState().importDeckSources([folder('first', 'First', ['Aa1', 'Bb2', 'Cc3'])]);
    const { sharedTopics } = await catalog
      .getState()
      .importDeckSources([
        folder('copy', 'Copy', ['Aa1', 'Bb2', 'Dd4']),
        folder('apart', 'Apart', ['Ee5']),
      ]);
    expect(sharedTopics).toEqual({
      copy: [{ deckId: 'first', title: 'First', topicCount: 2 }],
    });
  });

  it('replaces a deck imported again under the same id, keeping its card ids', async () => {
    const catalog = freshCatalog();
    await catalog
      .getState()
      .importDeckSources([document('mine.md', 'My notes', ['Futures', 'Queues'])]);
    const first = await catalog.getState().loadDeck('my-notes');
    await catalog
      .getState()
      .importDeckSources([document('mine.md', 'My notes', ['Futures', 'Queues', 'Locks'])]);
    const second = await catalog.getState().loadDeck('my-notes');
    expect(second?.topics.map((topic) => topic.title)).toEqual(['Futures', 'Queues', 'Locks']);
    expect(second?.cards.map((card) => card.id)).toEqual(
      expect.arrayContaining(first?.cards.map((card) => card.id) ?? ['none']),
    );
    expect(catalog.getState().summaries.filter((summary) => summary.imported)).toHaveLength(1);
    expect(await catalog.getState().importedSources()).toEqual([
      document('mine.md', 'My notes', ['Futures', 'Queues', 'Locks']),
    ]);
  });

  it('puts back the decks an import replaced or added when asked to restore them', async () => {
    const catalog = freshCatalog();
    const original = document('mine.md', 'My notes', ['Futures', 'Queues']);
    await catalog.getState().importDeckSources([original]);
    const { restore } = await catalog
      .getState()
      .importDeckSources([
        document('mine.md', 'My notes', ['Futures', 'Queues', 'Locks']),
        document('new.md', 'New notes', ['Threads']),
      ]);
    expect(catalog.getState().summaries.map((summary) => summary.id)).toContain('new-notes');

    await restore();
    expect(catalog.getState().summaries.map((summary) => summary.id)).toEqual([
      'async-basics',
      'my-notes',
    ]);
    expect((await catalog.getState().loadDeck('my-notes'))?.topics).toHaveLength(2);
    expect(await catalog.getState().importedSources()).toEqual([original]);
    const restarted = freshCatalogKeepingData();
    expect((await restarted.getState().loadSummaries()).map((summary) => summary.id)).toEqual([
      'async-basics',
      'my-notes',
    ]);
  });

  it('recompiles stored sources on the next start, and forgets a removed deck', async () => {
    const before = freshCatalog();
    await before
      .getState()
      .importDeckSources([document('mine.md', 'My notes', ['Futures', 'Queues'])]);

    const after = freshCatalogKeepingData();
    expect((await after.getState().loadSummaries()).map((summary) => summary.id)).toEqual([
      'async-basics',
      'my-notes',
    ]);
    expect((await after.getState().loadDeck('my-notes'))?.title).toBe('My notes');
    await after.getState().removeImportedDeck('my-notes');
    expect(await after.getState().loadDeck('my-notes')).toBeUndefined();
    expect(await after.getState().importedSources()).toEqual([]);
    await expect(after.getState().removeImportedDeck('async-basics')).rejects.toThrow(
      /No imported deck/,
    );
  });

  it('imports nothing from a source without topics, and says why', async () => {
    const catalog = freshCatalog();
    const { deckIds, warnings } = await catalog
      .getState()
      .importDeckSources([
        { path: 'empty.md', layout: 'single-file', files: [{ path: 'empty.md', content: '' }] },
      ]);
    expect(deckIds).toEqual([]);
    expect(warnings.map((warning) => `${warning.path}:${warning.line}`)).toContain('empty.md:0');
    expect(await catalog.getState().importedSources()).toEqual([]);
  });
});

describe('a damaged imported deck', () => {
  it('is left out and named, while the other decks load', async () => {
    const catalog = freshCatalog();
    await catalog
      .getState()
      .importDeckSources([document('mine.md', 'My notes', ['Futures', 'Queues'])]);
    await set(
      'broken',
      { deckId: 'broken', source: null, importedAtMillis: 1 },
      createStore('recallmap-decks', 'decks'),
    );

    const after = freshCatalogKeepingData();
    expect((await after.getState().loadSummaries()).map((summary) => summary.id)).toEqual([
      'async-basics',
      'my-notes',
    ]);
    expect((await after.getState().loadDeck('my-notes'))?.title).toBe('My notes');
    expect(after.getState().unreadableImports).toEqual(['broken: source is not an object']);
  });
});

describe('a deck database without its decks store', () => {
  /** The database as an older build could leave it: there, but holding another store only. */
  const openWithoutDecks = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('recallmap-decks', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('other');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  it('is repaired on opening, and an import is there after a restart', async () => {
    const catalog = freshCatalog();
    (await openWithoutDecks()).close();
    await catalog
      .getState()
      .importDeckSources([document('mine.md', 'My notes', ['Futures', 'Queues'])]);
    expect(catalog.getState().importsNotKeptReason).toBeUndefined();

    const after = freshCatalogKeepingData();
    expect((await after.getState().loadSummaries()).map((summary) => summary.id)).toEqual([
      'async-basics',
      'my-notes',
    ]);
  });

  it('says why imports are not kept when it cannot be repaired', async () => {
    const catalog = freshCatalog();
    const otherTab = await openWithoutDecks();
    const { deckIds } = await catalog
      .getState()
      .importDeckSources([document('mine.md', 'My notes', ['Futures', 'Queues'])]);
    expect(deckIds).toEqual(['my-notes']);
    expect(catalog.getState().importsNotKeptReason).toMatch(/another tab/);
    otherTab.close();
  });
});
