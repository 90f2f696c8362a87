import type { CardId } from '../../domain/ids';
import type { ReviewEvent, Settings } from '../../domain/progress';
import type { CardDecks } from './card-deck-index';

/** The desired retention the card's deck sets for itself, if it does. */
function deckRetentionOf(
  settings: Settings,
  cardDecks: CardDecks,
  cardId: CardId,
): number | undefined {
  const deck = cardDecks.get(cardId);
  return deck === undefined ? undefined : settings.deckOptions[deck]?.desiredRetention;
}

/** The review with its deck's own retention, so that its replay schedules it the same way. */
export function withDeckRetention(
  review: ReviewEvent,
  settings: Settings,
  cardDecks: CardDecks,
): ReviewEvent {
  const desiredRetention = deckRetentionOf(settings, cardDecks, review.cardId);
  return desiredRetention === undefined ? review : { ...review, desiredRetention };
}
