import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import { defaultSettings } from '../../src/domain/progress';
import { dayKey } from '../../src/scheduler/day-boundary';
import { mergeResultOf, planCommits } from '../../src/storage/commit-plan';
import { createIdbProgressRepository } from '../../src/storage/idb-progress-repository';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import type { ProgressRepository } from '../../src/storage/progress-repository';
import { review, undo } from '../support/events';
import { testSchedulerFor } from './progress-repository-suite';
import { freshDatabaseName } from './test-databases';

const term = cardId('css/box-model:term');
const recall = cardId('css/box-model:recall');
const t0 = Date.UTC(2026, 4, 4, 10);
const minute = 60_000;
const scheduler = testSchedulerFor(defaultSettings);
const { dayStartHour } = defaultSettings;
const replaySettings = defaultSettings;

const repositories: [string, () => ProgressRepository][] = [
  ['in memory', () => new InMemoryProgressRepository(testSchedulerFor)],
  ['IndexedDB', () => createIdbProgressRepository(freshDatabaseName('commit'), testSchedulerFor)],
];

describe.each(repositories)('the commit rules, %s', (_name, open) => {
  it('refuses a review that an undo already cancels, and counts nothing for it', async () => {
    const repository = open();
    const first = review('a', term, 3, t0);
    await repository.commitReview(first);
    await repository.commitUndo(undo('u', first, t0 + minute));

    await expect(repository.commitReview(first)).rejects.toThrow(
      'Saving review a of card css/box-model:term failed: an undo already cancels it',
    );
    const snapshot = await repository.load();
    expect(snapshot.totalReviews).toBe(0);
    expect(snapshot.states.has(term)).toBe(false);
  });
});

describe('planCommits', () => {
  it('refuses an incoming event that reuses the id of another card’s stored event', () => {
    const stored = new Map([['shared', term]]);
    expect(() =>
      planCommits(
        'Merging',
        [review('shared', recall, 3, t0)],
        () => [],
        scheduler,
        replaySettings,
        {
          storedCardOfId: stored,
        },
      ),
    ).toThrow(
      'Merging: event shared of card css/box-model:recall has the id of a stored event of card css/box-model:term',
    );
  });

  it('refuses an undo of a review the card’s log does not hold', () => {
    const ghost = review('ghost', term, 3, t0);
    expect(() =>
      planCommits('Undoing', [undo('u', ghost, t0 + minute)], () => [], scheduler, replaySettings, {
        undo: true,
      }),
    ).toThrow('Cannot undo ghost: card css/box-model:term has no review or action with that id');
  });

  it('plans each card once, with the day counts its new reviews and undos move', () => {
    const stored = review('a', term, 3, t0);
    const { commits, dayDeltas } = planCommits(
      'Merging',
      [stored, review('b', recall, 4, t0), undo('u', stored, t0 + minute)],
      (id) => (id === term ? [stored] : []),
      scheduler,
      replaySettings,
    );
    expect(commits.map((commit) => commit.cardId)).toEqual([term, recall]);
    // The term card's review was stored and counted; its undo takes it back, the recall card adds one.
    expect(dayDeltas).toEqual(new Map([[dayKey(t0, dayStartHour), 0]]));
    expect(mergeResultOf(commits)).toEqual({
      addedEvents: 2,
      addedReviews: 1,
      cardIds: [term, recall],
    });
  });
});
