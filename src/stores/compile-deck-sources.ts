import type { CompileResult, DeckSource } from '../domain/compile';
import type { CompileDecksReply, CompileDecksRequest } from '../workers/compile-decks-worker';

/** Above this much text a compile could freeze the page for a noticeable moment. */
export const workerThresholdChars = 200_000;

/**
 * Compiles in a worker when the sources are large, else here: starting a worker costs more than
 * compiling a deck or two. Should the worker fail to start, the main thread compiles instead;
 * slower, but the learner still gets the decks.
 */
export async function compileDeckSources(
  sources: readonly DeckSource[],
  reservedDeckIds: readonly string[],
): Promise<CompileResult> {
  const chars = sources.reduce(
    (total, source) => total + source.files.reduce((sum, file) => sum + file.content.length, 0),
    0,
  );
  if (chars > workerThresholdChars && typeof Worker !== 'undefined') {
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
