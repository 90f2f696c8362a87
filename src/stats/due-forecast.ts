import type { CardState } from '../domain/progress';
import { countAtOrBelow } from '../domain/sorted-search';
import { dayKey, nextStudyDayStartMillis } from '../scheduler/day-boundary';
import { forecastDays, type KeptDueForecast } from '../scheduler/kept-due-forecast';

// The forecast reads card states only (one pass, a binary search each), never the review log: the
// states are the cache the storage loads at start-up.

interface ForecastDay {
  /** 0 today, 1 tomorrow, … */
  readonly dayOffset: number;
  readonly dayKey: string;
  readonly count: number;
}

export interface DueForecast {
  readonly days: readonly ForecastDay[];
  /** Cards due after the last day shown, not counted in `days`. */
  readonly later: number;
}

/**
 * How many cards fall due on each of the next `days` study days. Day 0 is today and holds every
 * card already overdue too, since that is what a learner faces today. New cards are left out:
 * they are not due, they wait for the daily new-card limit. The caller picks the cards (a deck's
 * study cards, say, or every card).
 */
export function dueForecast(
  states: Iterable<CardState>,
  nowMillis: number,
  dayStartHour: number,
  days: number = forecastDays,
): DueForecast {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`Day count ${days} is not positive`);
  // Ends of the study days, through the day-boundary helpers so a daylight-saving day is right.
  const ends: number[] = [];
  const keys: string[] = [];
  let start = nowMillis;
  for (let index = 0; index < days; index += 1) {
    keys.push(dayKey(start, dayStartHour));
    const end = nextStudyDayStartMillis(start, dayStartHour);
    ends.push(end);
    start = end;
  }
  const counts = new Array<number>(days).fill(0);
  let later = 0;
  for (const state of states) {
    if (state.phase === 'new') continue;
    const index = countAtOrBelow(ends, state.dueAtMillis);
    if (index < days) counts[index] = (counts[index] ?? 0) + 1;
    else later += 1;
  }
  return {
    days: counts.map((count, dayOffset) => ({ dayOffset, dayKey: keys[dayOffset] ?? '', count })),
    later,
  };
}

/** A forecast kept with the deck counts, and the day starts and moment it was counted at. */
interface KeptForecastRecord {
  readonly countedAtMillis: number;
  /** The starts of the study days after the count, ascending. */
  readonly dayStartsMillis: readonly number[];
  readonly dueForecast?: KeptDueForecast;
}

/**
 * The forecast at `nowMillis` from one kept at an earlier moment of the same stored states, equal
 * to `dueForecast` over those states; undefined when none was kept or its days do not reach
 * `days` study days past today.
 */
export function keptForecastAt(
  record: KeptForecastRecord,
  nowMillis: number,
  dayStartHour: number,
  days: number = forecastDays,
): DueForecast | undefined {
  const { countedAtMillis, dayStartsMillis, dueForecast: kept } = record;
  // Today ends at the first day start after now; forecast day k ends `k` day starts later.
  const today = countAtOrBelow(dayStartsMillis, nowMillis);
  const lastEnd = today + days - 1;
  if (!kept || nowMillis < countedAtMillis || lastEnd >= kept.dueBefore.length) return undefined;
  const dueBefore = (index: number) => kept.dueBefore[index] ?? 0;
  return {
    days: Array.from({ length: days }, (_, dayOffset) => ({
      dayOffset,
      dayKey:
        dayOffset === 0
          ? dayKey(nowMillis, dayStartHour)
          : dayKey(dayStartsMillis[today + dayOffset - 1] ?? Number.NaN, dayStartHour),
      count:
        dueBefore(today + dayOffset) - (dayOffset === 0 ? 0 : dueBefore(today + dayOffset - 1)),
    })),
    later: kept.total - dueBefore(lastEnd),
  };
}

export interface ForecastRow {
  /** `Today`, `Tomorrow`, then the day key; `Later` for the cards due past the forecast. */
  readonly label: string;
  /** Absent on the `Later` row. */
  readonly dayKey?: string;
  readonly count: number;
}

/** The forecast as table rows for a screen reader: only the days with cards due, then `Later`. */
export function forecastRows(forecast: DueForecast): ForecastRow[] {
  const rows: ForecastRow[] = [];
  for (const day of forecast.days) {
    if (day.count === 0) continue;
    const label = day.dayOffset === 0 ? 'Today' : day.dayOffset === 1 ? 'Tomorrow' : day.dayKey;
    rows.push({ label, dayKey: day.dayKey, count: day.count });
  }
  if (forecast.later > 0) rows.push({ label: 'Later', count: forecast.later });
  return rows;
}
