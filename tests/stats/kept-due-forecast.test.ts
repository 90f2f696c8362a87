import { expect, it } from 'vitest';
import type { CardState } from '../../src/domain/progress';
import { studyDayStartsAfter } from '../../src/scheduler/count-deck-record';
import { nextStudyDayStartMillis } from '../../src/scheduler/day-boundary';
import { keepDueForecast } from '../../src/scheduler/kept-due-forecast';
import { dueForecast, keptForecastAt } from '../../src/stats/due-forecast';
import { cardState, phasesOrUnseen } from '../scheduler/card-states';
import { seededRandom } from '../scheduler/seeded-random';
import { describeInTimeZone } from '../support/time-zone';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const dayStartHour = 4;

/** 300 cards in random phases, due from ten days ago to forty days on. */
function randomStates(seed: number, countedAt: number): CardState[] {
  const random = seededRandom(seed);
  return Array.from({ length: 300 }, (_, index) => {
    const phase = phasesOrUnseen[Math.floor(random() * phasesOrUnseen.length)];
    const due = countedAt + Math.round((random() * 50 - 10) * day);
    return cardState(`css/topic-${index}:term`, phase === 'unseen' || !phase ? 'new' : phase, due);
  });
}

function keptAt(states: readonly CardState[], countedAt: number) {
  const dayStartsMillis = studyDayStartsAfter(countedAt, dayStartHour);
  return {
    countedAtMillis: countedAt,
    dayStartsMillis,
    dueForecast: keepDueForecast(states, dayStartsMillis),
  };
}

describeInTimeZone('Europe/Berlin', () => {
  // The spring daylight-saving change falls in the forecast: a study day of 23 hours.
  const countedAt = Date.parse('2026-03-20T08:00:00Z');

  it('gives the forecast of the states it was kept from, at any moment its days reach', () => {
    for (const seed of [1, 2, 3]) {
      const states = randomStates(seed, countedAt);
      const kept = keptAt(states, countedAt);
      const random = seededRandom(seed * 17);
      const moments = [
        countedAt,
        nextStudyDayStartMillis(countedAt, dayStartHour) - 1,
        nextStudyDayStartMillis(countedAt, dayStartHour),
        ...Array.from({ length: 20 }, () => countedAt + Math.round(random() * 25 * day)),
      ];
      for (const now of moments) {
        expect(keptForecastAt(kept, now, dayStartHour)).toEqual(
          dueForecast(states, now, dayStartHour),
        );
      }
    }
  });

  it('gives nothing before it was kept, past its days, or when none was kept', () => {
    const states = randomStates(4, countedAt);
    const kept = keptAt(states, countedAt);
    expect(keptForecastAt(kept, countedAt - 1, dayStartHour)).toBeUndefined();
    // Sixty study days are kept: the last 30-day forecast starts 30 days after the count.
    const lastToday = kept.dayStartsMillis[30] ?? Number.NaN;
    expect(keptForecastAt(kept, lastToday - 1, dayStartHour)).toBeDefined();
    expect(keptForecastAt(kept, lastToday, dayStartHour)).toBeUndefined();
    const { dueForecast: _, ...olderRecord } = kept;
    expect(keptForecastAt(olderRecord, countedAt, dayStartHour)).toBeUndefined();
  });
});
