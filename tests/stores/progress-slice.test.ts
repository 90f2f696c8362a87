import { describe, expect, it, vi } from 'vitest';
import { type CardId, cardId, topicId } from '../../src/domain/ids';
import { defaultSettings, noteOwnerId, type ProgressEvent } from '../../src/domain/progress';
import { InMemoryProgressRepository } from '../../src/storage/in-memory-progress-repository';
import type { ProgressChannel } from '../../src/storage/progress-channel';
import { testSchedulerFor } from '../storage/progress-repository-suite';
import { note, review, undo } from '../support/events';
import { createTestAppStore } from '../support/test-app-store';
import { inTimeZone } from '../support/time-zone';

inTimeZone('Europe/Berlin');

const minute = 60_000;
const day = 24 * 60 * minute;
/** 10:00 on 4 May 2026 in Berlin: well inside the study day 2026-05-04. */
const t0 = Date.parse('2026-05-04T08:00:00Z');
const term = cardId('css/box-model:term');
const recall = cardId('css/box-model:recall');
const scheduler = testSchedulerFor(defaultSettings);

/** A channel whose messages from "another tab" the test sends, and whose announcements it reads. */
function testChannel() {
  const listeners = new Set<(cardIds: readonly CardId[]) => void>();
  const announced: (readonly CardId[])[] = [];
  const channel: ProgressChannel = {
    announce: (cardIds) => announced.push(cardIds),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {},
  };
  const fromAnotherTab = (cardIds: readonly CardId[]) => {
    for (const listener of listeners) listener(cardIds);
  };
  return { channel, announced, fromAnotherTab };
}

/** The progress store over an in-memory repository, opened; the repository is shared storage. */
async function openStore() {
  const repository = new InMemoryProgressRepository(testSchedulerFor, () => t0 + 7 * day);
  const { channel, announced, fromAnotherTab } = testChannel();
  const store = createTestAppStore({
    openProgressRepository: async () => ({ repository, persistent: true }),
    openProgressChannel: () => channel,
    clock: () => t0 + 2 * day,
  });
  await store.getState().init();
  return { store, repository, announced, fromAnotherTab };
}

/** What the store shows of progress, to compare with what storage holds. */
function shown(state: ReturnType<Awaited<ReturnType<typeof openStore>>['store']['getState']>) {
  const { states, reviewsByDay, totalReviews } = state;
  return { states, reviewsByDay, totalReviews };
}

async function stored(repository: InMemoryProgressRepository) {
  const { states, reviewsByDay, totalReviews } = await repository.load();
  return { states, reviewsByDay, totalReviews };
}

