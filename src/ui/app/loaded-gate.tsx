import type { ReactNode } from 'react';
import type { Loaded } from '../decks/use-decks';
import { NotFound } from './not-found';

/** What a page shows while its decks load, when they do not exist, or when loading failed. */
export function LoadedGate<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (value: T) => ReactNode;
}) {
  switch (loaded.status) {
    case 'loading':
      return (
        <div className="page">
          <p className="muted">Loading…</p>
        </div>
      );
    case 'missing':
      return <NotFound />;
    case 'failed':
      return (
        <div className="page narrow">
          <h1>Something went wrong</h1>
          <p role="alert">The deck failed to load: {loaded.error}</p>
        </div>
      );
    case 'ready':
      return children(loaded.value);
  }
}
