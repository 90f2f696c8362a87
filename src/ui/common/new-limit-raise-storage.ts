import type { NewLimitRaise } from '../../scheduler/new-limit-raise';

// A deck's new-card limit raised for today lives in localStorage: every tab of this browser
// studies with it, and as it names its study day it needs no clearing. It is not progress, so it
// stays out of the review log and of backups, as a today-only choice should.

const keyOf = (deckId: string) => `recallmap:new-limit-raise:${deckId}`;

/** The raise kept for `deckId`, unchecked; undefined when none is kept or storage is refused. */
export function readNewLimitRaise(deckId: string): unknown {
  try {
    const text = localStorage.getItem(keyOf(deckId));
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Rejects when storage refuses it, for the form to say so. */
export function keepNewLimitRaise(deckId: string, raise: NewLimitRaise): void {
  localStorage.setItem(keyOf(deckId), JSON.stringify(raise));
}