describe('the progress store', () => {
  it('shows a review: the card state, its day count and the total, and tells other tabs', async () => {
    const { store, repository, announced } = await openStore();
    const first = review('e1', term, 3, t0);
    const state = await store.getState().commitReview(first);

    expect(state).toEqual(scheduler.replay(term, [first]));
    expect(shown(store.getState())).toEqual({
      states: new Map([[term, state]]),
      reviewsByDay: new Map([['2026-05-04', 1]]),
      totalReviews: 1,
    });
    expect(shown(store.getState())).toEqual(await stored(repository));
    expect(announced).toEqual([[term]]);
  });

  it('counts an event committed twice once', async () => {
    const { store, repository } = await openStore();
    const event = review('e1', term, 3, t0);
    await store.getState().commitReview(event);
    await store.getState().commitReview(event);

    expect(store.getState().totalReviews).toBe(1);
    expect(store.getState().reviewsByDay).toEqual(new Map([['2026-05-04', 1]]));
    expect(shown(store.getState())).toEqual(await stored(repository));
  });

  it("takes an undone review's count from the day of that review", async () => {
    const { store, repository } = await openStore();
    const yesterday = review('e1', term, 3, t0);
    const today = review('e2', recall, 3, t0 + day);
    await store.getState().commitReview(yesterday);
    await store.getState().commitReview(today);

    const state = await store.getState().commitUndo(undo('u1', yesterday, t0 + day + minute));
    expect(state).toBeUndefined();
    expect(store.getState().states.has(term)).toBe(false);
    expect(store.getState().reviewsByDay).toEqual(new Map([['2026-05-05', 1]]));
    expect(store.getState().totalReviews).toBe(1);
    expect(shown(store.getState())).toEqual(await stored(repository));
  });

  it('changes no count when an undo cancels a review an undo already cancelled', async () => {
    const { store, repository } = await openStore();
    const kept = review('e1', term, 3, t0);
    const undone = review('e2', term, 1, t0 + 10 * minute);
    await store.getState().commitReview(kept);
    await store.getState().commitReview(undone);
    await store.getState().commitUndo(undo('u1', undone, t0 + 11 * minute));

    const state = await store.getState().commitUndo(undo('u2', undone, t0 + 12 * minute));
    expect(state).toEqual(scheduler.replay(term, [kept]));
    expect(store.getState().totalReviews).toBe(1);
    expect(store.getState().reviewsByDay).toEqual(new Map([['2026-05-04', 1]]));
    expect(shown(store.getState())).toEqual(await stored(repository));
  });

  it('rejects a failed write and shows everything as it was', async () => {
    const { store, repository, announced } = await openStore();
    await store.getState().commitReview(review('e1', term, 3, t0));
    const before = store.getState();
    vi.spyOn(repository, 'commitReview').mockRejectedValueOnce(new Error('QuotaExceededError'));

    await expect(store.getState().commitReview(review('e2', recall, 3, t0))).rejects.toThrow(
      'QuotaExceededError',
    );
    expect(store.getState()).toBe(before);
    expect(announced).toEqual([[term]]);
  });

  it("refreshes the cards and counts another tab's commit changed", async () => {
    const { store, repository, fromAnotherTab } = await openStore();
    await store.getState().commitReview(review('e1', term, 3, t0));
    // The other tab writes to the same storage, then announces the card it changed.
    const elsewhere = review('e2', recall, 4, t0 + day);
    const { state } = await repository.commitReview(elsewhere);

    fromAnotherTab([recall]);
    await vi.waitFor(() =>
      expect(store.getState().changedElsewhere).toEqual({ cardIds: [recall] }),
    );
    expect(store.getState().states.get(recall)).toEqual(state);
    expect(store.getState().reviewsByDay).toEqual(
      new Map([
        ['2026-05-04', 1],
        ['2026-05-05', 1],
      ]),
    );
    expect(store.getState().totalReviews).toBe(2);
  });

  it("shows another tab's commit made while this one was opening, which reads the snapshot", async () => {
    const repository = new InMemoryProgressRepository(testSchedulerFor, () => t0 + 7 * day);
    const { channel, fromAnotherTab } = testChannel();
    const elsewhere = review('e2', recall, 4, t0 + day);
    const store = createTestAppStore({
      // The app's opening reads the snapshot; another tab commits just after that read.
      openProgressRepository: async () => {
        const opened = { repository, persistent: true };
        await repository.load();
        await repository.commitReview(elsewhere);
        fromAnotherTab([recall]);
        return opened;
      },
      openProgressChannel: () => channel,
      clock: () => t0 + 2 * day,
    });
    await store.getState().init();

    await vi.waitFor(() =>
      expect(store.getState().changedElsewhere).toEqual({ cardIds: [recall] }),
    );
    expect(store.getState().totalReviews).toBe(1);
    expect(store.getState().states.get(recall)).toEqual(scheduler.replay(recall, [elsewhere]));
  });

  it('shows what is stored after importing progress, the settings included', async () => {
    const { store, repository } = await openStore();
    await store.getState().commitReview(review('e1', term, 3, t0));
    const imported: ProgressEvent[] = [
      review('b1', recall, 3, t0 - day),
      review('b2', term, 1, t0),
    ];
    const settings = { ...defaultSettings, newPerDay: 7 };

    const result = await store.getState().importProgress(settings, imported);
    expect(result.addedReviews).toBe(2);
    expect(store.getState().settings).toEqual(settings);
    expect(store.getState().totalReviews).toBe(3);
    expect(shown(store.getState())).toEqual(await stored(repository));
  });

  it('shows what is stored after an import that storage refused', async () => {
    const { store, repository } = await openStore();
    // Another tab's review, not announced: the store has not seen it.
    await repository.commitReview(review('e1', term, 3, t0));
    const refused = [review('b1', recall, 9 as 3, t0)];

    await expect(store.getState().importProgress(defaultSettings, refused)).rejects.toThrow();
    expect(store.getState().totalReviews).toBe(1);
    expect(shown(store.getState())).toEqual(await stored(repository));
  });

  it('shows what is stored after check and repair', async () => {
    const { store, repository } = await openStore();
    await repository.commitReview(review('e1', term, 3, t0));
    await repository.commitReview(review('e2', recall, 3, t0 + day));

    const report = await store.getState().checkAndRepair();
    expect(report.checkedReviews).toBe(2);
    expect(store.getState().totalReviews).toBe(2);
    expect(shown(store.getState())).toEqual(await stored(repository));
  });
});

/**
 * A repository whose opening the test finishes, in a browser that never stored progress unless
 * `storeMissing` is false.
 */
function storeOpeningSlowly(repository: InMemoryProgressRepository, storeMissing = true) {
  let finishOpening: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    finishOpening = resolve;
  });
  const { channel, fromAnotherTab } = testChannel();
  const store = createTestAppStore({
    progressStoreMissing: async () => storeMissing,
    openProgressRepository: async () => {
      await opened;
      return { repository, persistent: true };
    },
    openProgressChannel: () => channel,
    clock: () => t0 + 2 * day,
  });
  return { store, finishOpening, fromAnotherTab };
}

