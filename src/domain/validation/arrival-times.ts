import type { ProgressEvent } from '../progress';
import { type Parsed, shown } from './parsed';
import { parseProgressEvent } from './progress-event';

// Loaded with the write path and the backup import, not at start-up.
//
// A time that enters storage fixes a card's schedule and a day's count for good: one far in the
// future hides the card until then, one before the app could exist lands on a day no chart shows.
// So every time that arrives (a commit, another tab, a backup, a sync) must lie between the
// earliest plausible review and a day after the moment it arrives; a day allows for clocks that
// disagree across devices and time zones.

/** 2000-01-01 00:00 UTC: earlier than any review a learner could have made with this app. */
export const earliestEventMillis = Date.UTC(2000, 0, 1);
const dayMillis = 24 * 60 * 60 * 1000;

/** The latest time an event arriving at `arrivedAtMillis` may carry. */
const latestEventMillis = (arrivedAtMillis: number) => arrivedAtMillis + dayMillis;

/** A value as given: numbers as they are, also where JSON would show null (Infinity, NaN). */
export function shownAsGiven(value: unknown): string {
  return value === undefined ? 'missing' : shown(value, 40);
}

const isoDay = (millis: number) => new Date(millis).toISOString().slice(0, 10);

/** Why `value` cannot be stored as the time `name` of an event arriving now; undefined when it can. */
export function arrivalTimeProblem(
  name: string,
  value: unknown,
  arrivedAtMillis: number,
): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `${name} is ${shownAsGiven(value)}, not a finite number`;
  }
  if (!Number.isInteger(value)) return `${name} is ${shownAsGiven(value)}, not a whole number`;
  const latest = latestEventMillis(arrivedAtMillis);
  if (value < earliestEventMillis || value > latest) {
    return `${name} is ${shownAsGiven(value)}, outside ${isoDay(earliestEventMillis)} to ${new Date(latest).toISOString()}`;
  }
  return undefined;
}

/** The problem with the times of one arriving event, undefined when there is none. */
function eventTimeProblem(event: ProgressEvent, arrivedAtMillis: number): string | undefined {
  switch (event.kind) {
    case 'review':
      return arrivalTimeProblem('reviewedAtMillis', event.reviewedAtMillis, arrivedAtMillis);
    case 'undo':
      return arrivalTimeProblem('undoneAtMillis', event.undoneAtMillis, arrivedAtMillis);
    case 'bury':
      // A bury lasts to the next study day's start: never more than two days (a DST day is 25 h).
      return (
        arrivalTimeProblem('atMillis', event.atMillis, arrivedAtMillis) ??
        (event.untilMillis > event.atMillis + 2 * dayMillis
          ? `untilMillis is ${shownAsGiven(event.untilMillis)}, more than two days after atMillis`
          : undefined)
      );
    default:
      return arrivalTimeProblem('atMillis', event.atMillis, arrivedAtMillis);
  }
}

/**
 * A batch that names one event id under two cards: ids are unique by themselves, so one of the
 * two is not what it claims. Returns a message naming both, or undefined.
 */
export function duplicateIdProblem(events: readonly ProgressEvent[]): string | undefined {
  const cardOfId = new Map<string, { cardId: string; position: number }>();
  for (const [index, event] of events.entries()) {
    const first = cardOfId.get(event.id);
    if (first === undefined) cardOfId.set(event.id, { cardId: event.cardId, position: index + 1 });
    else if (first.cardId !== event.cardId) {
      return `event ${index + 1} (id ${event.id}) reuses the id of event ${first.position}, which is for card ${first.cardId}, not ${event.cardId}`;
    }
  }
  return undefined;
}

/**
 * Events arriving at `arrivedAtMillis` (a commit, another tab's, a backup, a sync): all valid, with
 * times inside `arrivalTimeProblem`'s bounds and no id under two cards; else the first problem,
 * naming the event by its position and, once it has one, its id.
 */
export function parseArrivingEvents(
  values: readonly unknown[],
  arrivedAtMillis: number,
): Parsed<ProgressEvent[]> {
  const events: ProgressEvent[] = [];
  for (const [index, value] of values.entries()) {
    const parsed = parseProgressEvent(value);
    if (!parsed.ok) return { ok: false, reason: `event ${index + 1}: ${parsed.reason}` };
    const timeProblem = eventTimeProblem(parsed.value, arrivedAtMillis);
    if (timeProblem) {
      return { ok: false, reason: `event ${index + 1} (id ${parsed.value.id}): ${timeProblem}` };
    }
    events.push(parsed.value);
  }
  const duplicate = duplicateIdProblem(events);
  return duplicate ? { ok: false, reason: duplicate } : { ok: true, value: events };
}

/** `parseArrivingEvents`, throwing an Error that starts with `action` on the first problem. */
export function requireEvents(
  values: readonly unknown[],
  action: string,
  arrivedAtMillis: number,
): ProgressEvent[] {
  const parsed = parseArrivingEvents(values, arrivedAtMillis);
  if (!parsed.ok) throw new Error(`${action}: ${parsed.reason}`);
  return parsed.value;
}
