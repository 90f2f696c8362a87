import { dayKey } from './day-boundary';

// Custom study's "more new cards today": a raise of one deck's new-card limit for one study day.
// It is a choice about today, not progress: it stays out of the review log and lapses on its own
// when the study day it names has passed.

export interface NewLimitRaise {
  /** The study day it holds for (`dayKey`). */
  readonly day: string;
  readonly extraNewCards: number;
}

export const newLimitRaiseRange = { min: 1, max: 9999 } as const;

/** Today's raise as `saved` holds it; 0 when it is from another day or is not a raise at all. */
export function extraNewCardsToday(
  saved: unknown,
  dayStartHour: number,
  nowMillis: number,
): number {
  if (typeof saved !== 'object' || saved === null) return 0;
  const { day, extraNewCards } = saved as Partial<Record<keyof NewLimitRaise, unknown>>;
  const valid =
    day === dayKey(nowMillis, dayStartHour) &&
    typeof extraNewCards === 'number' &&
    Number.isInteger(extraNewCards) &&
    extraNewCards > 0;
  return valid ? extraNewCards : 0;
}
