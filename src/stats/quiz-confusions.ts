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
 * The pairs of topics learners mix up most, from wrong quiz answers: the topic picked against the
 * right one, counted per unordered pair (A taken for B and B for A are one confusion). A false
 * statement judged true confuses the topic with the one the statement described; a true one
 * judged false names no other topic, so it counts for none. Undone answers are skipped; events of
 * cards that are no quiz item here are ignored. Ties keep the order in which the pairs were first
 * confused. `topicTitles` names the topics of options that are no titles (descriptions).
 */
export function topConfusions(
  events: Iterable<ProgressEvent>,
  quizItems: readonly QuizItem[],
  limit: number,
  topicTitles: ReadonlyMap<TopicId, string> = new Map(),
): Confusion[] {
  const items = new Map<string, QuizItem>(quizItems.map((item) => [item.id, item]));
  const pairs = new Map<string, PairTally>();
  for (const review of effectiveReviews(events)) {
    if (review.source !== 'quiz' || review.rating !== 1) continue;
    const item = items.get(review.cardId);
    if (!item || review.pickedOptionIndex === undefined) continue;
    const other = confusedWith(item, review.pickedOptionIndex, topicTitles);
    if (!other) continue;
    let tally = pairs.get(other.pairKey);
    if (!tally) {
      tally = { count: 0, directions: new Map() };
      pairs.set(other.pairKey, tally);
    }
    tally.count += 1;
    const direction = tally.directions.get(item.topicId);
    if (direction) direction.count += 1;
    else tally.directions.set(item.topicId, { count: 1, otherTitle: other.title });
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

/** The topic a wrong pick took the item's topic for, with a key its pair shares either way round. */
function confusedWith(
  item: QuizItem,
  picked: number,
  topicTitles: ReadonlyMap<TopicId, string>,
): { pairKey: string; title: string } | undefined {
  let other: TopicId | undefined;
  if (item.format === 'true-false') {
    // Only "True" to a statement of another topic's description names a second topic.
    if (picked === 0 && item.statedTopicId !== item.topicId) other = item.statedTopicId;
  } else if (item.optionTopicIds) {
    other = item.optionTopicIds[picked];
  } else {
    // Items compiled before options carried their topics: the options are the titles.
    const pickedTitle = item.options[picked];
    const right = item.options[item.answerIndex];
    if (pickedTitle === undefined || right === undefined || pickedTitle === right) return undefined;
    return { pairKey: unorderedKey(pickedTitle, right), title: pickedTitle };
  }
  if (other === undefined || other === item.topicId) return undefined;
  const title =
    topicTitles.get(other) ?? (item.format === 'pick-term' ? item.options[picked] : undefined);
  if (title === undefined) return undefined;
  return { pairKey: unorderedKey(`#${other}`, `#${item.topicId}`), title };
}

// A NUL never occurs in a title or an id, so a key cannot be forged by one.
const unorderedKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
