import type { CardControls, TopicNote } from '../domain/card-controls';
import type { CardId } from '../domain/ids';
import type { CardPhase, CardState, ProgressEvent, Rating } from '../domain/progress';
import { effectiveEvents } from './effective-reviews';

/** What a card's log replays to: its schedule, its controls, and for a note log the note. */
export interface CardReplay {
  /** Undefined while no review counts, or since a reset. */
  readonly state: CardState | undefined;
  /** Undefined when nothing is set. */
  readonly controls: CardControls | undefined;
  /** Only for a topic's note log (`noteOwnerId`): its latest note. */
  readonly note: TopicNote | undefined;
  /** The reviews that count, in replay order, each with its card's phase just before it. */
  readonly reviews: readonly PhasedReview[];
}

/** A review and the phase its card was in just before it: what true retention sorts on. */
export interface PhasedReview {
  readonly id: string;
  readonly rating: Rating;
  readonly reviewedAtMillis: number;
  readonly phaseBefore: CardPhase;
}

type Review = (
  state: CardState | undefined,
  cardId: CardId,
  rating: Rating,
  nowMillis: number,
  desiredRetention?: number,
) => CardState;

/**
 * Anki's leech rule: a card is a leech at `threshold` lapses, and again at every half threshold
 * beyond it, so a learner who unsuspends one hears of it again if it keeps failing.
 */
export function becomesLeech(lapsesBefore: number, lapsesAfter: number, threshold: number) {
  if (lapsesAfter <= lapsesBefore || lapsesAfter < threshold) return false;
  return (lapsesAfter - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}

/**
 * Folds a card's events (others are ignored) in time order: reviews through `review`, a reset
 * back to new, a mark as known as an Easy answer, and the actions into its controls. A review that
 * makes the card a leech (`leechLapses`) also suspends it.
 */
export function replayCard(
  review: Review,
  cardId: CardId,
  events: Iterable<ProgressEvent>,
  leechLapses: number,
): CardReplay {
  let state: CardState | undefined;
  let suspended = false;
  let leech = false;
  let buriedUntilMillis: number | undefined;
  let flag: CardControls['flag'];
  let note: TopicNote | undefined;
  const reviews: PhasedReview[] = [];
  const own = [...events].filter((event) => event.cardId === cardId);
  for (const event of effectiveEvents(own)) {
    switch (event.kind) {
      case 'review': {
        const lapsesBefore = state?.lapses ?? 0;
        const { id, rating, reviewedAtMillis } = event;
        reviews.push({ id, rating, reviewedAtMillis, phaseBefore: state?.phase ?? 'new' });
        state = review(state, cardId, event.rating, event.reviewedAtMillis, event.desiredRetention);
        if (becomesLeech(lapsesBefore, state.lapses, leechLapses)) {
          leech = true;
          suspended = true;
        }
        break;
      }
      case 'known':
        state = review(state, cardId, 4, event.atMillis);
        break;
      case 'reset':
        // Back to new: the lapses that made it a leech are gone too.
        state = undefined;
        leech = false;
        break;
      case 'suspend':
      case 'unsuspend':
        suspended = event.kind === 'suspend';
        break;
      case 'bury':
        buriedUntilMillis = event.untilMillis;
        break;
      case 'flag':
        flag = event.flag === 0 ? undefined : event.flag;
        break;
      case 'note':
        note = { topicId: event.topicId, text: event.text, atMillis: event.atMillis };
        break;
    }
  }
  const hasControls = suspended || leech || buriedUntilMillis !== undefined || flag !== undefined;
  return {
    state,
    controls: hasControls
      ? {
          cardId,
          suspended,
          leech,
          ...(buriedUntilMillis !== undefined ? { buriedUntilMillis } : {}),
          ...(flag !== undefined ? { flag } : {}),
        }
      : undefined,
    note,
    reviews,
  };
}
