import { createStore, type UseStore } from 'idb-keyval';
import { databaseMissing } from './database-missing';
import { IdbProgressRepository, progressStoreName } from './idb-progress-repository';
import type { ProgressRepository, SchedulerForSettings } from './progress-repository';
import type { LazySchedulerFor } from './scheduler-loading';
import type { StartupListeners } from './startup-read';

const progressDatabaseName = 'recallmap-progress';

export interface OpenedProgressRepository {
  readonly repository: ProgressRepository;
  /** False when progress lives in memory only: the UI warns that it will not be saved. */
  readonly persistent: boolean;
  /** Why IndexedDB could not be used. */
  readonly reason?: string;
}

export interface OpenProgressOptions {
  /** The app's default, loaded on first need: the settings' retention, fuzz on. */
  readonly schedulerFor?: SchedulerForSettings;
  readonly dbName?: string;
  /** Opens the idb-keyval store; replaced in tests to make IndexedDB fail. */
  readonly openStore?: (dbName: string) => UseStore;
  /** Read start-up's snapshot while opening, for the repository's first `load` (the app's start). */
  readonly withStartupRead?: boolean;
  /** With `withStartupRead`: given what start-up can show before the states load. */
  readonly startupListeners?: StartupListeners;
}

/** The app's scheduler, imported on first use so that ts-fsrs stays off the first screen. */
const appScheduler: LazySchedulerFor = {
  async load() {
    const { schedulerForSettings } = await import('../scheduler/scheduler');
    return (settings) => schedulerForSettings(settings, true);
  },
};

/** True when this browser never stored progress here; see `databaseMissing`. */
export function progressDatabaseMissing(dbName = progressDatabaseName): Promise<boolean> {
  return databaseMissing(dbName);
}

/**
 * IndexedDB when it works (opening and migrating succeed), else memory. Private windows and
 * locked-down browsers refuse IndexedDB or throw on first use; the app must still run.
 */
export async function openProgressRepository(
  options: OpenProgressOptions = {},
): Promise<OpenedProgressRepository> {
  const { dbName = progressDatabaseName } = options;
  const schedulerFor = options.schedulerFor ?? appScheduler;
  const fallback = async (reason: string): Promise<OpenedProgressRepository> => {
    const [{ InMemoryProgressRepository }, replayWith] = await Promise.all([
      import('./in-memory-progress-repository'),
      typeof schedulerFor === 'function' ? schedulerFor : schedulerFor.load(),
    ]);
    return { repository: new InMemoryProgressRepository(replayWith), persistent: false, reason };
  };
  if (!options.openStore && typeof indexedDB === 'undefined') {
    return fallback('This browser offers no IndexedDB');
  }
  try {
    const openStore = options.openStore ?? ((name: string) => createStore(name, progressStoreName));
    const repository = new IdbProgressRepository({ store: openStore(dbName), schedulerFor });
    await (options.withStartupRead
      ? repository.openWithStartupRead(options.startupListeners)
      : repository.open());
    return { repository, persistent: true };
  } catch (error) {
    return fallback(error instanceof Error ? error.message : String(error));
  }
}
