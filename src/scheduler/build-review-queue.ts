import type { CardId } from '../domain/ids';
import type { CardState } from '../domain/progress';
import { nextStudyDayStartMillis, startOfStudyDayMillis } from './day-boundary';
import { isUnseen, type QueueSettings, type TodayDeckCounts } from './deck-counts';
import { topicKeyOf, topicsAnsweredToday, waitsForSibling } from './sibling-cards';

// Apart from the counts in deck-counts.ts: the home page shows counts, only the study page
// builds queues, and the first screen should not carry this code.

/**
 * The cards to show next, in order: due (re)learning cards by due time, then due review cards by
 * due time (at most what is left of the review limit), then new cards in deck order (at most what
 * is left of the new limit). Learning cards have no limit: they were already introduced.
 *
 * With `siblingsWait`, a new or review card whose sibling was answered today waits for the next
 * study day, and the queue holds at most one new or review card of a topic: answering it makes
 * the others wait anyway.
 *
 * One pass over the deck; only the due review cards that fit the limit get sorted, chosen with a
 * heap bounded by the limit, so a deck of 100,000 overdue cards costs n log 200, not n log n.
 * `answeredToday` (`topicsAnsweredToday`, a pass over every state) may be given by a caller that
 * builds the queues of many decks at once.
 */
export function buildReviewQueue(
  studyCardIds: readonly CardId[],
  states: ReadonlyMap<CardId, CardState>,
  today: TodayDeckCounts,
  settings: QueueSettings,
  nowMillis: number,
  answeredTodayGiven?: ReadonlyMap<string, number>,
): CardId[] {
  const dayEnd = nextStudyDayStartMillis(nowMillis, settings.dayStartHour);
  const dayStart = startOfStudyDayMillis(nowMillis, settings.dayStartHour);
  const answeredToday = settings.siblingsWait
    ? (answeredTodayGiven ?? topicsAnsweredToday(states, dayStart, nowMillis))
    : new Map<string, number>();
  const newLimit = Math.max(0, settings.newPerDay - today.newIntroduced);
  const reviewLimit = Math.max(0, settings.reviewsPerDay - today.reviewsDone);
  const learningDue: CardState[] = [];
  const newCards: CardId[] = [];
  const newTopics = new Set<string>();
  const reviews = new EarliestDue(reviewLimit);

  for (let position = 0; position < studyCardIds.length; position += 1) {
    const id = studyCardIds[position];
    if (id === undefined) continue;
    const state = states.get(id);
    // Asked only of cards that would be shown: most of a large deck is neither new nor due.
    const waits = () =>
      settings.siblingsWait && waitsForSibling(id, state, answeredToday, dayStart);
    if (!state || isUnseen(state)) {
      if (newCards.length >= newLimit || waits()) continue;
      // One new card of a topic a day: the next topic's card takes the place of its sibling.
      if (settings.siblingsWait) {
        const topic = topicKeyOf(id);
        if (newTopics.has(topic)) continue;
        newTopics.add(topic);
      }
      newCards.push(id);
    } else if (state.phase === 'review') {
      if (state.dueAtMillis < dayEnd && !waits()) reviews.offer(state, position);
    } else if (state.dueAtMillis <= nowMillis) {
      learningDue.push(state);
    }
  }

  learningDue.sort((a, b) => a.dueAtMillis - b.dueAtMillis);
  const learning = learningDue.map((state) => state.cardId);
  if (!settings.siblingsWait) return [...learning, ...reviews.inOrder(), ...newCards];
  return [...learning, ...firstOfEachTopic([...reviews.inOrder(), ...newCards], learning)];
}

/** The first card of each topic not already `taken`. */
function firstOfEachTopic(queue: readonly CardId[], taken: readonly CardId[]): CardId[] {
  const seen = new Set(taken.map(topicKeyOf));
  return queue.filter((id) => {
    const topic = topicKeyOf(id);
    if (seen.has(topic)) return false;
    seen.add(topic);
    return true;
  });
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
