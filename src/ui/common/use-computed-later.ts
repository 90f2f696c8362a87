import { useEffect, useState } from 'react';

/**
 * `compute()` run in a task of its own after the render: undefined until then, and the previous
 * value while a newer one is computed. Pass a memoized function (`useCallback`): each new one is
 * run again. For figures over every card state: a page with several of them, each in its own
 * task, never blocks input for long at 100,000 cards, where one render computing them all did.
 */
export function useComputedLater<T>(compute: () => T | Promise<T>): T | undefined {
  const [value, setValue] = useState<{ readonly current: T }>();
  useEffect(() => {
    let wanted = true;
    const timer = setTimeout(async () => {
      const computed = await compute();
      if (wanted) setValue({ current: computed });
    }, 0);
    return () => {
      wanted = false;
      clearTimeout(timer);
    };
  }, [compute]);
  return value?.current;
}
