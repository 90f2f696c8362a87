import type { CardControls, TopicNote } from '../domain/card-controls';
import type { CardId } from '../domain/ids';
import type { CardState, ProgressEvent, ReviewEvent, Settings } from '../domain/progress';
import { dayKey } from '../scheduler/day-boundary';
import { compareEventsByTime, effectiveReviews } from '../scheduler/effective-reviews';
import type { CardReplay } from '../scheduler/replay-card';
import {
  emptyTally,
  type RetentionTally,
  retentionDeltasBetween,
  sumTallies,
} from '../scheduler/retention-tally';
import type { Scheduler } from '../scheduler/scheduler';
import { keyPart } from './store-keys';

/** What one card's commit writes: computed before anything is written, by both repositories. */
export interface CardCommit {
  readonly cardId: CardId;
  /** Incoming events whose ids the card's log lacked. */
  readonly addedEvents: readonly ProgressEvent[];
  /** The replay of the whole log; undefined when no review counts. */
  readonly state: CardState | undefined;
  /**
   * Whether `state` differs from the replay of the stored log: a flag, a bury or a note leaves
   * the schedule alone, and its commit need not read and rewrite the card's state page.
   */
  readonly stateChanged: boolean;
  /** What the replay left set on the card; undefined when nothing. */
  readonly controls: CardControls | undefined;
  /** For a topic's note log, its note. */
  readonly note: TopicNote | undefined;
  /** Change of counted reviews per study day: a review adds one, an undo takes its day's back. */
  readonly reviewDeltaByDay: ReadonlyMap<string, number>;
  /**
   * Change of each study day's true-retention tally (see `retention-tally.ts`); undefined for a
   * day whose tally is no longer known, which true retention then counts again from the logs.
   */
  readonly retentionDeltaByDay: ReadonlyMap<string, RetentionTally | undefined>;
}

const countedIds = (reviews: readonly ReviewEvent[]) => new Set(reviews.map((review) => review.id));

/** The settings a card's replay and its day counts follow. */
export type ReplaySettings = Pick<Settings, 'dayStartHour' | 'leechLapses'>;

export function planCardCommit(
  cardId: CardId,
  storedEvents: readonly ProgressEvent[],
  incomingEvents: readonly ProgressEvent[],
  scheduler: Scheduler,
  settings: ReplaySettings,
): CardCommit {
  const knownIds = new Set(storedEvents.map((event) => event.id));
  const addedEvents: ProgressEvent[] = [];
  for (const event of incomingEvents) {
    if (event.cardId !== cardId || knownIds.has(event.id)) continue;
    knownIds.add(event.id);
    addedEvents.push(event);
  }
  const log = [...storedEvents, ...addedEvents];
  const before = effectiveReviews(storedEvents);
  const after = effectiveReviews(log);
  const { state, controls, note, reviews } = scheduler.replayCard(
    cardId,
    log,
    settings.leechLapses,
  );
  let storedReplay: CardReplay | undefined;
  const replayStored = () => {
    storedReplay ??= scheduler.replayCard(cardId, storedEvents, settings.leechLapses);
    return storedReplay;
  };
  // A review always moves the schedule; only a batch of actions is worth the second replay.
  const stateChanged =
    addedEvents.some((event) => event.kind === 'review' || event.kind === 'undo') ||
    !sameState(replayStored().state, state);
  // Events that all come after the stored ones leave the stored reviews' phases as they were, so
  // studying needs no second replay; an undo or an older event merged in may change them.
  const addedIds = new Set(addedEvents.map((event) => event.id));
  const storedReviews = appendsAfter(storedEvents, addedEvents)
    ? reviews.filter((review) => !addedIds.has(review.id))
    : replayStored().reviews;

  return {
    cardId,
    addedEvents,
    state,
    controls,
    note,
    stateChanged,
    reviewDeltaByDay: dayDeltasBetween(before, after, settings.dayStartHour),
    retentionDeltaByDay: retentionDeltasBetween(storedReviews, reviews, settings.dayStartHour),
  };
}

/** Whether every added event replays after every stored one, and none is an undo. */
function appendsAfter(
  storedEvents: readonly ProgressEvent[],
  addedEvents: readonly ProgressEvent[],
): boolean {
  if (addedEvents.some((event) => event.kind === 'undo')) return false;
  const latest = storedEvents.reduce<ProgressEvent | undefined>(
    (last, event) => (last === undefined || compareEventsByTime(event, last) > 0 ? event : last),
    undefined,
  );
  return (
    latest === undefined || addedEvents.every((event) => compareEventsByTime(event, latest) > 0)
  );
}

