import { Component, type ReactNode } from 'react';

interface State {
  readonly error?: Error;
}

/**
 * A page that throws while rendering shows what went wrong and a way home instead of a blank
 * screen; the header stays usable. Keyed by location by its parent, so navigating away resets it.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="page narrow">
        <h1>Something went wrong</h1>
        <p role="alert">The page failed to load: {this.state.error.message}</p>
        <p>
          {/* A full load: the page's code may be what failed to arrive. */}
          <a href="/">Back to your decks</a>
        </p>
      </div>
    );
  }
}
