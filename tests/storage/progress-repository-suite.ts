import { describe, expect, it } from 'vitest';
import { type CardId, cardId } from '../../src/domain/ids';
import {
  type CardState,
  defaultSettings,
  type ProgressEvent,
  type ReviewEvent,
} from '../../src/domain/progress';
import { effectiveReviews } from '../../src/scheduler/effective-reviews';
import type { RetentionTally } from '../../src/scheduler/retention-tally';
import { schedulerForSettings } from '../../src/scheduler/scheduler';
import { countTallies, keptRetention } from '../../src/stats/retention-from-logs';
import { trueRetention } from '../../src/stats/true-retention';
import type {
  ProgressRepository,
  SchedulerForSettings,
} from '../../src/storage/progress-repository';
import { pick, seededRandom } from '../scheduler/seeded-random';
import { action, review, undo } from '../support/events';
import { inTimeZone } from '../support/time-zone';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Fuzz on, as in the app: stored states must still equal replays. */
export const testSchedulerFor: SchedulerForSettings = (settings) =>
  schedulerForSettings(settings, true);
const scheduler = testSchedulerFor(defaultSettings);

/**
 * The contract every ProgressRepository keeps, run against each implementation (Orbit's
 * databaseTests pattern). `create` returns a fresh, empty repository each time.
 */
