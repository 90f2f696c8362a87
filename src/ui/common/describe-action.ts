import { type CardAction, flagNames } from '../../domain/card-controls';
import { plural } from './plural';

/** What an action did, as its status line says it: "Suspended 1,000 cards". */
export function describeAction(action: CardAction, count: number): string {
  const cards = plural(count, 'card');
  switch (action.kind) {
    case 'suspend':
      return `Suspended ${cards}`;
    case 'unsuspend':
      return `Unsuspended ${cards}`;
    case 'bury':
      return `Buried ${cards} until tomorrow`;
    case 'flag':
      return action.flag === 0
        ? `Cleared the flag of ${cards}`
        : `Flagged ${cards} ${flagNames[action.flag].toLowerCase()}`;
    case 'reset':
      return `Reset ${cards} to new`;
    case 'known':
      return `Marked ${cards} as known`;
  }
}
