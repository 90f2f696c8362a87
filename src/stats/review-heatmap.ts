// The review calendar reads only the per-day counts the storage keeps beside the log
// (`ProgressSnapshot.reviewsByDay`), never the log itself: 365 map look-ups, whatever the number
// of reviews. Day keys are calendar dates, so stepping between them uses UTC arithmetic on the
// date alone; local milliseconds would make a daylight-saving day 23 or 25 hours long.

const dayMillis = 24 * 60 * 60 * 1000;

const heatmapDays = 365;
const heatmapLevels = 4;

interface HeatmapCell {
  /** The study day, `YYYY-MM-DD`. */
  readonly dayKey: string;
  readonly count: number;
  /** 0 for no review; 1-4 by quarters of the busiest day in the window. */
  readonly level: 0 | 1 | 2 | 3 | 4;
  /** Week column, 0 for the oldest week. */
  readonly column: number;
  /** Weekday row, 0 for `firstWeekday`. */
  readonly row: number;
}

export interface ReviewHeatmap {
  /** Oldest first, today last: `heatmapDays` cells. */
  readonly cells: readonly HeatmapCell[];
  /** Week columns the cells span (53 for 365 days). */
  readonly columns: number;
  readonly maxCount: number;
  readonly totalCount: number;
}

export interface HeatmapOptions {
  /** The weekday of the top row: 0 Sunday (the default) … 6 Saturday, as `Date#getUTCDay`. */
  readonly firstWeekday?: number;
  readonly days?: number;
}

const dayKeyPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of the calendar date a day key names; throws on anything but a real date. */
export function dayKeyToUtcMillis(dayKey: string): number {
  const match = dayKeyPattern.exec(dayKey);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const millis = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2026-02-30 over to March: a round trip catches it.
    if (utcMillisToDayKey(millis) === dayKey) return millis;
  }
  throw new RangeError(`Day key ${dayKey} is not a date YYYY-MM-DD`);
}

function utcMillisToDayKey(millis: number): string {
  const date = new Date(millis);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

function levelOf(count: number, maxCount: number): HeatmapCell['level'] {
  if (count <= 0 || maxCount <= 0) return 0;
  return Math.min(heatmapLevels, Math.ceil((count / maxCount) * heatmapLevels)) as 1 | 2 | 3 | 4;
}

/**
 * The last `days` study days up to and including `todayKey`, laid out as a calendar: one column
 * per week, one row per weekday. Levels are relative to the busiest day shown, so a light learner
 * still sees contrast; the counts stay exact for the text alternative.
 */
export function reviewsPerDay(
  reviewsByDay: ReadonlyMap<string, number>,
  todayKey: string,
  options: HeatmapOptions = {},
): ReviewHeatmap {
  const firstWeekday = options.firstWeekday ?? 0;
  const days = options.days ?? heatmapDays;
  if (!Number.isInteger(firstWeekday) || firstWeekday < 0 || firstWeekday > 6) {
    throw new RangeError(`First weekday ${firstWeekday} is not 0-6`);
  }
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`Day count ${days} is not positive`);

  const firstMillis = dayKeyToUtcMillis(todayKey) - (days - 1) * dayMillis;
  const firstRow = (new Date(firstMillis).getUTCDay() - firstWeekday + 7) % 7;
  const counted: { dayKey: string; count: number }[] = [];
  let maxCount = 0;
  let totalCount = 0;
  for (let index = 0; index < days; index += 1) {
    const key = utcMillisToDayKey(firstMillis + index * dayMillis);
    const count = Math.max(0, reviewsByDay.get(key) ?? 0);
    maxCount = Math.max(maxCount, count);
    totalCount += count;
    counted.push({ dayKey: key, count });
  }
  const cells = counted.map(({ dayKey, count }, index): HeatmapCell => {
    const slot = firstRow + index;
    return {
      dayKey,
      count,
      level: levelOf(count, maxCount),
      column: Math.floor(slot / 7),
      row: slot % 7,
    };
  });
  return { cells, columns: Math.ceil((firstRow + days) / 7), maxCount, totalCount };
}

export interface HeatmapMonthRow {
  /** `YYYY-MM`; the UI words it in the learner's locale. */
  readonly month: string;
  readonly reviews: number;
  /** Days of the month with at least one review. */
  readonly activeDays: number;
  /** Days of the month inside the window: the first and last months are partial. */
  readonly days: number;
}

/** The heatmap as a table a screen reader can read: one row per month, oldest first. */
export function heatmapMonthRows(heatmap: ReviewHeatmap): HeatmapMonthRow[] {
  const rows: HeatmapMonthRow[] = [];
  let current: { month: string; reviews: number; activeDays: number; days: number } | undefined;
  for (const cell of heatmap.cells) {
    const month = cell.dayKey.slice(0, 7);
    if (current?.month !== month) {
      if (current) rows.push(current);
      current = { month, reviews: 0, activeDays: 0, days: 0 };
    }
    current.reviews += cell.count;
    current.days += 1;
    if (cell.count > 0) current.activeDays += 1;
  }
  if (current) rows.push(current);
  return rows;
}

export interface HeatmapMonthLabel {
  /** `YYYY-MM`; the UI words it. */
  readonly month: string;
  /** The week column the label starts at: that of the month's first day in the window. */
  readonly column: number;
}

/**
 * Where each month begins on the calendar, for labels above its columns. A label needs
 * `minColumns` columns of room before the next: the first month, partly outside the window, goes
 * without one when it has fewer.
 */
export function heatmapMonthLabels(
  heatmap: ReviewHeatmap,
  minColumns: number,
): HeatmapMonthLabel[] {
  const labels: HeatmapMonthLabel[] = [];
  for (const cell of heatmap.cells) {
    const month = cell.dayKey.slice(0, 7);
    if (labels.at(-1)?.month !== month) labels.push({ month, column: cell.column });
  }
  const [first, second] = labels;
  if (first && second && second.column - first.column < minColumns) labels.shift();
  return labels;
}
