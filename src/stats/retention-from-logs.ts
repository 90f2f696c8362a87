import type { CardId } from '../domain/ids';
import type { ProgressEvent } from '../domain/progress';
import {
  emptyTally,
  type RetentionTally,
  retentionByDay,
  sumTallies,
} from '../scheduler/retention-tally';
import type { Scheduler } from '../scheduler/scheduler';
import { type TrueRetention, trueRetention } from './true-retention';

/**
 * Each of `dayKeys`' tally counted from the logs: every card's log replayed, its reviews sorted
 * by phase. `events` must hold whole logs (all of a card's events, or none).
 */
export function countTallies(
  events: readonly ProgressEvent[],
  scheduler: Pick<Scheduler, 'replayCard'>,
  dayKeys: readonly string[],
  dayStartHour: number,
): Map<string, RetentionTally> {
  const logs = new Map<CardId, ProgressEvent[]>();
  for (const event of events) {
    const log = logs.get(event.cardId);
    if (log) log.push(event);
    else logs.set(event.cardId, [event]);
  }
  const tallies = new Map<string, RetentionTally>(dayKeys.map((day) => [day, emptyTally]));
  for (const [cardId, log] of logs) {
    const { reviews } = scheduler.replayCard(cardId, log, Number.POSITIVE_INFINITY);
    for (const [day, tally] of retentionByDay(reviews, dayStartHour)) {
      const sum = tallies.get(day);
      if (sum) tallies.set(day, sumTallies(sum, tally));
    }
  }
  return tallies;
}

/** True retention from the days' stored tallies; undefined when one of them is not known. */
export function keptRetention(
  tallies: ReadonlyMap<string, RetentionTally | undefined>,
): TrueRetention | undefined {
  const known = [...tallies.values()];
  return known.every((tally) => tally !== undefined) ? trueRetention(known) : undefined;
}
