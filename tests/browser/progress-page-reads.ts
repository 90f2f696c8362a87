import type { Page } from 'playwright-core';

export interface StoredCardDue {
  readonly cardId: string;
  readonly dueAtMillis: number;
  readonly reps: number;
}

/** Reads the card states the app stored, straight from IndexedDB, as another client would. */
export function storedCardDues(page: Page): Promise<StoredCardDue[]> {
  return page.evaluate(
    () =>
      new Promise<StoredCardDue[]>((resolve, reject) => {
        const request = indexedDB.open('recallmap-progress');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const read = database
            .transaction('progress', 'readonly')
            .objectStore('progress')
            .getAll(IDBKeyRange.bound(['state'], ['state', []]));
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            database.close();
            const states = read.result as StoredCardDue[];
            resolve(
              states
                .map(({ cardId, dueAtMillis, reps }) => ({ cardId, dueAtMillis, reps }))
                .sort((a, b) => a.cardId.localeCompare(b.cardId)),
            );
          };
        };
      }),
  );
}

export function waitForSessionProgress(page: Page, text: string) {
  return page.waitForFunction(
    (expected) => document.querySelector('.session-progress span')?.textContent === expected,
    text,
  );
}

/** The `New: N`, `Learning: N`, `Due: N` texts of the page, in order. */
export async function countTexts(page: Page): Promise<string[]> {
  await page
    .getByText(/^New: \d+$/)
    .first()
    .waitFor();
  return page.locator('.counts li').allTextContents();
}
