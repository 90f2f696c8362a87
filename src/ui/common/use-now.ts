import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMillis`, so "due now" figures follow the clock. */
export function useNow(everyMillis = 30_000): number {
  const [nowMillis, setNowMillis] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMillis(Date.now()), everyMillis);
    return () => clearInterval(timer);
  }, [everyMillis]);
  return nowMillis;
}
