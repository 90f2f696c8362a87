import 'fake-indexeddb/auto';
import { createStore, entries, keys, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings, type Rating } from '../../src/domain/progress';
import { recentStudyDays } from '../../src/scheduler/day-boundary';
import { keptRetention } from '../../src/stats/retention-from-logs';
import { retentionWindowDays } from '../../src/stats/true-retention';
import { createIdbProgressRepository } from '../../src/storage/idb-progress-repository';
import type { StartupDayCounts, StartupDayTallies } from '../../src/storage/progress-repository';
import { windowRetention } from '../../src/workers/window-retention';
import { review } from '../support/events';
import { inTimeZone } from '../support/time-zone';
import { testSchedulerFor } from './progress-repository-suite';
import { freshDatabaseName } from './test-databases';

const minute = 60_000;
const day = 86_400_000;
const now = Date.now();
const { dayStartHour } = defaultSettings;
const { dayKeys } = recentStudyDays(now, dayStartHour, retentionWindowDays);
const scheduler = testSchedulerFor(defaultSettings);

/** A repository whose cards graduated 25 days ago, then were answered in the review phase. */
async function studiedRepository(name: string) {
  const repository = createIdbProgressRepository(name, testSchedulerFor);
  const start = now - 25 * day;
  for (let card = 0; card < 6; card++) {
    const id = cardId(`deck/topic-${card}:recall`);
    await repository.commitReview(review(`${card}-1`, id, 3, start));
    await repository.commitReview(review(`${card}-2`, id, 3, start + 10 * minute));
    const ratings: Rating[] = [3, card % 3 === 0 ? 1 : 3, 3];
    for (const [index, rating] of ratings.entries()) {
      const at = start + (6 + index * 6) * day + card * minute;
      await repository.commitReview(review(`${card}-r${index}`, id, rating, at));
    }
  }
  return repository;
}

/** Rewrites every day record as a version before tallies wrote it. */
async function forgetTallies(name: string) {
  const store = createStore(name, 'progress');
  for (const [key, value] of await entries(store)) {
    if (Array.isArray(key) && key[0] === 'day') {
      const { dayKey, reviewCount } = value as { dayKey: string; reviewCount: number };
      await set(key, { dayKey, reviewCount }, store);
    }
  }
}

const statesOf = (repository: ReturnType<typeof createIdbProgressRepository>) => async () =>
  (await repository.load()).states.values();

describe("days' true-retention tallies in IndexedDB", () => {
  inTimeZone('UTC');

  it('counts the tallies a store written before them lacks from the logs, once, and keeps them', async () => {
    const name = freshDatabaseName('tallies');
    const repository = await studiedRepository(name);
    const kept = await repository.readDayTallies(now, retentionWindowDays);
    const retention = keptRetention(kept.tallies);
    // Three review answers of six cards, less the two relearning steps after the two lapses.
    expect(retention?.total).toBe(16);
    expect(retention?.retained).toBe(14);

    await forgetTallies(name);
    const forgotten = await repository.readDayTallies(now, retentionWindowDays);
    expect(keptRetention(forgotten.tallies)).toBe(undefined);

    const counted = await windowRetention(
      repository,
      statesOf(repository),
      async () => scheduler,
      now,
    );
    expect(counted).toEqual(retention);
    expect((await repository.readDayTallies(now, retentionWindowDays)).tallies).toEqual(
      kept.tallies,
    );
  });

  it('stores no counted tally when a review was committed after the count began', async () => {
    const name = freshDatabaseName('tallies');
    const repository = await studiedRepository(name);
    await forgetTallies(name);
    const { eventCount } = await repository.readDayTallies(now, retentionWindowDays, true);
    await repository.commitReview(review('late', cardId('deck/topic-0:recall'), 3, now - minute));
    const counted = new Map(dayKeys.map((key) => [key, { answers: 0, retained: 0 }]));
    expect(await repository.fillDayTallies(counted, eventCount)).toBe(false);
    expect(keptRetention((await repository.readDayTallies(now, retentionWindowDays)).tallies)).toBe(
      undefined,
    );
  });

  it("keeps a day's unknown tally unknown through a commit, and starts a new day's from zero", async () => {
    const name = freshDatabaseName('tallies');
    const repository = await studiedRepository(name);
    await forgetTallies(name);
    const before = (await repository.readDayTallies(now, retentionWindowDays)).tallies;
    const [unknownDay] = [...before.keys()];
    const onUnknownDay = now - 25 * day + 20 * minute;
    await repository.commitReview(review('x', cardId('deck/new:recall'), 3, onUnknownDay));
    await repository.commitReview(review('y', cardId('deck/new:recall'), 3, now - minute));
    const after = (await repository.readDayTallies(now, retentionWindowDays)).tallies;
    expect(unknownDay).toBeDefined();
    expect(after.get(unknownDay ?? '')).toBe(undefined);
    expect(after.get(dayKeys.at(-1) ?? '')).toEqual({ answers: 0, retained: 0 });
  });

  it('has the learner’s check and repair count every missing tally again', async () => {
    const name = freshDatabaseName('tallies');
    const repository = await studiedRepository(name);
    const kept = await repository.readDayTallies(now, retentionWindowDays);
    await forgetTallies(name);
    await repository.checkAndRepair();
    expect((await repository.readDayTallies(now, retentionWindowDays)).tallies).toEqual(
      kept.tallies,
    );
  });

  it('are handed to start-up before the card states load, at the stamp the states carry, with the review counts', async () => {
    const name = freshDatabaseName('tallies');
    const kept = await (await studiedRepository(name)).readDayTallies(now, retentionWindowDays);
    const next = createIdbProgressRepository(name, testSchedulerFor);
    let handed: StartupDayTallies | undefined;
    let counts: StartupDayCounts | undefined;
    await next.openWithStartupRead({
      onDayTallies: (tallies) => {
        handed = tallies;
      },
      onDayCounts: (handedCounts) => {
        counts = handedCounts;
      },
    });
    const inWindow = new Map([...(handed?.tallies ?? [])].filter(([day]) => dayKeys.includes(day)));
    expect(inWindow).toEqual(kept.tallies);
    expect(handed?.dayStartHour).toBe(dayStartHour);
    const snapshot = await next.load();
    expect(handed?.changeStamp).toBe(snapshot.changeStamp);
    expect(snapshot.totalReviews).toBeGreaterThan(0);
    expect(counts).toEqual({
      dayStartHour,
      reviewsByDay: snapshot.reviewsByDay,
      totalReviews: snapshot.totalReviews,
    });
  });

  it('are not handed to start-up, nor the review counts, when a day record is damaged: the counts are rebuilt first', async () => {
    const name = freshDatabaseName('tallies');
    await studiedRepository(name);
    const store = createStore(name, 'progress');
    const dayKey = (await keys(store)).find((key) => Array.isArray(key) && key[0] === 'day');
    await set(dayKey as IDBValidKey, { dayKey: 'not this day', reviewCount: 1 }, store);
    let handed: StartupDayTallies | StartupDayCounts | undefined;
    await createIdbProgressRepository(name, testSchedulerFor).openWithStartupRead({
      onDayTallies: (tallies) => {
        handed = tallies;
      },
      onDayCounts: (counts) => {
        handed = counts;
      },
    });
    expect(handed).toBe(undefined);
  });
});
