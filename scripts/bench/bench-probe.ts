import type { Page } from 'playwright-core';
import { awaitInPage, pageSession } from './await-in-page.ts';

// What the browser benchmarks read back from a page: moments stamped inside the page (ms since
// its navigation started, the clock `performance.now()` keeps), long tasks and the largest gaps
// of a heartbeat. Installed before the app's scripts as an init script; plain JavaScript in a
// string, since tsx wraps named TypeScript functions in a helper the page does not have.

export interface ProbeOptions {
  /** Bundled decks: the home page is ready when every one shows its `New: N`. */
  readonly deckCount: number;
  /** The statistics page is ready when it says `Total reviews: <this>`. */
  readonly totalReviewsText?: string;
  /** Run a zero-delay timer loop and record the largest gaps between its ticks. */
  readonly heartbeat?: boolean;
}

/** The key `pressKeysUntil` presses: one that no page of the app acts on. */
const probeKey = 'Shift';

export interface ProbeMarks {
  /** Every deck tile shows `New: N`. */
  home?: number;
  /** A `Show answer` button is on screen. */
  firstCard?: number;
  /** A click on `Study all due`. */
  studyAllClick?: number;
  /** `Total reviews: N`, the heatmap and the forecast are on screen. */
  stats?: number;
  /** Every deck's mastery and card counts are on screen on `/stats`: they need the card states. */
  statsDecks?: number;
  /** The true-retention line no longer says `Computing…`. */
  retention?: number;
  /** `/browse` shows rows of its card list. */
  browse?: number;
  /** And every deck's cards are in it. */
  browseAll?: number;
  /** A key typed in Browse's search field. */
  searchTyped?: number;
  /** After it, Browse says how many cards match. */
  searched?: number;
  /** A click on Browse's `Suspend`. */
  actionClick?: number;
  /** After it, Browse says how many cards it suspended. */
  actionDone?: number;
}

export interface ProbeState {
  /** When each condition first held in the DOM. */
  readonly marks: ProbeMarks;
  /** The first animation frame after each mark: the moment it can be painted. */
  readonly frames: ProbeMarks;
  /** PerformanceObserver 'longtask' entries: [startTime, duration]. */
  readonly longTasks: [number, number][];
  /** Heartbeat gaps over 50 ms: [start, length]. */
  readonly gaps: [number, number][];
  /** Rating key press to the study progress text's change, per review. */
  readonly reviews: number[];
  /** Presses of `probeKey`: [when the browser took it in, how long it waited for a handler]. */
  readonly keyWaits: [number, number][];
}

