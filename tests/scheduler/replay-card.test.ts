import { describe, expect, it } from 'vitest';
import { isBuried, isSuspended } from '../../src/domain/card-controls';
import { cardId, topicId } from '../../src/domain/ids';
import { defaultSettings, noteOwnerId } from '../../src/domain/progress';
import { nextStudyDayStartMillis } from '../../src/scheduler/day-boundary';
import { becomesLeech } from '../../src/scheduler/replay-card';
import { createScheduler } from '../../src/scheduler/scheduler';
import { action, bury, flag, note, review, undo, undoAction } from '../support/events';
import { inTimeZone } from '../support/time-zone';

const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });
const term = cardId('css/box-model:term');
const minute = 60_000;
const day = 24 * 60 * minute;
const t0 = Date.UTC(2026, 4, 4, 10);
const { leechLapses } = defaultSettings;

const replay = (events: Parameters<typeof scheduler.replayCard>[1], threshold = leechLapses) =>
  scheduler.replayCard(term, events, threshold);

describe('replayCard', () => {
  inTimeZone('UTC');

  it('suspends and unsuspends in time order, and an undo takes a suspend back', () => {
    const suspend = action('s1', term, 'suspend', t0);
    expect(replay([suspend]).controls).toEqual({ cardId: term, suspended: true, leech: false });
    expect(replay([action('s2', term, 'unsuspend', t0 + minute), suspend]).controls).toBe(
      undefined,
    );
    expect(replay([suspend, undoAction('u1', suspend, t0 + minute)]).controls).toBe(undefined);
  });

  it('buries until the next study day begins: buried before 04:00, back after', () => {
    const until = nextStudyDayStartMillis(t0, defaultSettings.dayStartHour);
    const { controls } = replay([bury('b1', term, t0, until)]);
    const byCard = new Map(controls ? [[term, controls]] : []);
    expect(isBuried(byCard, term, until - 1)).toBe(true);
    expect(isBuried(byCard, term, until)).toBe(false);
    expect(isSuspended(byCard, term)).toBe(false);
    expect(new Date(until).toISOString()).toBe('2026-05-05T04:00:00.000Z');
  });

  it('keeps the latest flag, and a flag of 0 clears it', () => {
    expect(replay([flag('f1', term, t0, 1), flag('f2', term, t0 + 1, 3)]).controls?.flag).toBe(3);
    expect(replay([flag('f1', term, t0, 1), flag('f2', term, t0 + 1, 0)]).controls).toBe(undefined);
  });

  it('resets a card to new, and later reviews start over from there', () => {
    const reviewed = [review('r1', term, 3, t0), review('r2', term, 3, t0 + day)];
    expect(replay(reviewed).state?.reps).toBe(2);
    const reset = action('x1', term, 'reset', t0 + 2 * day);
    expect(replay([...reviewed, reset]).state).toBe(undefined);
    const after = replay([...reviewed, reset, review('r3', term, 3, t0 + 3 * day)]).state;
    expect(after?.reps).toBe(1);
    expect(after).toEqual(scheduler.review(undefined, term, 3, t0 + 3 * day));
  });

  it('marks a card known as an Easy answer would schedule it, without counting a review', () => {
    const known = replay([action('k1', term, 'known', t0)]).state;
    expect(known).toEqual(scheduler.review(undefined, term, 4, t0));
    expect(known?.phase).toBe('review');
    expect((known?.dueAtMillis ?? 0) - t0).toBeGreaterThan(day);
  });

  it('tags a card a leech and suspends it at the threshold of lapses, and tells it once', () => {
    // New → review with Good, then lapses: Again in review, Good back out of relearning.
    const events = [review('r0', term, 4, t0)];
    let at = t0;
    for (let lapse = 1; lapse <= 3; lapse += 1) {
      at += 30 * day;
      events.push(review(`a${lapse}`, term, 1, at));
      events.push(review(`g${lapse}`, term, 3, at + 10 * minute));
    }
    expect(replay(events, 3).state?.lapses).toBe(3);
    expect(replay(events, 3).controls).toEqual({ cardId: term, suspended: true, leech: true });
    expect(replay(events, 4).controls).toBe(undefined);
    // Unsuspended, it stays tagged until the next half threshold.
    const unsuspended = [...events, action('u', term, 'unsuspend', at + day)];
    expect(replay(unsuspended, 3).controls).toEqual({
      cardId: term,
      suspended: false,
      leech: true,
    });
    // Undoing the lapse that made it a leech takes the tag back.
    const lastLapse = events.at(-2);
    if (lastLapse?.kind !== 'review') throw new Error('expected a lapse');
    expect(replay([...events, undo('z', lastLapse, at + day)], 3).controls).toBe(undefined);
  });

  it('counts leech thresholds as Anki does: at the threshold, then every half of it', () => {
    expect([7, 8, 9, 11, 12, 16].map((lapses) => becomesLeech(lapses - 1, lapses, 8))).toEqual([
      false,
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(becomesLeech(8, 8, 8)).toBe(false);
  });

  it('keeps the latest note of a topic, an empty text included', () => {
    const topic = topicId('css/box-model');
    const owner = noteOwnerId(topic);
    const events = [note('n2', topic, 'second', t0 + minute), note('n1', topic, 'first', t0)];
    expect(scheduler.replayCard(owner, events, leechLapses).note).toEqual({
      topicId: topic,
      text: 'second',
      atMillis: t0 + minute,
    });
    const cleared = [...events, note('n3', topic, '', t0 + 2 * minute)];
    expect(scheduler.replayCard(owner, cleared, leechLapses).note?.text).toBe('');
    expect(scheduler.replayCard(owner, cleared, leechLapses).state).toBe(undefined);
  });
});
