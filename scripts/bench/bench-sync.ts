import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { createStore } from 'idb-keyval';
import { cardId } from '../../src/domain/ids';
import { defaultSettings, type ReviewEvent } from '../../src/domain/progress';
import { schedulerForSettings } from '../../src/scheduler/scheduler';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import { openSyncJournal } from '../../src/storage/sync-journal';
import { openCouchRemote } from '../../src/sync/couch-remote';
import { mergeArrivedEvents } from '../../src/sync/merge-arrived-events';
import { runSync, type SyncLocal } from '../../src/sync/run-sync';
import { targetKey } from '../../src/sync/sync-target';
import { startCouchServer } from '../sync/couch-server';
import { type Spread, spreadOf } from './bench-browser';

export interface SyncTiming {
  /** A first sync sending the whole log to an empty database. */
  readonly firstUpMs: Spread;
  /** A first sync of a second device fetching that log. */
  readonly firstDownMs: Spread;
  /** 50 new events: the sync that sends them, then the one that fetches them. */
  readonly incrementalUpMs: Spread;
  readonly incrementalDownMs: Spread;
}

const user = { name: 'bench', password: 'bench' };
const day = 24 * 60 * 60 * 1000;
const start = Date.UTC(2026, 0, 1);

function reviewEvents(count: number, prefix: string, cards: number): ReviewEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    kind: 'review',
    id: `${prefix}-${n}`,
    cardId: cardId(`bench/topic-${n % cards}:card`),
    rating: n % 7 === 0 ? 1 : 3,
    reviewedAtMillis: start + Math.floor(n / cards) * day + (n % cards) * 1000,
    durationMillis: 3000,
    source: 'study',
  }));
}

/** One device against the server: an in-memory progress store and a journal of its own. */
function device(serverUrl: string, database: string) {
  const repository = new InMemoryProgressRepository(
    (settings) => schedulerForSettings(settings, true),
    () => Date.now(),
  );
  const journal = openSyncJournal(createStore(`bench-sync-${crypto.randomUUID()}`, 'journal'));
  const local: SyncLocal = {
    allEvents: () => repository.allEvents(),
    mergeArrived: (events) => mergeArrivedEvents(repository, events),
    settings: () => defaultSettings,
    adoptSettings: async () => {},
    decks: async () => [],
    adoptDecks: async () => {},
    showArrivals: async () => {},
  };
  const target = { serverUrl, database, userName: user.name };
  const sync = async () => {
    const started = performance.now();
    await runSync({
      remote: openCouchRemote(target, user.password),
      local,
      journal,
      targetKey: targetKey(target),
      clock: () => Date.now(),
    });
    return performance.now() - started;
  };
  return { repository, journal, sync };
}

/**
 * Syncs against the CouchDB-compatible test server (express-pouchdb over in-memory PouchDB) from
 * Node, with the in-memory progress store: the protocol's and the merge's cost, not IndexedDB's.
 */
export async function benchSync(events = 100_000, runs = 3): Promise<SyncTiming> {
  const server = await startCouchServer({ users: { [user.name]: user.password } });
  const up: number[] = [];
  const down: number[] = [];
  const incrementalUp: number[] = [];
  const incrementalDown: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const database = `bench-${run}`;
      const laptop = device(server.url, database);
      await laptop.repository.mergeEvents(reviewEvents(events, `r${run}`, 5000));
      up.push(await laptop.sync());
      const phone = device(server.url, database);
      down.push(await phone.sync());
      for (const event of reviewEvents(50, `n${run}`, 50)) {
        const later = { ...event, reviewedAtMillis: Date.now() - 60_000 };
        await laptop.repository.commitReview(later);
        await laptop.journal.record([later]);
      }
      incrementalUp.push(await laptop.sync());
      incrementalDown.push(await phone.sync());
    }
  } finally {
    await server.stop();
  }
  return {
    firstUpMs: spreadOf(up, 0),
    firstDownMs: spreadOf(down, 0),
    incrementalUpMs: spreadOf(incrementalUp, 0),
    incrementalDownMs: spreadOf(incrementalDown, 0),
  };
}
