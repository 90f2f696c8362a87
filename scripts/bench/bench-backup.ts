import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import { appVersion } from '../../src/backup/app-version';
import { createBackup, parseBackup } from '../../src/backup/backup-file';
import { cardId } from '../../src/domain/ids';
import type { defaultSettings, Rating, ReviewEvent } from '../../src/domain/progress';
import { schedulerForSettings } from '../../src/scheduler/scheduler';
import { createIdbProgressRepository } from '../../src/storage/idb-progress-repository';

const day = 86_400_000;

export interface BackupTiming {
  /** allEvents, createBackup and JSON.stringify: what the Export button waits for. */
  readonly exportMs: number;
  /** parseBackup and mergeEvents into an empty database: what confirming an import waits for. */
  readonly importMs: number;
  /** The part of `importMs` spent reading and checking the file, before the database. */
  readonly parseMs: number;
  readonly events: number;
  readonly megabytes: number;
}

/** `count` reviews over `cardCount` cards, each card answered every few days: a fixed sequence. */
function generateEvents(count: number, cardCount: number): ReviewEvent[] {
  let seed = 20_260_601;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 4_294_967_296;
  };
  const start = Date.UTC(2024, 0, 1, 9);
  const events: ReviewEvent[] = [];
  for (let index = 0; index < count; index++) {
    const card = index % cardCount;
    const round = Math.floor(index / cardCount);
    const rating = (random() < 0.1 ? 1 : random() < 0.8 ? 3 : random() < 0.5 ? 2 : 4) as Rating;
    events.push({
      kind: 'review',
      id: `bench-${index}`,
      cardId: cardId(
        `bench-deck/topic-${Math.floor(card / 2)}:${card % 2 === 0 ? 'term' : 'recall'}`,
      ),
      rating,
      reviewedAtMillis: start + round * 7 * day + Math.floor(random() * day),
      durationMillis: 1000 + Math.floor(random() * 9000),
      source: 'study',
    });
  }
  return events;
}

/** Times a backup of 100,000 reviews over 5,000 cards, through the real IndexedDB repository. */
export async function benchBackup(eventCount = 100_000, cardCount = 5_000): Promise<BackupTiming> {
  const schedulerFor = (settings: typeof defaultSettings) => schedulerForSettings(settings, true);
  const source = createIdbProgressRepository(`bench-backup-source-${Date.now()}`, schedulerFor);
  await source.mergeEvents(generateEvents(eventCount, cardCount));

  const exportStart = performance.now();
  const backup = createBackup({
    exportedAtMillis: Date.now(),
    appVersion,
    settings: await source.getSettings(),
    decks: [],
    events: await source.allEvents(),
  });
  const text = JSON.stringify(backup);
  const exportMs = performance.now() - exportStart;

  const target = createIdbProgressRepository(`bench-backup-target-${Date.now()}`, schedulerFor);
  await target.load(); // opening and migrating an empty database is not part of an import
  const byteSize = Buffer.byteLength(text);
  const importStart = performance.now();
  const parsed = parseBackup(text, byteSize, Date.now());
  if (!parsed.ok) throw new Error(`the benchmark's own backup was refused: ${parsed.reason}`);
  const parseMs = performance.now() - importStart;
  const merged = await target.mergeEvents(parsed.value.events);
  const importMs = performance.now() - importStart;

  if (merged.addedReviews !== eventCount) {
    throw new Error(`imported ${merged.addedReviews} of ${eventCount} reviews`);
  }
  return { exportMs, importMs, parseMs, events: eventCount, megabytes: byteSize / (1024 * 1024) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { exportMs, importMs, parseMs, events, megabytes } = await benchBackup();
  console.log(
    `backup of ${events.toLocaleString('en')} reviews over 5,000 cards (${megabytes.toFixed(1)} MB), fake-indexeddb in Node:\n` +
      `  export ${exportMs.toFixed(0)} ms (read the log, build, stringify)\n` +
      `  import ${importMs.toFixed(0)} ms (parse and check ${parseMs.toFixed(0)} ms, then merge and replay)`,
  );
}
