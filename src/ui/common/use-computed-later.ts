import { useEffect, useState } from 'react';

/**
 * `compute()` run in a task of its own after the render: undefined until then, and the previous
 * value while a newer one is computed. Pass a memoized function (`useCallback`): each new one is
 * run again, and the signal given to the one before is aborted, so that long work cut into tasks
 * can stop at its next one; what an aborted computation returns is dropped. For figures over
 * every card state: a page with several of them, each in its own task, never blocks input for
 * long at 100,000 cards, where one render computing them all did.
 */
export function useComputedLater<T>(
  compute: (signal: AbortSignal) => T | Promise<T>,
): T | undefined {
  const [value, setValue] = useState<{ readonly current: T }>();
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const computed = await compute(controller.signal);
      if (!controller.signal.aborted) setValue({ current: computed });
    }, 0);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [compute]);
  return value?.current;
}
