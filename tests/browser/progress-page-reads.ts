import type { Page } from 'playwright-core';
import { unpackStatePage } from '../../src/storage/state-page';

export interface StoredCardDue {
  readonly cardId: string;
  readonly dueAtMillis: number;
  readonly reps: number;
}

/** Reads the card states the app stored, straight from IndexedDB, as another client would. */
export async function storedCardDues(page: Page): Promise<StoredCardDue[]> {
  const rawPages = await page.evaluate(
    () =>
      new Promise<{ pageIndex: number; cardIds: string[]; numbers: number[] }[]>(
        (resolve, reject) => {
          const request = indexedDB.open('recallmap-progress');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const database = request.result;
            const store = database.transaction('progress', 'readonly').objectStore('progress');
            const range = IDBKeyRange.bound(['states'], ['states', []]);
            const values = store.getAll(range);
            const keys = store.getAllKeys(range);
            keys.onerror = () => reject(keys.error);
            keys.onsuccess = () => {
              database.close();
              resolve(
                keys.result.map((key, index) => {
                  const page = values.result[index] as { cardIds: string[]; numbers: Float64Array };
                  return {
                    pageIndex: (key as [string, number])[1],
                    cardIds: page.cardIds,
                    numbers: [...page.numbers],
                  };
                }),
              );
            };
          };
        },
      ),
  );
  return rawPages
    .flatMap(({ pageIndex, cardIds, numbers }) => {
      const unpacked = unpackStatePage({ cardIds, numbers: Float64Array.from(numbers) }, pageIndex);
      if (!unpacked.ok) throw new Error(`state page ${pageIndex}: ${unpacked.reason}`);
      return unpacked.value.states;
    })
    .map(({ cardId, dueAtMillis, reps }) => ({ cardId, dueAtMillis, reps }))
    .sort((a, b) => a.cardId.localeCompare(b.cardId));
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