/** Field by field: two states, e.g. a page's and a fresh replay's, hold the same numbers. */
export function sameState(a: CardState | undefined, b: CardState | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof CardState>;
  return [...fields].every((field) => Object.is(a[field], b[field]));
}

/**
 * Counts move by the difference between what counted before and after, so a merge that brings
 * reviews and undos at once, in any order, adjusts the days exactly. Days are computed with the
 * day-start hour of now: if the setting changed since a review, its undo may take the count from
 * the neighbouring day (counts never go below zero). Rare, and only the heatmap would show it.
 */
export function dayDeltasBetween(
  before: readonly ReviewEvent[],
  after: readonly ReviewEvent[],
  dayStartHour: number,
): Map<string, number> {
  const reviewDeltaByDay = new Map<string, number>();
  const shift = (review: ReviewEvent, by: number) => {
    const day = dayKey(review.reviewedAtMillis, dayStartHour);
    reviewDeltaByDay.set(day, (reviewDeltaByDay.get(day) ?? 0) + by);
  };
  const beforeIds = countedIds(before);
  const afterIds = countedIds(after);
  for (const review of after) if (!beforeIds.has(review.id)) shift(review, 1);
  for (const review of before) if (!afterIds.has(review.id)) shift(review, -1);
  return reviewDeltaByDay;
}

/** Adds one card's day changes into the commit's total. */
export function addDayDeltas(
  total: Map<string, number>,
  deltas: ReadonlyMap<string, number>,
): void {
  for (const [day, delta] of deltas) total.set(day, (total.get(day) ?? 0) + delta);
}

/** Adds one card's tally changes into the commit's total; a day not known stays unknown. */
export function addRetentionDeltas(
  total: Map<string, RetentionTally | undefined>,
  deltas: ReadonlyMap<string, RetentionTally | undefined>,
): void {
  for (const [day, delta] of deltas) {
    const sum = total.has(day) ? total.get(day) : emptyTally;
    total.set(day, sum && delta ? sumTallies(sum, delta) : undefined);
  }
}

/** Groups events by card, keeping first-seen order of cards. */
export function groupByCard(events: readonly ProgressEvent[]): Map<CardId, ProgressEvent[]> {
  const groups = new Map<CardId, ProgressEvent[]>();
  for (const event of events) {
    const group = groups.get(event.cardId);
    if (group) group.push(event);
    else groups.set(event.cardId, [event]);
  }
  return groups;
}

/**
 * An undo must cancel a review or an action the card's log holds (a note is edited, not undone);
 * anything else is a caller's mistake.
 */
export function checkUndoTarget(storedEvents: readonly ProgressEvent[], undo: ProgressEvent): void {
  if (undo.kind !== 'undo') return;
  const target = storedEvents.find((event) => event.id === undo.cancelsEventId);
  if (target === undefined || target.kind === 'undo' || target.kind === 'note') {
    throw new Error(
      `Cannot undo ${undo.cancelsEventId}: card ${undo.cardId} has no review or action with that id`,
    );
  }
}

/**
 * Event ids are unique by themselves: an incoming event whose id the store holds for another card
 * is refused, since one of the two is not what it claims. `storedCardId` is the card the store
 * holds that id for, if any.
 */
export function checkIdOwner(
  event: ProgressEvent,
  storedCardId: string | undefined,
  action: string,
): void {
  if (storedCardId !== undefined && storedCardId !== event.cardId) {
    throw new Error(
      `${action}: event ${event.id} of card ${event.cardId} has the id of a stored event of card ${storedCardId}`,
    );
  }
}

/**
 * The card each stored event id belongs to, from the event keys alone (the first where an older
 * version stored one id twice). A merge reads them to keep ids unique across cards: merges are
 * rare, and a million keys take a fraction of a second.
 */
export function cardsOfEventIds(keys: readonly IDBValidKey[]): Map<string, string> {
  const cardOfId = new Map<string, string>();
  for (const key of keys) {
    const [owner, id] = [keyPart(key, 1), keyPart(key, 2)];
    if (owner !== undefined && id !== undefined && !cardOfId.has(id)) cardOfId.set(id, owner);
  }
  return cardOfId;
}
