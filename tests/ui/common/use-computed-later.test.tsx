import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useComputedLater } from '../../../src/ui/common/use-computed-later';

/** A computation that waits until the test lets it end, keeping the signal it was given. */
function heldComputation(value: string) {
  let finish: () => void = () => {};
  const computation = {
    signal: undefined as AbortSignal | undefined,
    ended: undefined as Promise<string> | undefined,
    finish: () => finish(),
    compute: (signal: AbortSignal) => {
      computation.signal = signal;
      computation.ended = new Promise<void>((resolve) => {
        finish = resolve;
      }).then(() => value);
      return computation.ended;
    },
  };
  return computation;
}

type Compute = (signal: AbortSignal) => string | Promise<string>;

describe('useComputedLater', () => {
  it('computes after the render, and shows the value once computed', async () => {
    const { result } = renderHook(() => useComputedLater(() => 42));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBe(42));
  });

  it('aborts the signal of a computation whose inputs changed, and drops what it returns', async () => {
    const older = heldComputation('older');
    const { result, rerender } = renderHook(({ compute }) => useComputedLater(compute), {
      initialProps: { compute: older.compute as Compute },
    });
    await waitFor(() => expect(older.signal).toBeDefined());
    expect(older.signal?.aborted).toBe(false);
    rerender({ compute: () => 'newer' });
    expect(older.signal?.aborted).toBe(true);
    await waitFor(() => expect(result.current).toBe('newer'));
    older.finish();
    await expect(older.ended).resolves.toBe('older');
    await waitFor(() => expect(result.current).toBe('newer'));
  });

  it('aborts the signal when the page using it goes', async () => {
    const running = heldComputation('gone');
    const { unmount } = renderHook(() => useComputedLater(running.compute));
    await waitFor(() => expect(running.signal).toBeDefined());
    unmount();
    expect(running.signal?.aborted).toBe(true);
  });
});
