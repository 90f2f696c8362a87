import type { CardId } from '../domain/ids';
import type { CardState, Settings } from '../domain/progress';
import { nextStudyDayStartMillis, startOfStudyDayMillis } from './day-boundary';

/** What a deck has used of today's limits. */
export interface TodayDeckCounts {
  /** Cards first reviewed today. */
  readonly newIntroduced: number;
  /** Cards answered today while in the review phase (learning steps do not count). */
  readonly reviewsDone: number;
}

export interface DeckCounts {
  /** Study cards never reviewed, before the daily limit applies. */
  readonly new: number;
  /** Study cards in learning or relearning, due or not. */
  readonly learning: number;
  /** Study cards due now, learning ones included. */
  readonly due: number;
}

export type QueueSettings = Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartHour'>;

const isUnseen = (state: CardState | undefined): boolean => !state || state.phase === 'new';

/**
 * Due now. A (re)learning card waits for its minute; a review card is due for its whole study day,
 * as in Anki: its interval is in days, and a card due at 20:00 should not hide from a morning
 * session.
 */
export function isDue(state: CardState, nowMillis: number, studyDayEndMillis: number): boolean {
  switch (state.phase) {
    case 'new':
      return false;
    case 'learning':
    case 'relearning':
      return state.dueAtMillis <= nowMillis;
    case 'review':
      return state.dueAtMillis < studyDayEndMillis;
  }
}

/** Today's use of the limits, from the marks each card state keeps; one pass over the deck. */
export function studiedToday(
  studyCardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
  dayStartHour: number,
  nowMillis: number,
): TodayDeckCounts {
  const dayStart = startOfStudyDayMillis(nowMillis, dayStartHour);
  let newIntroduced = 0;
  let reviewsDone = 0;
  for (const id of studyCardIds) {
    const state = states.get(id);
    if (!state) continue;
    if (state.firstReviewAtMillis >= dayStart) newIntroduced += 1;
    if (state.lastDueReviewAtMillis !== undefined && state.lastDueReviewAtMillis >= dayStart) {
      reviewsDone += 1;
    }
  }
  return { newIntroduced, reviewsDone };
}

export function deckCounts(
  studyCardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
  dayStartHour: number,
  nowMillis: number,
): DeckCounts {
  const dayEnd = nextStudyDayStartMillis(nowMillis, dayStartHour);
  let unseen = 0;
  let learning = 0;
  let due = 0;
  for (const id of studyCardIds) {
    const state = states.get(id);
    if (!state || isUnseen(state)) {
      unseen += 1;
      continue;
    }
    if (state.phase === 'learning' || state.phase === 'relearning') learning += 1;
    if (isDue(state, nowMillis, dayEnd)) due += 1;
  }
  return { new: unseen, learning, due };
}

/**
 * The cards to show next, in order: due (re)learning cards by due time, then due review cards by
 * due time (at most what is left of the review limit), then new cards in deck order (at most what
 * is left of the new limit). Learning cards have no limit: they were already introduced.
 *
 * One pass over the deck; only the due review cards that fit the limit get sorted, chosen with a
 * heap bounded by the limit, so a deck of 100,000 overdue cards costs n log 200, not n log n.
 */
export function buildReviewQueue(
  studyCardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
  today: TodayDeckCounts,
  settings: QueueSettings,
  nowMillis: number,
): CardId[] {
  const dayEnd = nextStudyDayStartMillis(nowMillis, settings.dayStartHour);
  const newLimit = Math.max(0, settings.newPerDay - today.newIntroduced);
  const reviewLimit = Math.max(0, settings.reviewsPerDay - today.reviewsDone);
  const learningDue: CardState[] = [];
  const newCards: CardId[] = [];
  const reviews = new EarliestDue(reviewLimit);

  for (let position = 0; position < studyCardIds.length; position += 1) {
    const id = studyCardIds[position];
    if (id === undefined) continue;
    const state = states.get(id);
    if (!state || isUnseen(state)) {
      if (newCards.length < newLimit) newCards.push(id);
    } else if (state.phase === 'review') {
      if (state.dueAtMillis < dayEnd) reviews.offer(state, position);
    } else if (state.dueAtMillis <= nowMillis) {
      learningDue.push(state);
    }
  }

  learningDue.sort((a, b) => a.dueAtMillis - b.dueAtMillis);
  return [...learningDue.map((state) => state.cardId), ...reviews.inOrder(), ...newCards];
}

interface QueueEntry {
  readonly dueAtMillis: number;
  readonly position: number;
  readonly cardId: CardId;
}

const comesAfter = (a: QueueEntry, b: QueueEntry): boolean =>
  a.dueAtMillis !== b.dueAtMillis ? a.dueAtMillis > b.dueAtMillis : a.position > b.position;

/** Keeps the `limit` earliest-due cards offered, ties broken by deck position: a bounded max-heap. */
class EarliestDue {
  private readonly heap: QueueEntry[] = [];
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  offer(state: CardState, position: number): void {
    if (this.limit === 0) return;
    const entry = { dueAtMillis: state.dueAtMillis, position, cardId: state.cardId };
    if (this.heap.length < this.limit) {
      this.heap.push(entry);
      this.siftUp(this.heap.length - 1);
    } else if (comesAfter(this.at(0), entry)) {
      this.heap[0] = entry;
      this.siftDown(0);
    }
  }

  inOrder(): CardId[] {
    return [...this.heap].sort((a, b) => (comesAfter(a, b) ? 1 : -1)).map((entry) => entry.cardId);
  }

  private at(index: number): QueueEntry {
    const entry = this.heap[index];
    if (!entry) throw new RangeError(`No queue entry at ${index}`);
    return entry;
  }

  private swap(a: number, b: number): void {
    const first = this.at(a);
    this.heap[a] = this.at(b);
    this.heap[b] = first;
  }

  private siftUp(start: number): void {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!comesAfter(this.at(index), this.at(parent))) return;
      this.swap(index, parent);
      index = parent;
    }
  }

  private siftDown(start: number): void {
    let index = start;
    for (;;) {
      let latest = index;
      for (const child of [2 * index + 1, 2 * index + 2]) {
        if (child < this.heap.length && comesAfter(this.at(child), this.at(latest))) latest = child;
      }
      if (latest === index) return;
      this.swap(index, latest);
      index = latest;
    }
  }
}
