import { describe, expect, it } from 'vitest';
import { cardId, topicId } from '../../src/domain/ids';
import { noteOwnerId } from '../../src/domain/progress';
import type { ProgressRepository } from '../../src/storage/progress-repository';
import { action, bury, flag, note, review, undoAction } from '../support/events';
import { inTimeZone } from '../support/time-zone';

const minute = 60_000;
const day = 24 * 60 * minute;

/** Card actions and notes as every ProgressRepository stores, merges and rebuilds them. */
export function describeCardActions(name: string, create: () => Promise<ProgressRepository>): void {
  describe(`${name}: card actions and notes`, () => {
    inTimeZone('UTC');
    const term = cardId('css/box-model:term');
    const recall = cardId('css/box-model:recall');
    const topic = topicId('css/box-model');
    const t0 = Date.UTC(2026, 4, 4, 10);

    it('commits actions on many cards at once and loads them back', async () => {
      const repository = await create();
      await repository.commitReview(review('r1', term, 3, t0));
      const committed = await repository.commitActions([
        action('s1', term, 'suspend', t0 + minute),
        flag('f1', recall, t0 + minute, 2),
        note('n1', topic, 'Margins collapse; padding does not.', t0 + minute),
      ]);
      expect(committed.controls.get(term)).toEqual({ cardId: term, suspended: true, leech: false });
      expect(committed.controls.get(recall)).toEqual({
        cardId: recall,
        suspended: false,
        leech: false,
        flag: 2,
      });
      expect(committed.notes.get(topic)?.text).toBe('Margins collapse; padding does not.');
      // The reviewed card keeps its schedule; the actions counted no review.
      expect(committed.states.get(term)?.reps).toBe(1);

      const snapshot = await repository.load();
      expect([...snapshot.controls.keys()].sort()).toEqual([recall, term].sort());
      expect(snapshot.notes.get(topic)?.text).toBe('Margins collapse; padding does not.');
      expect(snapshot.totalReviews).toBe(1);
      const extras = await repository.extrasFor([term, noteOwnerId(topic)]);
      expect(extras.controls.get(term)?.suspended).toBe(true);
      expect(extras.notes.get(topic)?.text).toBe('Margins collapse; padding does not.');
    });

    it('undoes an action, and refuses to undo a note', async () => {
      const repository = await create();
      const suspend = action('s1', term, 'suspend', t0);
      await repository.commitActions([suspend]);
      const undone = await repository.commitUndo(undoAction('u1', suspend, t0 + minute));
      expect(undone.controls).toBe(undefined);
      expect((await repository.load()).controls.size).toBe(0);

      const edit = note('n1', topic, 'text', t0);
      await repository.commitActions([edit]);
      await expect(
        repository.commitUndo({
          kind: 'undo',
          id: 'u2',
          cardId: edit.cardId,
          cancelsEventId: edit.id,
          undoneAtMillis: t0 + minute,
        }),
      ).rejects.toThrow('has no review or action with that id');
    });

    it('merges two logs of actions into the same controls in either order', async () => {
      const fromLaptop = [
        action('s1', term, 'suspend', t0),
        flag('f1', term, t0 + 2 * minute, 1),
        note('n1', topic, 'laptop', t0),
      ];
      const fromPhone = [
        action('s2', term, 'unsuspend', t0 + minute),
        bury('b1', recall, t0, t0 + day),
        note('n2', topic, 'phone', t0 + minute),
      ];
      const one = await create();
      await one.mergeEvents(fromLaptop);
      await one.mergeEvents(fromPhone);
      const other = await create();
      await other.mergeEvents(fromPhone);
      await other.mergeEvents(fromLaptop);
      const [a, b] = [await one.load(), await other.load()];
      expect(a.controls).toEqual(b.controls);
      expect(a.notes).toEqual(b.notes);
      expect(a.controls.get(term)).toEqual({
        cardId: term,
        suspended: false,
        leech: false,
        flag: 1,
      });
      expect(a.controls.get(recall)?.buriedUntilMillis).toBe(t0 + day);
      expect(a.notes.get(topic)?.text).toBe('phone');
    });

    it('refuses a bury that lasts more than two days, and changes nothing', async () => {
      const repository = await create();
      await expect(
        repository.commitActions([
          action('s1', term, 'suspend', t0),
          bury('b1', recall, Date.now(), Date.now() + 3 * day),
        ]),
      ).rejects.toThrow('untilMillis');
      expect((await repository.load()).controls.size).toBe(0);
    });

    it('check and repair finds the controls and notes its commits wrote sound', async () => {
      const repository = await create();
      await repository.commitActions([
        action('s1', term, 'suspend', t0),
        note('n1', topic, 'text', t0),
      ]);
      const before = await repository.load();
      await repository.checkAndRepair();
      const after = await repository.load();
      expect(after.controls).toEqual(before.controls);
      expect(after.notes).toEqual(before.notes);
    });
  });
}