export function probeScript(options: ProbeOptions): string {
  return `(() => {
  const options = ${JSON.stringify(options)};
  const probe = { marks: {}, frames: {}, longTasks: [], gaps: [], reviews: [], keyWaits: [], pending: undefined };
  window.__benchProbe = probe;
  const frameWaiters = {};
  // Resolves with the frame stamped after the mark 'name' (see waitForMark).
  probe.frameOf = (name) => probe.frames[name] !== undefined
    ? Promise.resolve(probe.frames[name])
    : new Promise((resolve) => { (frameWaiters[name] ??= []).push(resolve); });
  const mark = (name) => {
    if (probe.marks[name] !== undefined) return;
    probe.marks[name] = performance.now();
    requestAnimationFrame(() => {
      probe.frames[name] = performance.now();
      for (const resolve of frameWaiters[name] ?? []) resolve(probe.frames[name]);
    });
  };
  const text = (element) => (element && element.textContent ? element.textContent.trim() : '');
  const conditions = {
    home: () => {
      if (location.pathname !== '/') return false;
      const tiles = document.querySelectorAll('.deck-tile');
      if (tiles.length !== options.deckCount) return false;
      for (const tile of tiles) {
        if (!/^New: \\d+$/.test(text(tile.querySelector('.count-new')))) return false;
      }
      return true;
    },
    firstCard: () => {
      if (!location.pathname.endsWith('/study')) return false;
      for (const button of document.querySelectorAll('main button')) {
        if (text(button).startsWith('Show answer')) return true;
      }
      return false;
    },
    stats: () => {
      if (location.pathname !== '/stats') return false;
      const total = document.querySelector('.big-figure');
      return text(total) === 'Total reviews: ' + options.totalReviewsText &&
        document.querySelector('svg.heatmap') !== null &&
        document.querySelector('svg.forecast') !== null;
    },
    statsDecks: () => {
      if (location.pathname !== '/stats') return false;
      const decks = document.querySelectorAll('.deck-stats');
      if (decks.length !== options.deckCount) return false;
      for (const deck of decks) {
        if ([...deck.querySelectorAll('p')].some((line) => text(line) === 'Computing…')) return false;
      }
      return true;
    },
    browse: () =>
      location.pathname === '/browse' &&
      document.querySelector('main ul[aria-label="Cards"] li') !== null,
    browseAll: () =>
      probe.marks.browse !== undefined &&
      [...document.querySelectorAll('main [role="status"]')].some((status) => / cards$/.test(text(status))),
    searched: () =>
      probe.marks.searchTyped !== undefined &&
      [...document.querySelectorAll('main [role="status"]')].some((status) => / match/.test(text(status))),
    actionDone: () =>
      probe.marks.actionClick !== undefined &&
      [...document.querySelectorAll('main [role="status"]')].some((status) => text(status).startsWith('Suspended')),
    // The true-retention line shows before the rest of the page: it needs no card state.
    retention: () => {
      const line = document.querySelector('section[aria-labelledby="retention-heading"] p');
      return line !== null && text(line) !== '' && !text(line).includes('Computing');
    },
  };
  const progressText = () => text(document.querySelector('.session-progress span')) || null;
  new MutationObserver(() => {
    for (const name in conditions) {
      if (probe.marks[name] === undefined && conditions[name]()) mark(name);
    }
    const pending = probe.pending;
    if (pending && progressText() !== pending.progress) {
      probe.pending = undefined;
      probe.reviews.push(performance.now() - pending.start);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });

  // On the window, in its capture phase: the first listener an input event reaches.
  window.addEventListener('keydown', (event) => {
    if (event.key === ${JSON.stringify(probeKey)}) probe.keyWaits.push([event.timeStamp, performance.now() - event.timeStamp]);
  }, { capture: true });
  document.addEventListener('keydown', (event) => {
    if (event.repeat || !['1', '2', '3', '4'].includes(event.key)) return;
    probe.pending = { start: performance.now(), progress: progressText() };
  }, { capture: true });
  document.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'search') {
      probe.marks.searchTyped = performance.now();
    }
  }, { capture: true });
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && text(button) === 'Suspend') probe.marks.actionClick = performance.now();
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (link && text(link) === 'Study all due') probe.marks.studyAllClick = performance.now();
  }, { capture: true });

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  if (options.heartbeat) {
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      if (now - last > 50) probe.gaps.push([last, now - last]);
      last = now;
      if (probe.marks.retention === undefined || now < probe.marks.retention + 500) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
  }
})();`;
}

/**
 * The probe's state in `page`, once the mark `name` has its frame stamped: awaited through the
 * DevTools protocol, which puts nothing of Playwright's in the page it times (`await-in-page.ts`).
 */
export async function waitForMark(page: Page, name: keyof ProbeMarks): Promise<ProbeState> {
  await awaitInPage(
    await pageSession(page),
    `window.__benchProbe.frameOf(${JSON.stringify(name)})`,
  );
  return readProbe(page);
}

export async function readProbe(page: Page): Promise<ProbeState> {
  const state = (await page.evaluate(
    `(() => { const p = window.__benchProbe; return { marks: p.marks, frames: p.frames, longTasks: p.longTasks, gaps: p.gaps, reviews: p.reviews, keyWaits: p.keyWaits }; })()`,
  )) as ProbeState;
  return state;
}

/** Between one press's handling and the next press: presses come about every 10 ms. */
const pressPauseMs = 5;

/**
 * Presses `probeKey` through Chromium's input pipeline (the DevTools protocol's Input domain, as a
 * keyboard's presses come), each once the last has been handled, until `mark`'s frame is stamped.
 * Gives the probe's state then, with when the page first painted.
 */
export async function pressKeysUntil(
  page: Page,
  mark: keyof ProbeMarks,
): Promise<{ state: ProbeState; firstPaintMs: number }> {
  const session = await page.context().newCDPSession(page);
  const key = { key: probeKey, code: 'ShiftLeft', windowsVirtualKeyCode: 16 };
  let marked = false;
  const pressing = (async () => {
    while (!marked) {
      await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
      await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
      await new Promise((resolve) => setTimeout(resolve, pressPauseMs));
    }
  })();
  try {
    await waitForMark(page, mark);
  } finally {
    marked = true;
    await pressing;
    await session.detach();
  }
  const firstPaintMs = (await page.evaluate(
    `performance.getEntriesByName('first-paint')[0]?.startTime ?? Number.NaN`,
  )) as number;
  return { state: await readProbe(page), firstPaintMs };
}

/** Bytes of JS heap in use in the page, after a full garbage collection, and before it. */
export async function heapUsage(page: Page): Promise<{ usedBytes: number; beforeGcBytes: number }> {
  const session = await page.context().newCDPSession(page);
  try {
    const before = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    await session.send('HeapProfiler.collectGarbage');
    const after = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    return { usedBytes: after.usedSize, beforeGcBytes: before.usedSize };
  } finally {
    await session.detach();
  }
}
