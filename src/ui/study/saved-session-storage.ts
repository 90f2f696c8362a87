import type { SavedStudySession } from '../../scheduler/saved-study-session';

// A study session's plain data lives in sessionStorage: per tab, as a session is, and gone with
// the tab. It is resumed only when this very page was reloaded (or came back by Back or
// Forward): opening Study again from the deck page starts a new session, as it always has.

const keyPrefix = 'recallmap:study-session:';

function openedByReload(): boolean {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  if (!entry || (entry.type !== 'reload' && entry.type !== 'back_forward')) return false;
  const opened = new URL(entry.name);
  return opened.pathname === location.pathname && opened.search === location.search;
}

/** The saved session of `key`, unchecked; undefined unless this page was reloaded. */
export function readSavedSession(key: string): unknown {
  if (!openedByReload()) return undefined;
  try {
    const text = sessionStorage.getItem(keyPrefix + key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    // Unreadable or refused storage: the session starts afresh.
    return undefined;
  }
}

/** Keeps `saved`, or forgets the session when there is nothing to resume. */
export function keepSavedSession(key: string, saved: SavedStudySession | undefined): void {
  try {
    if (saved) sessionStorage.setItem(keyPrefix + key, JSON.stringify(saved));
    else sessionStorage.removeItem(keyPrefix + key);
  } catch {
    // A full or refused storage loses only the resume after a reload.
  }
}
