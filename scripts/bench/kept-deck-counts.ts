import type { Page } from 'playwright-core';
import { changeStampKey, deckCountsKey } from '../../src/storage/store-keys.ts';

// The deck counts the app keeps for its next start (src/scheduler/recorded-deck-counts.ts), read
// and dropped in the page, as plain JavaScript: the bench waits until a visit has kept them, and
// measures a start without them.

/** Runs `body` on the app's progress store in the page; `body` is JavaScript over `store`. */
function inProgressStore(mode: IDBTransactionMode, body: string): string {
  return `(async () => {
  const db = await new Promise((resolve, reject) => {
    const opening = indexedDB.open('recallmap-progress');
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
  try {
    const tx = db.transaction('progress', '${mode}');
    const store = tx.objectStore('progress');
    const read = (key) => new Promise((resolve, reject) => {
      const request = store.get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const result = await (async () => { ${body} })();
    await new Promise((resolve) => { tx.oncomplete = resolve; tx.onabort = resolve; });
    return result;
  } finally {
    db.close();
  }
})()`;
}

/**
 * Whether the store holds deck counts for `deckCount` decks, kept at its current change stamp by
 * this version (with the heads of Study all due and their first cards, which older records lack).
 */
async function keptDeckCountsCurrent(page: Page, deckCount: number): Promise<boolean> {
  return page.evaluate(
    inProgressStore(
      'readonly',
      `const record = await read(${JSON.stringify(deckCountsKey)});
      const stamp = (await read(${JSON.stringify(changeStampKey)})) ?? 'unstamped';
      return record !== undefined && record.changeStamp === stamp &&
        record.decks.length === ${deckCount} && Array.isArray(record.studyHeads?.cards);`,
    ),
  ) as Promise<boolean>;
}

/** Waits, polling, until a page of the app has kept its deck counts (a few seconds after load). */
export async function waitForKeptDeckCounts(page: Page, deckCount: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await keptDeckCountsCurrent(page, deckCount))) {
    if (Date.now() > deadline) throw new Error('the app kept no deck counts within 2 minutes');
    await page.waitForTimeout(250);
  }
}

/** Drops the kept deck counts, so that the next start counts from the card states. */
export async function dropKeptDeckCounts(page: Page): Promise<void> {
  await page.evaluate(
    inProgressStore('readwrite', `store.delete(${JSON.stringify(deckCountsKey)});`),
  );
}
