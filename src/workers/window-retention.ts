import type { CardState } from '../domain/progress';
import { emptyTally } from '../scheduler/retention-tally';
import type { Scheduler } from '../scheduler/scheduler';
import { countTallies, keptRetention } from '../stats/retention-from-logs';
import {
  cardsReviewedSince,
  retentionWindowDays,
  type TrueRetention,
  trueRetention,
} from '../stats/true-retention';
import type { ProgressRepository } from '../storage/progress-repository';

type TallyStore = Pick<ProgressRepository, 'readDayTallies' | 'fillDayTallies' | 'eventsForCards'>;

/**
 * True retention over the window ending at `nowMillis`, from the days' tallies. Days whose tally
 * was never kept (written by an older version, or given up by a repair) are counted from the logs
 * of the cards reviewed in the window, and the counts stored for next time: a cost paid once.
 */
export async function windowRetention(
  repository: TallyStore,
  states: () => Promise<Iterable<CardState>>,
  scheduler: () => Promise<Pick<Scheduler, 'replayCard'>>,
  nowMillis: number,
): Promise<TrueRetention> {
  const stored = await repository.readDayTallies(nowMillis, retentionWindowDays, true);
  const { dayKeys, startMillis, dayStartHour } = stored;
  const kept = keptRetention(stored.tallies);
  if (kept) return kept;
  const cardIds = cardsReviewedSince(await states(), startMillis);
  const [events, replayer] = await Promise.all([repository.eventsForCards(cardIds), scheduler()]);
  const counted = countTallies(events, replayer, dayKeys, dayStartHour);
  await repository.fillDayTallies(counted, stored.eventCount);
  return trueRetention(
    [...stored.tallies].map(([day, tally]) => tally ?? counted.get(day) ?? emptyTally),
  );
}
