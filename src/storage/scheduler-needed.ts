import type { Settings } from '../domain/progress';
import type { Scheduler } from '../scheduler/scheduler';
import type { TransactionScope } from './idb-transaction';

// ts-fsrs and the card-log code are no part of the app's first screen: a sound store starts without
// them. Reads that find damage must replay cards, though, and learn so only inside a transaction,
// which cannot wait for a module to load. Such a transaction stops instead, writing nothing, with
// `schedulerNeeded` as its result; the repository loads the scheduler and runs it once more.

/** What a transaction that stopped to wait for the scheduler resolves with. */
export const schedulerNeeded: unique symbol = Symbol('the scheduler is needed');

/** A transaction's result, or `schedulerNeeded`. */
export type OrSchedulerNeeded<T> = T | typeof schedulerNeeded;

/**
 * The scheduler for these settings, inside one transaction; undefined when it has not loaded, and
 * the transaction has then stopped: the caller does nothing more.
 */
export type SchedulerIn = (settings: Settings) => Scheduler | undefined;

/** Gives a transaction that may stop for the scheduler its `SchedulerIn`. */
export type SchedulerInScope = <T>(scope: TransactionScope<OrSchedulerNeeded<T>>) => SchedulerIn;