describe('where the first snapshot comes from', () => {
  it('is known with the empty snapshot shown, in a browser that never stored progress', async () => {
    const repository = new InMemoryProgressRepository(testSchedulerFor, () => t0 + 7 * day);
    const { store, finishOpening } = storeOpeningSlowly(repository);
    await store.getState().snapshotSourceKnown();
    expect(store.getState().ready).toBe(true);
    expect(store.getState().storageOpen).toBe(false);
    finishOpening();
    await store.getState().init();
  });

  it('is known before stored progress has been read', async () => {
    const repository = new InMemoryProgressRepository(testSchedulerFor, () => t0 + 7 * day);
    const { state } = await repository.commitReview(review('e1', recall, 4, t0));
    const { store, finishOpening } = storeOpeningSlowly(repository, false);
    await store.getState().snapshotSourceKnown();
    expect(store.getState().ready).toBe(false);
    finishOpening();
    await store.getState().init();
    expect(store.getState().ready).toBe(true);
    expect(store.getState().states.get(recall)).toEqual(state);
  });
});

describe('a browser that never stored progress', () => {
  it('shows its empty progress before storage opens, and commits once it has', async () => {
    const repository = new InMemoryProgressRepository(testSchedulerFor, () => t0 + 7 * day);
    const { store, finishOpening } = storeOpeningSlowly(repository);
    const opening = store.getState().init();
    await vi.waitFor(() => expect(store.getState().ready).toBe(true));
    expect(store.getState().storageOpen).toBe(false);

    let committed = false;
    const commit = store
      .getState()
      .commitReview(review('e1', term, 3, t0))
      .then((state) => {
        committed = true;
        return state;
      });
    await Promise.resolve();
    expect(committed).toBe(false);
    expect(await stored(repository)).toEqual({
      states: new Map(),
      reviewsByDay: new Map(),
      totalReviews: 0,
    });

    finishOpening();
    await opening;
    const state = await commit;
    expect(shown(store.getState())).toEqual({
      states: new Map([[term, state]]),
      reviewsByDay: new Map([['2026-05-04', 1]]),
      totalReviews: 1,
    });
    expect(shown(store.getState())).toEqual(await stored(repository));
  });

  it('shows what another tab stored while this one was opening', async () => {
    const repository = new InMemoryProgressRepository(testSchedulerFor, () => t0 + 7 * day);
    const { store, finishOpening } = storeOpeningSlowly(repository);
    const opening = store.getState().init();
    await vi.waitFor(() => expect(store.getState().ready).toBe(true));
    // The other tab created the store first and studied a card before this one finished opening.
    const { state } = await repository.commitReview(review('e1', recall, 4, t0));
    await repository.saveSettings({ ...defaultSettings, newPerDay: 5, changedAtMillis: t0 });

    finishOpening();
    await opening;
    expect(store.getState().states.get(recall)).toEqual(state);
    expect(store.getState().totalReviews).toBe(1);
    expect(store.getState().settings.newPerDay).toBe(5);
    expect(store.getState().changedElsewhere).toEqual({ cardIds: [recall] });
  });

  it("hears another tab's commit made once storage has opened", async () => {
    const repository = new InMemoryProgressRepository(testSchedulerFor, () => t0 + 7 * day);
    const { store, finishOpening, fromAnotherTab } = storeOpeningSlowly(repository);
    const opening = store.getState().init();
    finishOpening();
    await opening;

    const { state } = await repository.commitReview(review('e1', recall, 4, t0));
    fromAnotherTab([recall]);
    await vi.waitFor(() => expect(store.getState().states.get(recall)).toEqual(state));
    expect(store.getState().totalReviews).toBe(1);
  });
});

describe('card actions in the progress store', () => {
  it('applies an action to many cards in one commit, shows it, and tells other tabs', async () => {
    const { store, repository, announced } = await openStore();
    await store.getState().commitReview(review('e1', term, 3, t0));
    const { eventIds } = await store
      .getState()
      .applyCardAction({ kind: 'suspend' }, [term, recall]);
    expect([...eventIds.keys()]).toEqual([term, recall]);
    expect([...store.getState().controls.values()].map((c) => [c.cardId, c.suspended])).toEqual([
      [term, true],
      [recall, true],
    ]);
    expect(announced.at(-1)).toEqual([term, recall]);
    expect((await repository.load()).controls).toEqual(store.getState().controls);
    // Reset takes the reviewed card back to new; its review still counts in the totals.
    await store.getState().applyCardAction({ kind: 'reset' }, [term]);
    expect(store.getState().states.has(term)).toBe(false);
    expect(store.getState().totalReviews).toBe(1);
  });

  it('saves a note and shows another tab’s note once it arrives', async () => {
    const { store, repository, fromAnotherTab } = await openStore();
    const topic = topicId('css/box-model');
    await store.getState().saveNote(topic, 'first');
    expect(store.getState().notes.get(topic)?.text).toBe('first');
    await repository.commitActions([
      note('n-elsewhere', topic, 'from the other tab', t0 + 3 * day),
    ]);
    fromAnotherTab([noteOwnerId(topic)]);
    await vi.waitFor(() =>
      expect(store.getState().notes.get(topic)?.text).toBe('from the other tab'),
    );
  });

  it('keeps everything as it was when the write fails', async () => {
    const { store, repository } = await openStore();
    vi.spyOn(repository, 'commitActions').mockRejectedValueOnce(new Error('disk full'));
    await expect(store.getState().applyCardAction({ kind: 'suspend' }, [term])).rejects.toThrow(
      'disk full',
    );
    expect(store.getState().controls.size).toBe(0);
  });
});
