import type { CardId, TopicId } from './ids';
import type { FlagNumber } from './progress';

/**
 * What the learner set on a card besides its schedule, replayed from its action events (and its
 * reviews, for the leech mark). Only a card with some control has one.
 */
export interface CardControls {
  readonly cardId: CardId;
  readonly suspended: boolean;
  /** Buried while the time is before this: the start of the study day after the bury. */
  readonly buriedUntilMillis?: number;
  readonly flag?: FlagNumber;
  /** The card lapsed `settings.leechLapses` times (or a further half of that since). */
  readonly leech: boolean;
}

/** A topic's note as its latest note event left it. */
export interface TopicNote {
  readonly topicId: TopicId;
  readonly text: string;
  readonly atMillis: number;
}

/** A note's longest text: a note is a few lines, and every note loads at start-up. */
export const noteMaxLength = 10_000;

/** What the learner can do to cards from Browse, the study screen and the deck page. */
export type CardAction =
  | { readonly kind: 'suspend' }
  | { readonly kind: 'unsuspend' }
  | { readonly kind: 'bury' }
  | { readonly kind: 'flag'; readonly flag: FlagNumber | 0 }
  | { readonly kind: 'reset' }
  | { readonly kind: 'known' };

export const flagNames: Readonly<Record<FlagNumber, string>> = {
  1: 'Red',
  2: 'Orange',
  3: 'Green',
  4: 'Blue',
};

export function isSuspended(controls: ReadonlyMap<CardId, CardControls>, cardId: CardId): boolean {
  return controls.get(cardId)?.suspended === true;
}

export function isBuried(
  controls: ReadonlyMap<CardId, CardControls>,
  cardId: CardId,
  nowMillis: number,
): boolean {
  const until = controls.get(cardId)?.buriedUntilMillis;
  return until !== undefined && nowMillis < until;
}

/** The cards a queue or a count may hold now: not suspended, not buried. */
export function studyableCardIds(
  cardIds: readonly CardId[],
  controls: ReadonlyMap<CardId, CardControls>,
  nowMillis: number,
): readonly CardId[] {
  if (controls.size === 0) return cardIds;
  return cardIds.filter((id) => !isSuspended(controls, id) && !isBuried(controls, id, nowMillis));
}
