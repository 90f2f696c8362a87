import type { CardId } from '../domain/ids';
import type { CardPhase, CardState, ProgressEvent, Rating } from '../domain/progress';
import { effectiveReviews } from '../scheduler/effective-reviews';
import type { Scheduler } from '../scheduler/scheduler';

const dayMillis = 24 * 60 * 60 * 1000;

const retentionWindowDays = 30;

/** A review with the phase its card was in just before it: what true retention sorts on. */
export interface PhasedReview {
  readonly cardId: CardId;
  readonly rating: Rating;
  readonly reviewedAtMillis: number;
  readonly phaseBefore: CardPhase;
}

/**
 * Each review that counts (undone ones do not), in time order, with its card's phase before it,
 * found by replaying the reviews through the scheduler: one `review` call per review.
 *
 * The phase of a card's first review here comes from `statesBefore` (its state when these events
 * begin), or is `new` without one. So pass either whole per-card logs (e.g. `eventsForCard` of the
 * cards reviewed lately, a bounded read), or a window of events with the states at its start.
 * A window of events alone would count every card's first review in it as new and leave it out.
 */
export function phasedReviews(
  events: Iterable<ProgressEvent>,
  scheduler: Pick<Scheduler, 'review'>,
  statesBefore?: ReadonlyMap<CardId, CardState>,
): PhasedReview[] {
  const states = new Map<CardId, CardState | undefined>();
  const result: PhasedReview[] = [];
  for (const review of effectiveReviews(events)) {
    const before = states.has(review.cardId)
      ? states.get(review.cardId)
      : statesBefore?.get(review.cardId);
    result.push({
      cardId: review.cardId,
      rating: review.rating,
      reviewedAtMillis: review.reviewedAtMillis,
      phaseBefore: before?.phase ?? 'new',
    });
    states.set(
      review.cardId,
      scheduler.review(before, review.cardId, review.rating, review.reviewedAtMillis),
    );
  }
  return result;
}

/**
 * The cards with a review in the window: those whose state says they were last reviewed after its
 * start (a review in the window leaves the last review there or later). Their whole logs give
 * every review of the window its phase; no other card has one. At a million reviews this reads a
 * few percent of the log instead of all of it.
 */
export function cardsReviewedSince(
  states: Iterable<CardState>,
  nowMillis: number,
  days: number = retentionWindowDays,
): CardId[] {
  const sinceMillis = nowMillis - days * dayMillis;
  const cardIds: CardId[] = [];
  for (const state of states) {
    if ((state.lastReviewAtMillis ?? Number.NEGATIVE_INFINITY) > sinceMillis) {
      cardIds.push(state.cardId);
    }
  }
  return cardIds;
}

export interface TrueRetention {
  /** Reviews of cards in the review phase not answered Again. */
  readonly retained: number;
  /** Reviews of cards in the review phase. */
  readonly total: number;
  /** retained / total; undefined when there was no such review. */
  readonly rate: number | undefined;
}

/**
 * Anki's true retention: of the answers given to cards in the review phase (learning steps and
 * relearning excluded, they measure minutes, not memory) over the last `days` × 24 hours up to
 * `nowMillis`, the share not rated Again. One pass, no sort.
 *
 * At a million reviews the statistics page must not read the log on the main thread: pass only
 * the recent reviews (see `phasedReviews`); older ones are skipped anyway.
 */
export function trueRetention(
  reviews: Iterable<PhasedReview>,
  nowMillis: number,
  days: number = retentionWindowDays,
): TrueRetention {
  const sinceMillis = nowMillis - days * dayMillis;
  let retained = 0;
  let total = 0;
  for (const review of reviews) {
    if (review.phaseBefore !== 'review') continue;
    if (review.reviewedAtMillis <= sinceMillis || review.reviewedAtMillis > nowMillis) continue;
    total += 1;
    if (review.rating > 1) retained += 1;
  }
  return { retained, total, rate: total === 0 ? undefined : retained / total };
}
