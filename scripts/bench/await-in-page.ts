import type { CDPSession, Page } from 'playwright-core';

// Waiting on a page through Playwright (`waitForFunction`, a locator's `waitFor`) first evaluates
// Playwright's injected script in it: about 330 KB of JavaScript that the page's main thread
// parses and compiles, some 25 ms at normal CPU and 90 to 130 ms at 4×. A bench that waits that
// way while the app starts times Playwright's script as part of the app's start-up: it lands
// between the app's own tasks. The bench's probes instead stamp their moments in the page and
// resolve a promise of their own, awaited here through the DevTools protocol, which adds nothing
// to the page but the expression.

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One DevTools session per page, kept until the page closes. */
export function pageSession(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/**
 * The value of `expression`, a promise, once it settles in the page's current document; rejects
 * when it throws or does not settle within `timeoutMs`.
 */
export async function awaitInPage(
  session: CDPSession,
  expression: string,
  timeoutMs = 60_000,
): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${expression} did not settle in ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    const reply = await Promise.race([
      session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }),
      timedOut,
    ]);
    if (reply.exceptionDetails) {
      const why = reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text;
      throw new Error(`${expression} failed in the page: ${why}`);
    }
    return reply.result.value;
  } finally {
    clearTimeout(timer);
  }
}
