import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CouchServer, startCouchServer } from '../../scripts/sync/couch-server';
import type { DeckSource } from '../../src/domain/compile';
import { cardId } from '../../src/domain/ids';
import { defaultSettings, type ProgressEvent, type Settings } from '../../src/domain/progress';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import { openSyncJournal } from '../../src/storage/sync-journal';
import { openCouchRemote } from '../../src/sync/couch-remote';
import { mergeArrivedEvents } from '../../src/sync/merge-arrived-events';
import { runSync, type SyncLocal } from '../../src/sync/run-sync';
import { describeSyncError } from '../../src/sync/sync-error';
import { targetKey } from '../../src/sync/sync-target';
import { testSchedulerFor } from '../storage/progress-repository-suite';
import { action, review, undo } from '../support/events';

const user = { name: 'learner', password: 'correct horse' };
const day = 24 * 60 * 60 * 1000;
const t0 = Date.UTC(2026, 10, 2, 9);
const now = () => t0 + day;
let server: CouchServer;
let databaseCount = 0;

beforeAll(async () => {
  server = await startCouchServer({ users: { [user.name]: user.password } });
});
afterAll(() => server.stop());

/** A browser of its own: its progress store, its sync journal, its decks and settings. */
function device(database: string, password = user.password) {
  const repository = new InMemoryProgressRepository(testSchedulerFor, now);
  const journal = openSyncJournal(
    createStore(`sync-${database}-${crypto.randomUUID()}`, 'journal'),
  );
  let settings: Settings = defaultSettings;
  const decks = new Map<string, { deckId: string; source: DeckSource; importedAtMillis: number }>();
  const local: SyncLocal = {
    allEvents: () => repository.allEvents(),
    mergeArrived: (events) => mergeArrivedEvents(repository, events),
    settings: () => settings,
    adoptSettings: async (next) => {
      settings = next;
    },
    decks: async () => [...decks.values()],
    adoptDecks: async (arrived) => {
      for (const deck of arrived) decks.set(deck.deckId, deck);
    },
    showArrivals: async () => {},
  };
  const target = { serverUrl: server.url, database, userName: user.name };
  return {
    repository,
    journal,
    decks,
    setSettings(next: Settings) {
      settings = next;
    },
    settings: () => settings,
    /** Commits as the app does: the event is stored, then waits in the outbox. */
    async commit(event: ProgressEvent) {
      if (event.kind === 'review') await repository.commitReview(event);
      else if (event.kind === 'undo') await repository.commitUndo(event);
      else await repository.commitActions([event]);
      await journal.record([event]);
    },
    sync: (onProgress?: Parameters<typeof runSync>[0]['onProgress']) =>
      runSync({
        batch: 1000,
        remote: openCouchRemote(target, password),
        local,
        journal,
        targetKey: targetKey(target),
        clock: now,
        ...(onProgress ? { onProgress } : {}),
      }),
  };
}

const freshDatabase = () => `recallmap-${++databaseCount}`;
const card = (n: number) => cardId(`python/asyncio:card-${n}`);

async function eventIds(repository: InMemoryProgressRepository) {
  return (await repository.allEvents()).map((event) => event.id).sort();
}

