import { default_w, forgetting_curve } from 'ts-fsrs/forgetting-curve';
import type { CardState } from '../domain/progress';
import { retrievabilityOn } from './retrievability';

/**
 * Current recall with the default FSRS weights, for the pages that show mastery. It does not
 * depend on the desired retention, so it needs no scheduler, and it imports only ts-fsrs's
 * forgetting curve (see `scripts/build/ts-fsrs-curve-alias.ts`): ts-fsrs stays off the first screen.
 */
export const fsrsRecall = {
  retrievability: (state: CardState | undefined, nowMillis: number) =>
    retrievabilityOn(
      (days, stability) => forgetting_curve(default_w, days, stability),
      state,
      nowMillis,
    ),
};
