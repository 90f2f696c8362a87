/**
 * Resolves in a task of its own, so that input waiting meanwhile is handled first: the boundary
 * between slices of long work (start-up's unpacking, check and repair, a large session's queue).
 * A message, not `setTimeout(0)`: timeouts chained five deep wait at least 4 ms each.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}
