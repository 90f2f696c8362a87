import { describe, expect, it } from 'vitest';
import { cardId } from '../../src/domain/ids';
import {
  arrivalTimeProblem,
  duplicateIdProblem,
  earliestEventMillis,
  parseArrivingEvents,
} from '../../src/domain/validation/arrival-times';
import { review, undo } from '../support/events';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 4, 4, 10);
const term = cardId('css/box-model:term');
const recall = cardId('css/box-model:recall');

describe('the times an event may bring into storage', () => {
  it('accepts 2000-01-01 00:00 UTC exactly, and refuses a millisecond before', () => {
    expect(earliestEventMillis).toBe(Date.parse('2000-01-01T00:00:00.000Z'));
    expect(arrivalTimeProblem('reviewedAtMillis', earliestEventMillis, now)).toBeUndefined();
    expect(arrivalTimeProblem('reviewedAtMillis', earliestEventMillis - 1, now)).toBe(
      'reviewedAtMillis is 946684799999, outside 2000-01-01 to 2026-05-05T10:00:00.000Z',
    );
  });

  it('accepts one day after the moment of arrival, and refuses a millisecond more', () => {
    expect(arrivalTimeProblem('reviewedAtMillis', now + day, now)).toBeUndefined();
    expect(arrivalTimeProblem('reviewedAtMillis', now + day + 1, now)).toMatch(
      /^reviewedAtMillis is 1777975200001, outside /,
    );
  });

  it('refuses what is no whole, finite number, naming the value as given', () => {
    const problem = (value: unknown) => arrivalTimeProblem('undoneAtMillis', value, now);
    expect(problem(now + 0.5)).toBe(`undoneAtMillis is ${now + 0.5}, not a whole number`);
    expect(problem(Number.NaN)).toBe('undoneAtMillis is NaN, not a finite number');
    expect(problem(Number.POSITIVE_INFINITY)).toBe(
      'undoneAtMillis is Infinity, not a finite number',
    );
    expect(problem(1e300)).toMatch(/^undoneAtMillis is 1e\+300, outside /);
    expect(problem(-8.64e15)).toMatch(/^undoneAtMillis is -8640000000000000, outside /);
    expect(problem(-1)).toMatch(/^undoneAtMillis is -1, outside /);
    expect(problem('2026-05-04')).toBe('undoneAtMillis is "2026-05-04", not a finite number');
  });

  it('finds one id given to events of two cards, but not a repeat on the same card', () => {
    const first = review('same', term, 3, now);
    expect(duplicateIdProblem([first, first])).toBeUndefined();
    expect(
      duplicateIdProblem([first, review('other', term, 3, now), { ...first, cardId: recall }]),
    ).toBe(
      'event 3 (id same) reuses the id of event 1, which is for card css/box-model:term, not css/box-model:recall',
    );
  });
});

describe('parseArrivingEvents', () => {
  it('names the event by position and id, and its time as given', () => {
    const events = [
      review('fine', term, 3, now),
      undo('late-undo', review('fine', term, 3, now), Date.UTC(2100, 0, 1)),
    ];
    expect(parseArrivingEvents(events, now)).toEqual({
      ok: false,
      reason:
        'event 2 (id late-undo): undoneAtMillis is 4102444800000, outside 2000-01-01 to 2026-05-05T10:00:00.000Z',
    });
  });

  it('refuses a negative or non-finite duration', () => {
    const negative = parseArrivingEvents([review('a', term, 3, now, { durationMillis: -5 })], now);
    expect(negative).toEqual({
      ok: false,
      reason: 'event 1: durationMillis is -5, not a number ≥ 0',
    });
    const endless = parseArrivingEvents(
      [review('a', term, 3, now, { durationMillis: Number.POSITIVE_INFINITY })],
      now,
    );
    expect(endless.ok || endless.reason).toBe(
      'event 1: durationMillis is Infinity, not a number ≥ 0',
    );
  });

  it('gives the events back when every time is inside the bounds', () => {
    const events = [review('a', term, 3, earliestEventMillis), review('b', term, 4, now + day)];
    expect(parseArrivingEvents(events, now)).toEqual({ ok: true, value: events });
  });
});
