import { busyShareOfCore, describeShare, type MachineLoad } from './machine-load.ts';

// A browser measurement taken while another process used the CPU says more about that process
// than about the app: such a measurement is taken again, a few times at most, and kept marked
// busy when the machine never went quiet.

/** Repeats of one busy measurement before the bench keeps it as it is. */
const maxRepeats = 3;

/** What one measurement says of the machine's load while it ran, from `measureWhileWatching`. */
export interface LoadDuringRun {
  /** CPU other processes used during the measurement, in cores; null without /proc. */
  readonly othersCpuShare: number | null;
  /** The other process that used the most CPU meanwhile. */
  readonly busiest: string | null;
}

export interface WatchedRun extends LoadDuringRun {
  /** Measurements of the same slot discarded before this one because the machine was busy. */
  readonly repeatsBefore: number;
  /** Kept although the machine was still busy after every repeat. */
  readonly busy: boolean;
}

/** A `measureWhileWatching` answer as a run's load figures. */
export const loadDuringRun = (load: MachineLoad): LoadDuringRun => ({
  othersCpuShare: load.othersCpuShare ?? null,
  busiest: load.busiest ?? null,
});

/** What a series of measurements met: repeats, and whether /proc could tell the load at all. */
export interface BusyTally {
  repeats: number;
  loadKnown: boolean;
}

export const newBusyTally = (): BusyTally => ({ repeats: 0, loadKnown: true });

/**
 * Runs `measure` for the slot named `slot`; repeats it while another process used more than
 * `busyShareOfCore` of a core during the part it watched, up to `maxRepeats` times.
 */
export async function measureWhenQuiet<T extends LoadDuringRun>(
  slot: string,
  measure: () => Promise<T>,
  tally: BusyTally,
  log: (line: string) => void,
): Promise<T & WatchedRun> {
  for (let attempt = 0; ; attempt++) {
    const run = await measure();
    const { othersCpuShare } = run;
    if (othersCpuShare === null) tally.loadKnown = false;
    const busy = othersCpuShare !== null && othersCpuShare > busyShareOfCore;
    if (busy && attempt < maxRepeats) {
      tally.repeats++;
      log(
        `repeating ${slot}: another process used ${describeShare(othersCpuShare)}, the most ${run.busiest ?? 'unknown'}`,
      );
      continue;
    }
    if (busy) {
      log(
        `keeping ${slot} after ${maxRepeats} repeats: another process still used ${describeShare(othersCpuShare)}`,
      );
    }
    return { ...run, repeatsBefore: attempt, busy };
  }
}