export function describeProgressRepository(
  name: string,
  create: () => Promise<ProgressRepository>,
): void {
  describe(`${name} (shared ProgressRepository suite)`, () => {
    const term = cardId('css/box-model:term');
    const recall = cardId('css/box-model:recall');
    // 10:00 UTC; the process runs in UTC here so day keys are easy to read.
    const t0 = Date.UTC(2026, 4, 4, 10);
    inTimeZone('UTC');

    it('starts empty, with default settings', async () => {
      const repository = await create();
      const snapshot = await repository.load();
      expect(snapshot.states.size).toBe(0);
      expect(snapshot.reviewsByDay.size).toBe(0);
      expect(snapshot.totalReviews).toBe(0);
      expect(snapshot.settings).toEqual(defaultSettings);
      expect(snapshot.corrupt).toEqual([]);
      expect(await repository.allEvents()).toEqual([]);
    });

    it('finds nothing to repair in an empty store or in one that only its own commits wrote', async () => {
      const repository = await create();
      const nothing = {
        checkedReviews: 0,
        checkedCards: 0,
        rebuiltCardStates: 0,
        rebuiltDayCounts: 0,
        rebuiltTotal: undefined,
        restampedSchemaVersion: false,
      };
      expect(await repository.checkAndRepair()).toEqual(nothing);

      const undone = review('e3', recall, 1, t0 + 2 * minute);
      await repository.commitReview(review('e1', term, 3, t0));
      await repository.commitReview(review('e2', recall, 3, t0 + minute));
      await repository.commitReview(undone);
      await repository.commitUndo(undo('u1', undone, t0 + 3 * minute));
      await repository.commitReview(review('e4', term, 3, t0 + day));
      const before = await repository.load();
      expect(await repository.checkAndRepair()).toEqual({
        ...nothing,
        checkedReviews: 3,
        checkedCards: 2,
      });
      const after = await repository.load();
      expect(after.states).toEqual(before.states);
      expect(after.reviewsByDay).toEqual(before.reviewsByDay);
      expect(after.totalReviews).toBe(3);
    });

    it('commits a review: the event, the state the scheduler gives, the day count and the total', async () => {
      const repository = await create();
      const first = review('e1', term, 3, t0);
      const { state, reviewDeltaByDay } = await repository.commitReview(first);
      expect(state).toEqual(scheduler.review(undefined, term, 3, t0));
      expect(reviewDeltaByDay).toEqual(new Map([['2026-05-04', 1]]));
      const second = review('e2', term, 3, state.dueAtMillis);
      const { state: next } = await repository.commitReview(second);
      expect(next).toEqual(scheduler.review(state, term, 3, state.dueAtMillis));

      const snapshot = await repository.load();
      expect(snapshot.states).toEqual(new Map([[term, next]]));
      expect(snapshot.reviewsByDay).toEqual(new Map([['2026-05-04', 2]]));
      expect(snapshot.totalReviews).toBe(2);
      expect(await repository.eventsForCard(term)).toEqual([first, second]);
      expect(await repository.statesFor([term, recall])).toEqual(new Map([[term, next]]));
    });

    it('keeps a quiz answer with the option it picked', async () => {
      const repository = await create();
      const answer = review('q1', cardId('css/box-model:quiz'), 1, t0, {
        source: 'quiz',
        pickedOptionIndex: 2,
      });
      await repository.commitReview(answer);
      expect(await repository.allEvents()).toEqual([answer]);
    });

    it('ignores a second commit of the same event', async () => {
      const repository = await create();
      const event = review('e1', term, 4, t0);
      const { state } = await repository.commitReview(event);
      expect(await repository.commitReview(event)).toEqual(
        expect.objectContaining({ state, reviewDeltaByDay: new Map() }),
      );
      expect(await repository.eventsForCard(term)).toHaveLength(1);
      expect((await repository.load()).totalReviews).toBe(1);
    });

    it('keeps both events when two tabs rate the same card from the same old state', async () => {
      const repository = await create();
      // Both tabs saw the card new. Tab B's answer came later but is committed first.
      const tabA = review('tab-a', term, 1, t0);
      const tabB = review('tab-b', term, 3, t0 + 5 * minute);
      await repository.commitReview(tabB);
      const { state: stored } = await repository.commitReview(tabA);
      expect(stored).toEqual(scheduler.replay(term, [tabA, tabB]));
      expect(stored.reps).toBe(2);
      expect(await repository.eventsForCard(term)).toEqual([tabA, tabB]);
      expect((await repository.load()).totalReviews).toBe(2);
    });

    it('undoes the last review: the state goes back, the event stays, counts go down', async () => {
      const repository = await create();
      const first = review('e1', term, 3, t0);
      const { state: before } = await repository.commitReview(first);
      const second = review('e2', term, 1, t0 + 10 * minute);
      await repository.commitReview(second);
      const cancel = undo('u2', second, t0 + 11 * minute);
      expect(await repository.commitUndo(cancel)).toEqual(
        expect.objectContaining({
          state: before,
          reviewDeltaByDay: new Map([['2026-05-04', -1]]),
        }),
      );

      const snapshot = await repository.load();
      expect(snapshot.states.get(term)).toEqual(before);
      expect(snapshot.totalReviews).toBe(1);
      expect(snapshot.reviewsByDay.get('2026-05-04')).toBe(1);
      expect(await repository.eventsForCard(term)).toEqual([first, second, cancel]);
    });

    it('moves no count when an undo cancels a review an undo already cancelled', async () => {
      const repository = await create();
      const kept = review('e1', term, 3, t0);
      const undone = review('e2', term, 1, t0 + 10 * minute);
      await repository.commitReview(kept);
      await repository.commitReview(undone);
      await repository.commitUndo(undo('u1', undone, t0 + 11 * minute));
      const { state: afterFirstUndo } = await repository.commitReview(review('e3', recall, 3, t0));

      const again = await repository.commitUndo(undo('u2', undone, t0 + 12 * minute));
      expect(again.reviewDeltaByDay).toEqual(new Map());
      expect(again.state).toEqual(scheduler.replay(term, [kept]));
      const snapshot = await repository.load();
      expect(snapshot.totalReviews).toBe(2);
      expect(snapshot.reviewsByDay).toEqual(new Map([['2026-05-04', 2]]));
      expect(snapshot.states.get(recall)).toEqual(afterFirstUndo);
    });

    it('reads the events of several cards at once, in time order, and nothing of others', async () => {
      const repository = await create();
      const other = cardId('html/forms:term');
      const late = review('e1', term, 3, t0 + 20 * minute);
      const early = review('e2', recall, 4, t0);
      const mid = review('e3', recall, 1, t0 + 10 * minute);
      for (const event of [late, early, mid, review('e4', other, 3, t0 + 5 * minute)]) {
        await repository.commitReview(event);
      }
      const cancel = undo('u1', late, t0 + 21 * minute);
      await repository.commitUndo(cancel);
      expect(await repository.eventsForCards([term, recall])).toEqual([early, mid, late, cancel]);
      expect(await repository.eventsForCards([])).toEqual([]);
    });

    it('gives the day counts and the total alone, as a full load has them', async () => {
      const repository = await create();
      await repository.commitReview(review('e1', term, 3, t0));
      await repository.commitReview(review('e2', recall, 3, t0 + day));
      const second = review('e3', recall, 1, t0 + day + 10 * minute);
      await repository.commitReview(second);
      await repository.commitUndo(undo('u3', second, t0 + day + 11 * minute));
      const { reviewsByDay, totalReviews } = await repository.load();
      expect(await repository.loadDailyCounts()).toEqual({ reviewsByDay, totalReviews });
      expect(totalReviews).toBe(2);
    });

    it('forgets the card when its only review is undone', async () => {
      const repository = await create();
      const only = review('e1', recall, 4, t0);
      await repository.commitReview(only);
      expect((await repository.commitUndo(undo('u1', only, t0 + minute))).state).toBeUndefined();
      const snapshot = await repository.load();
      expect(snapshot.states.has(recall)).toBe(false);
      expect(snapshot.reviewsByDay.size).toBe(0);
      expect(snapshot.totalReviews).toBe(0);
    });

    it('refuses to undo a review the card does not have, changing nothing', async () => {
      const repository = await create();
      await repository.commitReview(review('e1', term, 3, t0));
      const ghost = review('ghost', term, 3, t0);
      await expect(repository.commitUndo(undo('u1', ghost, t0 + minute))).rejects.toThrow(/ghost/);
      expect(await repository.eventsForCard(term)).toHaveLength(1);
    });

    it('refuses malformed events', async () => {
      const repository = await create();
      const bad = { ...review('e1', term, 3, t0), rating: 5 } as unknown as ReviewEvent;
      await expect(repository.commitReview(bad)).rejects.toThrow(/rating/);
      expect(await repository.allEvents()).toEqual([]);
    });

    it('merges by event id and replays the cards that changed', async () => {
      const repository = await create();
      const a1 = review('a1', term, 3, t0);
      const a2 = review('a2', term, 3, t0 + 10 * minute);
      await repository.commitReview(a1);
      await repository.commitReview(a2);
      // Another device's log: a1 again, a review in between, an undo of a2, another card.
      const b1 = review('b1', term, 2, t0 + 5 * minute);
      const r1 = review('r1', recall, 4, t0 - day);
      const cancelA2 = undo('b-undo', a2, t0 + 20 * minute);
      const result = await repository.mergeEvents([a1, b1, cancelA2, r1]);
      expect(result.addedEvents).toBe(3);
      expect(result.addedReviews).toBe(2);
      expect([...result.cardIds].sort()).toEqual([recall, term].sort());

      const snapshot = await repository.load();
      expect(snapshot.states.get(term)).toEqual(scheduler.replay(term, [a1, a2, b1, cancelA2]));
      expect(snapshot.states.get(recall)).toEqual(scheduler.replay(recall, [r1]));
      expect(snapshot.totalReviews).toBe(3);
      expect(snapshot.reviewsByDay).toEqual(
        new Map([
          ['2026-05-03', 1],
          ['2026-05-04', 2],
        ]),
      );
      expect(await repository.allEvents()).toEqual([r1, a1, b1, a2, cancelA2]);
    });

    it('lets an undo merged before its review cancel it when the review arrives', async () => {
      const repository = await create();
      const later = review('late', term, 1, t0);
      await repository.mergeEvents([undo('early-undo', later, t0 + minute)]);
      const merged = await repository.mergeEvents([later]);
      expect(merged.addedReviews).toBe(1);
      const snapshot = await repository.load();
      expect(snapshot.states.has(term)).toBe(false);
      expect(snapshot.totalReviews).toBe(0);
    });

    it('refuses a merge with any malformed event, changing nothing', async () => {
      const repository = await create();
      await expect(
        repository.mergeEvents([review('ok', term, 3, t0), { kind: 'review', id: 'bad' }]),
      ).rejects.toThrow(/event 2/);
      expect(await repository.allEvents()).toEqual([]);
      expect((await repository.load()).totalReviews).toBe(0);
    });

    it('refuses, changing nothing, a commit or merge with a time outside 2000 to tomorrow', async () => {
      const repository = await create();
      await repository.commitReview(review('kept', term, 3, t0));
      const before = await repository.load();
      const poisoned = [1e300, 8.64e15, -8.64e15, Date.UTC(2100, 0, 1), -1, t0 + 0.5];
      for (const reviewedAtMillis of poisoned) {
        await expect(
          repository.mergeEvents([
            review('ok', recall, 3, t0),
            review('bad', term, 3, reviewedAtMillis),
          ]),
        ).rejects.toThrow(`event 2 (id bad): reviewedAtMillis is ${reviewedAtMillis}`);
        await expect(
          repository.commitReview(review('bad', recall, 3, reviewedAtMillis)),
        ).rejects.toThrow(`reviewedAtMillis is ${reviewedAtMillis}`);
      }
      const lateUndo = undo('late', review('kept', term, 3, t0), Date.UTC(2100, 0, 1));
      await expect(repository.commitUndo(lateUndo)).rejects.toThrow(
        /undoneAtMillis is 4102444800000/,
      );
      expect(await repository.load()).toEqual(before);
      expect(await repository.allEvents()).toEqual([review('kept', term, 3, t0)]);
    });

    it('refuses a merge that gives a stored event id to another card, changing nothing', async () => {
      const repository = await create();
      const first = review('shared-id', term, 3, t0);
      await repository.commitReview(first);
      const settings = { ...defaultSettings, newPerDay: 3 };
      await expect(
        repository.mergeEvents([review('fresh', recall, 4, t0), { ...first, cardId: recall }], {
          settings,
        }),
      ).rejects.toThrow(
        /shared-id of card css\/box-model:recall has the id of a stored event of card css\/box-model:term/,
      );
      await expect(repository.mergeEvents([first, { ...first, cardId: recall }])).rejects.toThrow(
        /event 2 \(id shared-id\) reuses the id of event 1/,
      );
      expect(await repository.allEvents()).toEqual([first]);
      expect(await repository.getSettings()).toEqual(defaultSettings);
      expect((await repository.load()).totalReviews).toBe(1);
    });

    it('saves a merge’s settings with its events, and replays with them', async () => {
      const repository = await create();
      const settings = { ...defaultSettings, desiredRetention: 0.8, dayStartHour: 11 };
      const r1 = review('r1', term, 3, t0);
      const merged = await repository.mergeEvents([r1], { settings });
      expect(merged.addedReviews).toBe(1);
      expect(await repository.getSettings()).toEqual(settings);
      const snapshot = await repository.load();
      expect(snapshot.states.get(term)).toEqual(testSchedulerFor(settings).replay(term, [r1]));
      // 10:00 UTC is before an 11:00 day start: the review counts on the day before.
      expect(snapshot.reviewsByDay).toEqual(new Map([['2026-05-03', 1]]));
    });

    it('saves settings, refuses invalid ones, and counts days from the saved day start', async () => {
      const repository = await create();
      expect(await repository.getSettings()).toEqual(defaultSettings);
      const settings = { ...defaultSettings, dayStartHour: 11, newPerDay: 5 };
      await repository.saveSettings(settings);
      expect(await repository.getSettings()).toEqual(settings);
      await expect(repository.saveSettings({ ...settings, desiredRetention: 0.5 })).rejects.toThrow(
        /desiredRetention/,
      );
      expect(await repository.getSettings()).toEqual(settings);

      await repository.commitReview(review('e1', term, 3, t0)); // 10:00, before 11:00
      const snapshot = await repository.load();
      expect(snapshot.settings).toEqual(settings);
      expect(snapshot.reviewsByDay).toEqual(new Map([['2026-05-03', 1]]));
    });

    it('stores states equal to the replay of the log, for random reviews and undos', async () => {
      const repository = await create();
      const random = seededRandom(2026);
      const cards = [term, recall, cardId('html/forms:term')];
      const log: ProgressEvent[] = [];
      let now = t0;
      for (let step = 0; step < 120; step += 1) {
        now += pick(random, [minute, 10 * minute, day, 4 * day]);
        const card = pick(random, cards);
        const live = effectiveReviews(log.filter((event) => event.cardId === card));
        if (live.length > 0 && random() < 0.3) {
          const event = undo(`u${step}`, pick(random, live), now);
          log.push(event);
          expect((await repository.commitUndo(event)).state).toEqual(scheduler.replay(card, log));
        } else {
          const event = review(`r${step}`, card, pick(random, [1, 2, 3, 4] as const), now);
          log.push(event);
          expect((await repository.commitReview(event)).state).toEqual(scheduler.replay(card, log));
        }
      }
      const snapshot = await repository.load();
      const expected = new Map<CardId, CardState>();
      for (const card of cards) {
        const state = scheduler.replay(card, log);
        if (state) expected.set(card, state);
      }
      expect(snapshot.states).toEqual(expected);
      expect(snapshot.totalReviews).toBe(effectiveReviews(log).length);
      expect([...snapshot.reviewsByDay.values()].reduce((a, b) => a + b, 0)).toBe(
        snapshot.totalReviews,
      );
      expect(await repository.allEvents()).toHaveLength(log.length);
    });

    it("keeps each day's true-retention tally as a replay of the whole log gives it, through undos, resets, marks as known and older reviews merged in", async () => {
      const repository = await create();
      const random = seededRandom(15);
      const cards = [term, recall, cardId('html/forms:term')];
      const log: ProgressEvent[] = [];
      let now = t0;
      for (let step = 0; step < 90; step += 1) {
        now += pick(random, [minute, 10 * minute, day, 3 * day]);
        const card = pick(random, cards);
        const live = effectiveReviews(log.filter((event) => event.cardId === card));
        const roll = random();
        let event: ProgressEvent;
        if (live.length > 0 && roll < 0.15) {
          event = undo(`u${step}`, pick(random, live), now);
          await repository.commitUndo(event);
        } else if (roll < 0.2) {
          event = action(`a${step}`, card, pick(random, ['reset', 'known'] as const), now);
          await repository.commitActions([event]);
        } else if (roll < 0.35) {
          // Another device's review from days ago: later reviews may change phase.
          event = review(`m${step}`, card, pick(random, [1, 3] as const), now - 4 * day - minute);
          await repository.mergeEvents([event]);
        } else {
          event = review(`r${step}`, card, pick(random, [1, 2, 3, 4] as const), now);
          await repository.commitReview(event);
        }
        log.push(event);
      }
      const stored = await repository.readDayTallies(now, Math.ceil((now - t0) / day) + 6);
      const fromLog = countTallies(log, scheduler, stored.dayKeys, stored.dayStartHour);
      const withAnswers = (tallies: ReadonlyMap<string, RetentionTally | undefined>) =>
        new Map([...tallies].filter(([, tally]) => tally === undefined || tally.answers > 0));
      expect(withAnswers(fromLog).size).toBeGreaterThan(5);
      expect(withAnswers(stored.tallies)).toEqual(withAnswers(fromLog));
      // Every day with reviews has its tally: none is left to count from the logs.
      expect(keptRetention(stored.tallies)).toEqual(trueRetention(fromLog.values()));
    });
  });
}
