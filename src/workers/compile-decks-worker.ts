import { compileDecks } from '../compiler/compile-decks';
import type { CompileResult, DeckSource } from '../domain/compile';

export interface CompileDecksRequest {
  readonly sources: readonly DeckSource[];
  readonly reservedDeckIds: readonly string[];
}

export type CompileDecksReply =
  | { readonly ok: true; readonly result: CompileResult }
  | { readonly ok: false; readonly error: string };

// A whole roadmap imported at once is megabytes of markdown: compiling it here keeps the page
// answering meanwhile. The compiler is pure, so the result is the one the main thread would get.
self.onmessage = (message: MessageEvent<CompileDecksRequest>) => {
  let reply: CompileDecksReply;
  try {
    const { sources, reservedDeckIds } = message.data;
    reply = {
      ok: true,
      result: compileDecks(sources, { reservedDeckIds: new Set(reservedDeckIds) }),
    };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
