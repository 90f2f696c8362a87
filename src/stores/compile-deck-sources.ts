import type { CompileResult, DeckSource } from '../domain/compile';
import type { CompileDecksReply, CompileDecksRequest } from '../workers/compile-decks-worker';

/**
 * Compiles in a worker, so that the page keeps answering whatever the decks hold: even a small
 * file can be written to be slow to parse, and the worker's start-up (a few milliseconds) is cheap
 * beside a frozen page. Where there is no Worker (tests in jsdom), or it fails to start, the main
 * thread compiles instead; slower to the eye, but the learner still gets the decks.
 */
export async function compileDeckSources(
  sources: readonly DeckSource[],
  reservedDeckIds: readonly string[],
): Promise<CompileResult> {
  if (typeof Worker !== 'undefined') {
    try {
      return await compileInWorker({ sources, reservedDeckIds });
    } catch {
      // Fall through to the main thread.
    }
  }
  // Loaded on demand: most visits import nothing, and the compiler is the bulk of this code.
  const { compileDecks } = await import('../compiler/compile-decks');
  return compileDecks(sources, { reservedDeckIds: new Set(reservedDeckIds) });
}

function compileInWorker(request: CompileDecksRequest): Promise<CompileResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/compile-decks-worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (message: MessageEvent<CompileDecksReply>) => {
      worker.terminate();
      if (message.data.ok) resolve(message.data.result);
      else reject(new Error(message.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(request);
  });
}
