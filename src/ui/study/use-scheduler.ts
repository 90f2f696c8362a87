import { useMemo } from 'react';
import { type Scheduler, schedulerForSettings } from '../../scheduler/scheduler';
import { useAppStore } from '../common/app-store';

/**
 * The scheduler of the stored settings, for the pages that preview intervals. It is no part of the
 * progress store so that ts-fsrs loads with those pages, not with the app's first screen.
 */
export function useScheduler(): Scheduler {
  const settings = useAppStore((state) => state.settings);
  return useMemo(() => schedulerForSettings(settings, true), [settings]);
}
