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

/**
 * False in the first render, and until the page's load event has fired: for what the first screen
 * can do without. Never true in a first render, so that none imports code for it: a first render
 * in a transition (see main.tsx) shows nothing until such an import is in.
 */
export function usePageLoaded(): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => afterLoad(() => setLoaded(true)), []);
  return loaded;
}
