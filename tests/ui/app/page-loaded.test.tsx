import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterLoad, usePageLoaded } from '../../../src/ui/app/page-loaded';

function LoadState({ seen = [] }: { seen?: boolean[] }) {
  const loaded = usePageLoaded();
  seen.push(loaded);
  return <p>{loaded ? 'Loaded' : 'Loading'}</p>;
}

/** The document as it is before its load event, until `loaded` fires that event. */
function stillLoading() {
  const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
  return {
    loaded() {
      readyState.mockReturnValue('complete');
      window.dispatchEvent(new Event('load'));
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('usePageLoaded', () => {
  it('is false in the first render, and true once it is committed when the page has loaded', () => {
    const seen: boolean[] = [];
    render(<LoadState seen={seen} />);
    expect(screen.getByText('Loaded')).toBeDefined();
    expect(seen[0]).toBe(false);
  });

  it('turns true at the load event', () => {
    const page = stillLoading();
    render(<LoadState />);
    expect(screen.getByText('Loading')).toBeDefined();
    act(() => page.loaded());
    expect(screen.getByText('Loaded')).toBeDefined();
  });
});

describe('afterLoad', () => {
  it('runs at once when the page has loaded', () => {
    const run = vi.fn();
    afterLoad(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits for the load event, and runs once', () => {
    const page = stillLoading();
    const run = vi.fn();
    afterLoad(run);
    expect(run).not.toHaveBeenCalled();
    page.loaded();
    window.dispatchEvent(new Event('load'));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once stopped', () => {
    const page = stillLoading();
    const run = vi.fn();
    const stop = afterLoad(run);
    stop();
    page.loaded();
    expect(run).not.toHaveBeenCalled();
  });
});
