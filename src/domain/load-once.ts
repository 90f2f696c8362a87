/**
 * `load` run once, its promise shared by every call while it runs and after it succeeds. A failure
 * is not kept: the next call runs `load` again, so code that failed to arrive (the network dropped,
 * a deploy replaced the chunk) is asked for again rather than failing for the tab's life.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
