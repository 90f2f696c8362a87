import { describe, expect, it } from 'vitest';
import { awaitInPage, pageSession } from '../../scripts/bench/await-in-page';
import { probeScript, waitForMark } from '../../scripts/bench/bench-probe';
import { browserHarness } from '../support/browser';

const { baseUrl, openPage } = browserHarness();

describe("the bench's probe", () => {
  it('reports the first card with the frame after it, waited for through DevTools', async () => {
    const { context, page, errors } = await openPage();
    await context.addInitScript({ content: probeScript({ deckCount: 2 }) });
    await page.goto(`${baseUrl}/decks/python-asynchronous-frameworks/study`);

    const state = await waitForMark(page, 'firstCard');
    const shownAt = state.marks.firstCard ?? Number.NaN;
    expect(shownAt).toBeGreaterThan(0);
    expect(state.frames.firstCard).toBeGreaterThanOrEqual(shownAt);
    await expect(page.getByRole('button', { name: /^Show answer/ }).isVisible()).resolves.toBe(
      true,
    );
    expect(errors).toEqual([]);
  });

  it('says which expression failed in the page, and which never settled', async () => {
    const { page } = await openPage();
    await page.goto(`${baseUrl}/favicon.svg`);
    const session = await pageSession(page);

    await expect(awaitInPage(session, 'Promise.resolve(6 * 7)')).resolves.toBe(42);
    await expect(awaitInPage(session, 'Promise.reject(new Error("no probe"))')).rejects.toThrow(
      /Promise\.reject\(new Error\("no probe"\)\) failed in the page: Error: no probe/,
    );
    await expect(awaitInPage(session, 'new Promise(() => {})', 200)).rejects.toThrow(
      'new Promise(() => {}) did not settle in 200 ms',
    );
  });
});
