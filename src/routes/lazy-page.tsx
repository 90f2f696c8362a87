import { type ComponentType, lazy, useMemo } from 'react';

/** A page in a chunk of its own, which can be fetched ahead of the first render. */
export interface PageChunk {
  readonly preload: () => Promise<unknown>;
  /** The page once its chunk is in. */
  readonly loaded: () => ComponentType | undefined;
  /** The page as React.lazy renders it: suspending until its chunk is in. */
  readonly Suspending: ComponentType;
}

export function pageChunk(load: () => Promise<{ default: ComponentType }>): PageChunk {
  let page: ComponentType | undefined;
  const preload = () =>
    load().then((module) => {
      page = module.default;
      return module;
    });
  return { preload, loaded: () => page, Suspending: lazy(preload) };
}

/**
 * Renders a page whose chunk is in at once, and suspends for one that is not. React keeps a
 * Suspense fallback on screen for at least 300 ms, so a deep link whose page suspends at start-up
 * shows that much after its chunk has arrived; `main.tsx` fetches the first page's chunk first.
 */
export function LazyPage({ chunk }: { chunk: PageChunk }) {
  // Decided once per page: switching from the suspending form would mount the page again.
  const Ready = useMemo(() => chunk.loaded(), [chunk]);
  return Ready ? <Ready /> : <chunk.Suspending />;
}
