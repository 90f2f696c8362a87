import { type CardAction, flagNames } from '../../domain/card-controls';

/** What the study screen says once an action on the card on screen is saved. */
export function cardActionNotice(action: CardAction): string {
  switch (action.kind) {
    case 'suspend':
      return 'Suspended: the card stays out of your studies until you unsuspend it in Browse.';
    case 'unsuspend':
      return 'Unsuspended.';
    case 'bury':
      return 'Buried until tomorrow.';
    case 'flag':
      return action.flag === 0
        ? 'Flag removed.'
        : `Flagged ${flagNames[action.flag].toLowerCase()}.`;
    case 'reset':
      return 'Progress reset: the card is new again.';
    case 'known':
      return 'Marked as known: the card comes back in a long while.';
  }
}

/** Said after the review that made the card a leech, which suspended it. */
export function leechNotice(lapses: number): string {
  const times = lapses === 1 ? 'once' : `${lapses} times`;
  return `This card is a leech: forgotten ${times}, it is now suspended. Reword its note, or unsuspend it in Browse.`;
}