describe('a sync run against a CouchDB server', () => {
  it('makes two devices that studied offline converge, every review once', async () => {
    const database = freshDatabase();
    const laptop = device(database);
    const phone = device(database);
    await laptop.commit(review('l1', card(1), 3, t0));
    await laptop.commit(review('l2', card(2), 1, t0 + 1000));
    // The same card on both devices, at different moments.
    await phone.commit(review('p1', card(1), 2, t0 + 60_000));
    await phone.commit(review('p2', card(3), 4, t0 + 61_000));

    expect(await laptop.sync()).toMatchObject({ sentEvents: 2, receivedEvents: 0 });
    expect(await phone.sync()).toMatchObject({ sentEvents: 2, receivedEvents: 2 });
    expect(await laptop.sync()).toMatchObject({ sentEvents: 0, receivedEvents: 2 });

    expect(await eventIds(laptop.repository)).toEqual(['l1', 'l2', 'p1', 'p2']);
    expect(await eventIds(phone.repository)).toEqual(['l1', 'l2', 'p1', 'p2']);
    const [laptopSnapshot, phoneSnapshot] = await Promise.all([
      laptop.repository.load(),
      phone.repository.load(),
    ]);
    expect(laptopSnapshot.totalReviews).toBe(4);
    expect(phoneSnapshot.totalReviews).toBe(4);
    expect(phoneSnapshot.states).toEqual(laptopSnapshot.states);
    expect(phoneSnapshot.reviewsByDay).toEqual(laptopSnapshot.reviewsByDay);
    expect(await server.documentCount(database)).toBe(4);
  });

  it('carries an undo and a suspend to the other device', async () => {
    const database = freshDatabase();
    const laptop = device(database);
    const phone = device(database);
    const reviewed = review('r1', card(1), 3, t0);
    await laptop.commit(reviewed);
    await laptop.sync();
    await phone.sync();
    expect((await phone.repository.statesFor([card(1)])).has(card(1))).toBe(true);

    await laptop.commit(undo('u1', reviewed, t0 + 5000));
    await laptop.commit(action('s1', card(2), 'suspend', t0 + 6000));
    expect(await laptop.sync()).toMatchObject({ sentEvents: 2 });
    expect(await phone.sync()).toMatchObject({ receivedEvents: 2 });

    expect((await phone.repository.statesFor([card(1)])).has(card(1))).toBe(false);
    expect((await phone.repository.load()).totalReviews).toBe(0);
    const extras = await phone.repository.extrasFor([card(2)]);
    expect(extras.controls.get(card(2))?.suspended).toBe(true);
  });

  it('sends and fetches only what is new after the first run', async () => {
    const database = freshDatabase();
    const laptop = device(database);
    const phone = device(database);
    for (let n = 0; n < 30; n++) await laptop.commit(review(`a${n}`, card(n), 3, t0 + n));
    await laptop.sync();
    await phone.sync();
    await laptop.commit(review('b1', card(100), 3, t0 + 100_000));
    const progress: string[] = [];
    expect(
      await laptop.sync((step) => progress.push(`${step.stage} ${step.done}/${step.total}`)),
    ).toMatchObject({ sentEvents: 1, receivedEvents: 0 });
    expect(progress[0]).toBe('sending 1/1');
    expect(await phone.sync()).toMatchObject({ sentEvents: 0, receivedEvents: 1 });
  });

  it('sends the whole log on a first sync, paging through a log larger than one batch', async () => {
    const database = freshDatabase();
    const laptop = device(database);
    // Events that went in before sync was set up: no outbox holds them.
    const events = Array.from({ length: 2500 }, (_, n) =>
      review(`e${n}`, card(n % 400), 3, t0 + n),
    );
    await laptop.repository.mergeEvents(events);
    const progress: string[] = [];
    const report = await laptop.sync((step) =>
      progress.push(`${step.stage} ${step.done}/${step.total}`),
    );
    expect(report.sentEvents).toBe(2500);
    expect(progress).toEqual([
      'sending 1000/2500',
      'sending 2000/2500',
      'sending 2500/2500',
      'receiving 1000/2500',
      'receiving 2000/2500',
      'receiving 2500/2500',
    ]);
    expect(await server.documentCount(database)).toBe(2500);

    const phone = device(database);
    const phoneProgress: string[] = [];
    expect(
      await phone.sync((step) => phoneProgress.push(`${step.stage} ${step.done}/${step.total}`)),
    ).toMatchObject({ receivedEvents: 2500 });
    expect(phoneProgress.at(-1)).toBe('receiving 2500/2500');
    expect((await phone.repository.load()).totalReviews).toBe(2500);
  }, 60_000);

  it('keeps the settings changed last, on both devices', async () => {
    const database = freshDatabase();
    const laptop = device(database);
    const phone = device(database);
    laptop.setSettings({ ...defaultSettings, newPerDay: 5, changedAtMillis: t0 });
    await laptop.sync();
    await phone.sync();
    expect(phone.settings().newPerDay).toBe(5);

    phone.setSettings({ ...defaultSettings, newPerDay: 9, changedAtMillis: t0 + 10 });
    laptop.setSettings({ ...defaultSettings, newPerDay: 7, changedAtMillis: t0 + 5 });
    await laptop.sync(); // older than what the phone will send: the phone's wins in the end
    await phone.sync();
    await laptop.sync();
    expect(laptop.settings().newPerDay).toBe(9);
    expect(phone.settings().newPerDay).toBe(9);
  });

  it('brings an imported deck to the other device with its import time', async () => {
    const database = freshDatabase();
    const laptop = device(database);
    const phone = device(database);
    const source: DeckSource = {
      path: 'notes.md',
      layout: 'single-file',
      files: [{ path: 'notes.md', content: '# Notes\n\n## Topic\n\nText.\n' }],
    };
    laptop.decks.set('notes', { deckId: 'notes', source, importedAtMillis: t0 });
    await laptop.sync();
    await phone.sync();
    expect(phone.decks.get('notes')).toEqual({ deckId: 'notes', source, importedAtMillis: t0 });
  });

  it('refuses documents that fail their checks and merges the rest', async () => {
    const database = freshDatabase();
    const laptop = device(database);
    await laptop.sync();
    const remote = openCouchRemote(
      { serverUrl: server.url, database, userName: user.name },
      user.password,
    );
    await remote.write({ _id: 'x1', type: 'event', event: { kind: 'review', id: 'x1' } });
    await remote.write({
      _id: 'x2',
      type: 'event',
      event: review('x2', card(1), 3, t0 + 400 * day),
    });
    await remote.write({ _id: 'x3', type: 'script', code: 'alert(1)' });
    await remote.write({ _id: 'x4', type: 'event', event: review('x4', card(1), 3, t0) });
    const report = await laptop.sync();
    expect(report.receivedEvents).toBe(1);
    expect(report.refused.map((refusal) => refusal.id).sort()).toEqual(['x1', 'x2', 'x3']);
    expect(await eventIds(laptop.repository)).toEqual(['x4']);
  });

  it('reports a wrong password and an unreachable server in plain words, losing nothing', async () => {
    const database = freshDatabase();
    const laptop = device(database, 'wrong password');
    await laptop.commit(review('w1', card(1), 3, t0));
    const refused = await laptop.sync().catch((error: unknown) => error);
    expect(describeSyncError(refused)).toBe('The server refused the user name or password.');
    expect((await laptop.journal.outbox()).map((event) => event.id)).toEqual(['w1']);

    const gone = await startCouchServer({ users: { [user.name]: user.password } });
    const away = openCouchRemote(
      { serverUrl: gone.url, database, userName: user.name },
      user.password,
    );
    await gone.stop();
    const unreachable = await away.open().catch((error: unknown) => error);
    expect(describeSyncError(unreachable)).toMatch(/^The server could not be reached/);
  });
});
