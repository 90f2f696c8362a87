import { dayKey } from './day-boundary';
import { extraNewCardsToday, type NewLimitRaise } from './new-limit-raise';

/** Today's raise after another of `by` cards: raises on one day add up. */
export function raiseNewLimit(
  saved: unknown,
  by: number,
  dayStartHour: number,
  nowMillis: number,
): NewLimitRaise {
  return {
    day: dayKey(nowMillis, dayStartHour),
    extraNewCards: extraNewCardsToday(saved, dayStartHour, nowMillis) + by,
  };
}
