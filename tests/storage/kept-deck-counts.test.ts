import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import type { DeckCountsRecord } from '../../src/scheduler/recorded-deck-counts';
import {
  createIdbProgressRepository,
  type IdbProgressRepository,
} from '../../src/storage/idb-progress-repository';
import { action, review, undo } from '../support/events';
import { testSchedulerFor } from './progress-repository-suite';
import { freshDatabaseName } from './test-databases';

const term = cardId('css/box-model:term');
const t0 = Date.UTC(2026, 4, 4, 10);

/** A record of one deck, as the app keeps it, at the stamp given. */
function deckCounts(changeStamp: string): DeckCountsRecord {
  return {
    changeStamp,
    countedAtMillis: t0,
    dayStartsMillis: [t0 + 3_600_000],
    validUntilMillis: Number.POSITIVE_INFINITY,
    decks: [
      {
        deckId: 'css',
        cardsFingerprint: 1234,
        new: 3,
        learning: 1,
        reviewsDueBefore: [1],
        learningDueAt: new Float64Array([t0 + 60_000]),
      },
    ],
    dueForecast: { dueBefore: [2], total: 5 },
  };
}

/** What the next start (a new repository over the database) is handed before its states load. */
async function handedOnNextStart(name: string): Promise<DeckCountsRecord | undefined> {
  let handed: DeckCountsRecord | undefined;
  const repository = createIdbProgressRepository(name, testSchedulerFor);
  await repository.openWithStartupRead({
    onDeckCounts: (record) => {
      handed = record;
    },
  });
  return handed;
}

/** A repository with one review stored, and deck counts kept at the stamp of its loaded states. */
async function withKeptCounts() {
  const name = freshDatabaseName('kept-deck-counts');
  const repository = createIdbProgressRepository(name, testSchedulerFor);
  await repository.commitReview(review('e1', term, 3, t0));
  const { changeStamp } = await repository.load();
  const record = deckCounts(changeStamp ?? '');
  expect(await repository.saveDeckCounts(record)).toBe(true);
  return { name, repository, record };
}

describe('deck counts kept for the next start', () => {
  it('are handed over before the states load when nothing changed since they were counted', async () => {
    const { name, record } = await withKeptCounts();
    expect(await handedOnNextStart(name)).toEqual(record);
  });

  it('outlast a commit that changes nothing: an event already stored', async () => {
    const { name, repository, record } = await withKeptCounts();
    const { changeStamps } = await repository.commitReview(review('e1', term, 3, t0));
    expect(changeStamps?.after).toBe(changeStamps?.before);
    expect(await handedOnNextStart(name)).toEqual(record);
  });

  const changes: [string, (repository: IdbProgressRepository) => Promise<unknown>][] = [
    ['a review', (repository) => repository.commitReview(review('e2', term, 1, t0 + 60_000))],
    [
      'an undo',
      (repository) => repository.commitUndo(undo('u1', review('e1', term, 3, t0), t0 + 1)),
    ],
    [
      'a card action',
      (repository) => repository.commitActions([action('s1', term, 'suspend', t0 + 1)]),
    ],
    ['a merge', (repository) => repository.mergeEvents([review('far', term, 2, t0 + 120_000)])],
    [
      'new settings',
      (repository) => repository.saveSettings({ ...defaultSettings, dayStartHour: 6 }),
    ],
    ['check and repair', (repository) => repository.checkAndRepair()],
  ];

  it.each(changes)(
    'no longer apply after %s, and are not kept again at the old stamp',
    async (_, change) => {
      const { name, repository, record } = await withKeptCounts();
      await change(repository);
      expect(await handedOnNextStart(name)).toBeUndefined();
      expect(await repository.saveDeckCounts(record)).toBe(false);
    },
  );

  it('a change in another tab stops this tab keeping counts of the states it had', async () => {
    const { name, repository, record } = await withKeptCounts();
    const otherTab = createIdbProgressRepository(name, testSchedulerFor);
    await otherTab.commitReview(review('e2', term, 1, t0 + 60_000));
    expect(await repository.saveDeckCounts(record)).toBe(false);
    expect(await handedOnNextStart(name)).toBeUndefined();
  });

  it('are ignored when damaged, and the states still load', async () => {
    const { name, record } = await withKeptCounts();
    const store = createStore(name, 'progress');
    await set(['meta', 'deck-counts'], { ...record, decks: [{ deckId: 'css' }] }, store);
    expect(await handedOnNextStart(name)).toBeUndefined();
    const badForecast = { dueBefore: [2, 3], total: 5 };
    await set(['meta', 'deck-counts'], { ...record, dueForecast: badForecast }, store);
    expect(await handedOnNextStart(name)).toBeUndefined();
    const { dueForecast: _, ...olderRecord } = record;
    await set(['meta', 'deck-counts'], olderRecord, store);
    expect(await handedOnNextStart(name)).toEqual(olderRecord);
    const reopened = createIdbProgressRepository(name, testSchedulerFor);
    expect((await reopened.load()).states.has(term)).toBe(true);
  });
});
