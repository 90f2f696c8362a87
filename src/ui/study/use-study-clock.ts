import { useEffect, useMemo, useState } from 'react';
import { nextDueChangeMillis } from '../../scheduler/next-due-change';
import { useAppStore } from '../common/app-store';

/**
 * The current time as the study pages need it: it moves on when the study day starts, when a
 * learning card comes due, and when the page is shown again (timers sleep with the computer),
 * so due counts and "No cards due" follow the clock with one timer and no polling. A study
 * session passes its learn-ahead limit: its learning cards come that much before their minute.
 */
export function useStudyClock(learnAheadMillis = 0): number {
  const states = useAppStore((state) => state.states);
  const dayStartHour = useAppStore((state) => state.settings.dayStartHour);
  const [nowMillis, setNowMillis] = useState(() => Date.now());
  const nextChangeMillis = useMemo(
    () => nextDueChangeMillis(states.values(), dayStartHour, nowMillis, learnAheadMillis),
    [states, dayStartHour, nowMillis, learnAheadMillis],
  );

  useEffect(() => {
    // A timer fired a little early still counts as the moment itself, so that the clock moves on
    // past it instead of waiting for the same moment again.
    const timer = setTimeout(
      () => setNowMillis(Math.max(Date.now(), nextChangeMillis)),
      Math.max(0, nextChangeMillis - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [nextChangeMillis]);

  useEffect(() => {
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') setNowMillis(Date.now());
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => document.removeEventListener('visibilitychange', onVisibilityChange);
  }, []);

  return nowMillis;
}
