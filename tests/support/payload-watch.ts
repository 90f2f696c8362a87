import type { Page } from 'playwright-core';

// The hostile fixtures' payloads all set `window.__xss` or open a dialog: these tell whether any ran.

/** Dismisses every dialog the page opens and keeps its message. */
export function dismissedDialogs(page: Page): string[] {
  const messages: string[] = [];
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  return messages;
}

/** What a payload that ran would have left on the window. */
export function xssMarker(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as { __xss?: unknown }).__xss);
}
