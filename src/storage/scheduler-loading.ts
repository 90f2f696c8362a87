import type { TransactionScope } from './idb-transaction';
import type { SchedulerForSettings } from './progress-repository';
import { type OrSchedulerNeeded, type SchedulerIn, schedulerNeeded } from './scheduler-needed';

/** A scheduler loaded on first need. */
export interface LazySchedulerFor {
  load(): Promise<SchedulerForSettings>;
}

/** The card-log reads and repairs, loaded with their first need. */
type CardLogsModule = typeof import('./idb-card-logs');

/** What the repository has loaded of the code that replays cards (see `scheduler-needed.ts`). */
export class SchedulerLoading {
  private readonly lazy: LazySchedulerFor;
  private loadedScheduler: SchedulerForSettings | undefined;
  private loadedCardLogs: CardLogsModule | undefined;

  constructor(schedulerFor: SchedulerForSettings | LazySchedulerFor) {
    if (typeof schedulerFor === 'function') this.loadedScheduler = schedulerFor;
    this.lazy =
      typeof schedulerFor === 'function' ? { load: async () => schedulerFor } : schedulerFor;
  }

  /** The card-log code when it has loaded. */
  get cardLogs(): CardLogsModule | undefined {
    return this.loadedCardLogs;
  }

  async loadCardLogs(): Promise<CardLogsModule> {
    this.loadedCardLogs ??= await import('./idb-card-logs');
    return this.loadedCardLogs;
  }

  /** Loads the scheduler, and the card-log code that replays with it. */
  async loadScheduler(): Promise<SchedulerForSettings> {
    await this.loadCardLogs();
    this.loadedScheduler ??= await this.lazy.load();
    return this.loadedScheduler;
  }

  /** The scheduler inside `scope`: when it has not loaded, `scope` stops with `schedulerNeeded`. */
  readonly schedulerIn = <T>(scope: TransactionScope<OrSchedulerNeeded<T>>): SchedulerIn => {
    return (settings) => {
      if (this.loadedScheduler) return this.loadedScheduler(settings);
      scope.abandon(schedulerNeeded);
      return undefined;
    };
  };

  /**
   * Runs a transaction that replays cards only to repair or migrate records; when it stopped for
   * the scheduler, loads it and runs the transaction again.
   */
  async run<T>(transaction: () => Promise<OrSchedulerNeeded<T>>): Promise<T> {
    const first = await transaction();
    if (first !== schedulerNeeded) return first;
    await this.loadScheduler();
    const second = await transaction();
    if (second === schedulerNeeded) throw new Error('The scheduler did not load');
    return second;
  }
}
