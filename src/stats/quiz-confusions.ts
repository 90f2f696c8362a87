import type { QuizItem } from '../domain/deck';
import type { TopicId } from '../domain/ids';
import type { ProgressEvent } from '../domain/progress';
import { effectiveReviews } from '../scheduler/effective-reviews';

export interface Confusion {
  /** The topic whose question was missed in this pair most often (the first one missed on a tie). */
  readonly topicId: TopicId;
  /** The other title of the pair. */
  readonly confusedWithTitle: string;
  /** Wrong answers that mixed up the two, either way round. */
  readonly count: number;
}

interface PairTally {
  count: number;
  /** Per missed topic: how often its question drew the other title, and that title. */
  readonly directions: Map<TopicId, { count: number; otherTitle: string }>;
}

/**
 * The pairs of topics learners mix up most, from wrong quiz answers: the option picked against the
 * right one, counted per unordered pair of titles (A taken for B and B for A are one confusion).
 * Undone answers are skipped; events of cards that are no quiz item here are ignored. Ties keep
 * the order in which the pairs were first confused.
 */
export function topConfusions(
  events: Iterable<ProgressEvent>,
  quizItems: readonly QuizItem[],
  limit: number,
): Confusion[] {
  const items = new Map<string, QuizItem>(quizItems.map((item) => [item.id, item]));
  const pairs = new Map<string, PairTally>();
  for (const review of effectiveReviews(events)) {
    if (review.source !== 'quiz' || review.rating !== 1) continue;
    const item = items.get(review.cardId);
    if (!item || review.pickedOptionIndex === undefined) continue;
    const picked = item.options[review.pickedOptionIndex];
    const right = item.options[item.answerIndex];
    if (picked === undefined || right === undefined || picked === right) continue;
    // A NUL never occurs in a title, so the key cannot be forged by one.
    const key = picked < right ? `${picked}\u0000${right}` : `${right}\u0000${picked}`;
    let tally = pairs.get(key);
    if (!tally) {
      tally = { count: 0, directions: new Map() };
      pairs.set(key, tally);
    }
    tally.count += 1;
    const direction = tally.directions.get(item.topicId);
    if (direction) direction.count += 1;
    else tally.directions.set(item.topicId, { count: 1, otherTitle: picked });
  }

  const confusions: Confusion[] = [];
  for (const tally of pairs.values()) {
    let top: [TopicId, { count: number; otherTitle: string }] | undefined;
    for (const entry of tally.directions) if (!top || entry[1].count > top[1].count) top = entry;
    if (top) {
      confusions.push({
        topicId: top[0],
        confusedWithTitle: top[1].otherTitle,
        count: tally.count,
      });
    }
  }
  // Array#sort is stable, so equal counts stay in first-confused order.
  return confusions.sort((a, b) => b.count - a.count).slice(0, Math.max(0, limit));
}
