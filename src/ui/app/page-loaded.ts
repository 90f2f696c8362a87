import { useEffect, useState } from 'react';

/**
 * Runs `run` once the page's load event has fired, at once when it already has. Returns what
 * stops a run still waiting.
 */
export function afterLoad(run: () => void): () => void {
  if (document.readyState === 'complete') {
    run();
    return () => {};
  }
  window.addEventListener('load', run, { once: true });
  return () => window.removeEventListener('load', run);
}

/** False until the page's load event has fired: for what the first screen can do without. */
export function usePageLoaded(): boolean {
  const [loaded, setLoaded] = useState(() => document.readyState === 'complete');
  useEffect(() => (loaded ? undefined : afterLoad(() => setLoaded(true))), [loaded]);
  return loaded;
}
