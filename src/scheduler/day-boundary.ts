// A study day runs from `dayStartHour` local time to the same hour the next calendar day, so a
// late-night session counts toward the day it started in. Everything goes through local `Date`
// fields rather than adding 24 hours: a day across a daylight-saving change lasts 23 or 25 hours.

interface CalendarDate {
  readonly year: number;
  readonly monthIndex: number;
  readonly day: number;
}

function checkHour(dayStartHour: number): void {
  if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
    throw new RangeError(`Day start hour ${dayStartHour} is not a whole hour 0-23`);
  }
}

function studyDate(nowMillis: number, dayStartHour: number): CalendarDate {
  checkHour(dayStartHour);
  const now = new Date(nowMillis);
  const year = now.getFullYear();
  const monthIndex = now.getMonth();
  const day = now.getDate();
  // Compare instants, not hours: when the start hour falls in a skipped hour `Date` moves it on.
  if (nowMillis >= new Date(year, monthIndex, day, dayStartHour).getTime()) {
    return { year, monthIndex, day };
  }
  // Noon of the day before can never fall in a daylight-saving gap.
  const previous = new Date(year, monthIndex, day - 1, 12);
  return { year: previous.getFullYear(), monthIndex: previous.getMonth(), day: previous.getDate() };
}

function formatDate({ year, monthIndex, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The study day `nowMillis` belongs to, as `YYYY-MM-DD` of the calendar day it starts on. */
export function dayKey(nowMillis: number, dayStartHour: number): string {
  return formatDate(studyDate(nowMillis, dayStartHour));
}

/** The last `count` study days up to the one `nowMillis` is in, oldest first, and when they start. */
export function recentStudyDays(
  nowMillis: number,
  dayStartHour: number,
  count: number,
): { readonly dayKeys: string[]; readonly startMillis: number } {
  const { year, monthIndex, day } = studyDate(nowMillis, dayStartHour);
  const dayKeys: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const noon = new Date(year, monthIndex, day - back, 12);
    dayKeys.push(
      formatDate({ year: noon.getFullYear(), monthIndex: noon.getMonth(), day: noon.getDate() }),
    );
  }
  const startMillis = new Date(year, monthIndex, day - (count - 1), dayStartHour).getTime();
  return { dayKeys, startMillis };
}

export function startOfStudyDayMillis(nowMillis: number, dayStartHour: number): number {
  const { year, monthIndex, day } = studyDate(nowMillis, dayStartHour);
  return new Date(year, monthIndex, day, dayStartHour).getTime();
}

export function nextStudyDayStartMillis(nowMillis: number, dayStartHour: number): number {
  const { year, monthIndex, day } = studyDate(nowMillis, dayStartHour);
  return new Date(year, monthIndex, day + 1, dayStartHour).getTime();
}
