import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import type { SourceFile } from '../../src/domain/compile.ts';
import { cardPhases, defaultSettings } from '../../src/domain/progress.ts';
import { currentSchemaVersion } from '../../src/storage/schema-version.ts';
import { stateFields, statePageCount } from '../../src/storage/state-page.ts';
import {
  launchBenchPersistentContext,
  type PreviewServer,
  repoRoot,
  startPreview,
  viteBuild,
} from './bench-browser.ts';
import { generateCorpus } from './generate-corpus.ts';
import { waitForKeptDeckCounts } from './kept-deck-counts.ts';

// A large learner's profile: the app built around generated decks of about `cards` cards (a term,
// a recall and a quiz card per topic), and IndexedDB seeded directly in Chromium with card states
// and `events` review events, as years of use would leave them.

/**
 * Topics per bundled deck. The PWA plugin fails the build when a chunk exceeds its precache limit
 * (8 MiB): a generated topic compiles to about 2.6 KB of deck JSON, so one deck stays near 6 MB and
 * larger profiles are spread over several decks, as a learner with many roadmaps would have.
 */
const maxTopicsPerDeck = 2500;

interface BenchDeck {
  readonly id: string;
  readonly title: string;
  readonly studyCards: number;
  readonly cards: number;
}

interface SeedCounts {
  /** Card state records: about four in five cards, the rest never seen. */
  readonly states: number;
  readonly events: number;
  readonly days: number;
  readonly learning: number;
  readonly review: number;
}

export interface BenchProfile {
  /** e.g. "100,002 cards (80,103 states), 1,000,000 events". */
  readonly label: string;
  readonly cardCount: number;
  readonly decks: readonly BenchDeck[];
  readonly seeded: SeedCounts;
  readonly baseUrl: string;
  /** Whether the seeded IndexedDB data came from an earlier process's copy. */
  readonly reused: boolean;
  readonly buildMs: number;
  /** Seeding, or copying the seeded profile of an earlier run. */
  readonly seedMs: number;
  /** A new browser on the seeded profile folder, the given script run before the app's. */
  open(initScript?: string): Promise<{ context: BrowserContext; page: Page }>;
  /**
   * The same on a profile with no progress, the reference start-up is held to: the app and its
   * decks in the HTTP cache and its databases created by one earlier visit, nothing studied. A
   * copy of that profile each time.
   */
  openEmpty(initScript?: string): Promise<{ context: BrowserContext; page: Page }>;
}

const profiles = new Map<string, Promise<BenchProfile>>();
const servers: PreviewServer[] = [];

/**
 * The profile with about `cards` cards and `events` review events, in
 * `.bench/profile-<cards>-<events>/`: the app is built once per process (later calls share it);
 * the seeded IndexedDB data is reused for a day when the app is served on the same port again
 * (set RECALLMAP_BENCH_RESEED=1 to seed afresh).
 */
export function benchProfile(cards: number, events: number): Promise<BenchProfile> {
  const key = `${cards}-${events}`;
  let profile = profiles.get(key);
  if (!profile) {
    profile = createProfile(cards, events);
    profiles.set(key, profile);
    profile.catch(() => profiles.delete(key));
  }
  return profile;
}

/** Stops the preview servers of every profile made so far. */
export async function closeBenchProfiles(): Promise<void> {
  profiles.clear();
  await Promise.all(servers.splice(0).map((server) => server.stop()));
}

const formatCount = (value: number) => value.toLocaleString('en');

/** How `cards` cards split into decks: three cards a topic, at most `maxTopicsPerDeck` a deck. */
function deckLayout(cards: number): number[] {
  const topics = Math.ceil(cards / 3);
  const deckCount = Math.ceil(topics / maxTopicsPerDeck);
  const perDeck = Math.ceil(topics / deckCount);
  return Array.from({ length: deckCount }, (_, index) =>
    Math.min(perDeck, topics - index * perDeck),
  );
}

/** Writes the generated decks (`bench-deck-1`…) under `decksDir`; returns them compiled. */
async function writeDecks(decksDir: string, cards: number) {
  const root = path.join(repoRoot, decksDir);
  await rm(root, { recursive: true, force: true });
  const compiled: { deck: BenchDeck; cardIds: string[]; contentHashes: string[] }[] = [];
  const layout = deckLayout(cards);
  for (const [index, topics] of layout.entries()) {
    const title = `Bench deck ${index + 1}`;
    const folderName = `bench-deck-${index + 1}`;
    const folder = path.join(root, folderName);
    await mkdir(folder, { recursive: true });
    const index_: SourceFile = { path: `${folderName}/index.md`, content: `# ${title}\n` };
    const files = [index_, ...generateCorpus(topics, `bench-profile-${index + 1}`, folderName)];
    for (const file of files) {
      await writeFile(path.join(folder, path.basename(file.path)), file.content);
    }
    const deck = compileDecks([{ path: folderName, layout: 'topic-folder', files }]).decks[0];
    if (deck?.id !== folderName) {
      throw new Error(`bench deck ${folderName} compiled to id ${deck?.id ?? 'none'}`);
    }
    compiled.push({
      deck: {
        id: deck.id,
        title: deck.title,
        studyCards: deck.cards.filter((card) => card.kind !== 'quiz').length,
        cards: deck.cards.length,
      },
      cardIds: deck.cards.map((card) => card.id),
      contentHashes: deck.cards.map((card) => card.contentHash),
    });
  }
  return compiled;
}

/** Bumped whenever `seedScript` changes what it writes, so older seeded profiles are not reused. */
const seedVersion = 6;
/** A seeded profile is reused for a day; after that its due dates have drifted too far from now. */
const reuseForMillis = 86_400_000;

interface SeedMarker {
  readonly seedVersion: number;
  readonly port: number;
  readonly cardIdsHash: string;
  readonly eventCount: number;
  readonly seededAtMillis: number;
  readonly counts: SeedCounts;
}

/** IndexedDB data belongs to an origin, port included: each profile keeps to one port. */
function preferredPort(key: string): number {
  let sum = 0;
  for (const char of key) sum = (sum * 31 + char.charCodeAt(0)) % 1000;
  return 47_000 + sum;
}

async function readMarker(file: string): Promise<SeedMarker | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SeedMarker;
  } catch {
    return undefined;
  }
}

async function createProfile(cards: number, events: number): Promise<BenchProfile> {
  const key = `${cards}-${events}`;
  const folder = path.join(repoRoot, `.bench/profile-${key}`);
  const decksDir = `.bench/profile-${key}/decks`;
  const distDir = `.bench/profile-${key}/dist`;
  // The profile the runs use, and the pristine copy taken right after seeding: runs that review
  // cards change the first, and the next process starts again from the second.
  const userDataDir = path.join(folder, 'chromium');
  const seededDir = path.join(folder, 'chromium-seeded');
  const markerFile = path.join(folder, 'seeded.json');

  const buildStart = performance.now();
  const compiled = await writeDecks(decksDir, cards);
  await viteBuild(distDir, { RECALLMAP_DECKS_DIR: decksDir });
  const buildMs = performance.now() - buildStart;

  const server = await startPreview(distDir, preferredPort(key));
  servers.push(server);
  const port = Number(new URL(server.baseUrl).port);
  const cardIds = compiled.flatMap((entry) => entry.cardIds);
  const cardIdsHash = createHash('sha256').update(cardIds.join('\n')).digest('hex');

  const openFolder = async (folderPath: string, initScript?: string) => {
    const context = await launchBenchPersistentContext(folderPath);
    if (initScript) await context.addInitScript({ content: initScript });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(180_000);
    return { context, page };
  };
  const open = (initScript?: string) => openFolder(userDataDir, initScript);

  const seedStart = performance.now();
  const marker = await readMarker(markerFile);
  const reusable =
    process.env.RECALLMAP_BENCH_RESEED !== '1' &&
    marker?.seedVersion === seedVersion &&
    marker.port === port &&
    marker.cardIdsHash === cardIdsHash &&
    marker.eventCount === events &&
    Date.now() - marker.seededAtMillis < reuseForMillis &&
    (await stat(seededDir).catch(() => undefined)) !== undefined;
  await rm(userDataDir, { recursive: true, force: true });
  let seeded: SeedCounts;
  if (reusable) {
    await cp(seededDir, userDataDir, { recursive: true, verbatimSymlinks: true });
    seeded = marker.counts;
  } else {
    await rm(seededDir, { recursive: true, force: true });
    await rm(markerFile, { force: true });
    await mkdir(userDataDir, { recursive: true });
    const seededAtMillis = Date.now();
    const { context, page } = await open();
    try {
      // A page of the origin that does not start the app, which would open the database itself.
      await page.goto(`${server.baseUrl}/favicon.svg`);
      seeded = (await page.evaluate(
        seedScript({
          cardIds,
          contentHashes: compiled.flatMap((entry) => entry.contentHashes),
          eventCount: events,
          nowMillis: seededAtMillis,
        }),
      )) as SeedCounts;
    } finally {
      await context.close();
    }
    await cp(userDataDir, seededDir, { recursive: true, verbatimSymlinks: true });
    const written: SeedMarker = {
      seedVersion,
      port,
      cardIdsHash,
      eventCount: events,
      seededAtMillis,
      counts: seeded,
    };
    await writeFile(markerFile, `${JSON.stringify(written, null, 2)}\n`);
  }
  const seedMs = performance.now() - seedStart;

  // A first visit fills the HTTP cache (the app and every deck, which studying all due cards
  // loads) and lets the home page keep its deck counts: every measured run is a returning
  // learner's visit.
  const firstVisit = async (folderPath: string) => {
    const { context, page } = await openFolder(folderPath);
    try {
      await page.goto(`${server.baseUrl}/`);
      await page
        .getByText(/^New: \d+$/)
        .nth(compiled.length - 1)
        .waitFor();
      await waitForKeptDeckCounts(page, compiled.length);
      await page.goto(`${server.baseUrl}/study`);
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();
    } finally {
      await context.close();
    }
  };
  await firstVisit(userDataDir);
  const emptyDir = path.join(folder, 'chromium-empty');
  const emptySeededDir = path.join(folder, 'chromium-empty-visited');
  await rm(emptySeededDir, { recursive: true, force: true });
  await mkdir(emptySeededDir, { recursive: true });
  await firstVisit(emptySeededDir);
  const openEmpty = async (initScript?: string) => {
    await rm(emptyDir, { recursive: true, force: true });
    await cp(emptySeededDir, emptyDir, { recursive: true, verbatimSymlinks: true });
    return openFolder(emptyDir, initScript);
  };

  const label = `${formatCount(cardIds.length)} cards (${formatCount(seeded.states)} states), ${formatCount(seeded.events)} events`;
  process.stderr.write(
    `bench: profile of ${label} in ${compiled.length} deck${compiled.length === 1 ? '' : 's'}: built in ${(buildMs / 1000).toFixed(1)} s, ${reusable ? 'seeded data of an earlier run copied' : 'seeded'} in ${(seedMs / 1000).toFixed(1)} s\n`,
  );
  return {
    label,
    cardCount: cardIds.length,
    decks: compiled.map((entry) => entry.deck),
    seeded,
    reused: reusable,
    baseUrl: server.baseUrl,
    buildMs,
    seedMs,
    open,
    openEmpty,
  };
}

interface SeedParameters {
  readonly cardIds: readonly string[];
  /** Each card's content hash, as the app remembers it at a review. */
  readonly contentHashes: readonly string[];
  readonly eventCount: number;
  readonly nowMillis: number;
}

/**
 * The in-page seeding, as plain JavaScript (tsx would wrap named TypeScript functions in a helper
 * the page lacks). Writes exactly the records the app's validators accept: the layout of
 * src/storage/store-keys.ts at schema version `currentSchemaVersion`.
 *
 * Cards: a fifth never seen (no record), a tenth in learning or relearning (30 of them coming
 * due within the hour, the rest due within the day before now), the rest in review, due within
 * 60 days either side of now. Events: `eventCount` reviews spread evenly over the seen cards, at
 * random times over the two years before today's study day; quiz cards' events come from
 * quizzes. Day records and the total match the events.
 */
function seedScript(parameters: SeedParameters): string {
  const constants = {
    ...parameters,
    settings: defaultSettings,
    schemaVersion: currentSchemaVersion,
    stateFields,
    statePageCount,
    cardPhases,
    batchSize: 50_000,
    learningComingDue: 30,
  };
  return `(async (p) => {
  const day = 86400000;
  let seed = 20260601;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const hour = p.settings.dayStartHour;
  const pad = (value, width) => String(value).padStart(width, '0');
  // The app's study day (src/scheduler/day-boundary.ts): local time, starting at dayStartHour.
  const studyDate = (millis) => {
    const date = new Date(millis);
    const y = date.getFullYear(), m = date.getMonth(), d = date.getDate();
    if (millis >= new Date(y, m, d, hour).getTime()) return [y, m, d];
    const before = new Date(y, m, d - 1, 12);
    return [before.getFullYear(), before.getMonth(), before.getDate()];
  };
  const dayKeyOf = (millis) => {
    const [y, m, d] = studyDate(millis);
    return pad(y, 4) + '-' + pad(m + 1, 2) + '-' + pad(d, 2);
  };
  const [ty, tm, td] = studyDate(p.nowMillis);
  const todayStart = new Date(ty, tm, td, hour).getTime();
  const earliest = todayStart - 730 * day;
  const latest = todayStart - 3600000;

  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  for (const name of ['recallmap-progress', 'recallmap-seen-cards']) {
    await new Promise((resolve) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  }
  // As idb-keyval's createStore opens it: version 1, one object store.
  const opening = indexedDB.open('recallmap-progress');
  opening.onupgradeneeded = () => opening.result.createObjectStore('progress');
  const db = await request(opening);

  let batch = [];
  const flush = () => {
    const entries = batch;
    batch = [];
    const tx = db.transaction('progress', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('progress');
    for (let i = 0; i < entries.length; i += 2) store.put(entries[i + 1], entries[i]);
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  const put = async (key, value) => {
    batch.push(key, value);
    if (batch.length >= p.batchSize * 2) await flush();
  };

  const phases = p.cardIds.map(() => {
    const roll = random();
    return roll < 0.2 ? null : roll < 0.25 ? 'learning' : roll < 0.3 ? 'relearning' : 'review';
  });
  const seenCount = phases.filter((phase) => phase !== null).length;
  const perCard = Math.floor(p.eventCount / seenCount);
  const extra = p.eventCount % seenCount;
  // FNV-1a, as statePageOf in src/storage/state-page.ts.
  const statePageOf = (id) => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    return (hash >>> 0) % p.statePageCount;
  };
  const pages = new Map();
  const days = new Map();
  const counts = { states: 0, events: 0, days: 0, learning: 0, review: 0 };
  let seen = 0;
  for (let index = 0; index < p.cardIds.length; index++) {
    const phase = phases[index];
    if (phase === null) continue;
    const cardId = p.cardIds[index];
    const quiz = cardId.endsWith(':quiz');
    const eventCount = perCard + (seen < extra ? 1 : 0);
    seen += 1;
    const times = [];
    for (let i = 0; i < eventCount; i++) times.push(earliest + Math.floor(random() * (latest - earliest)));
    times.sort((a, b) => a - b);
    let lapses = 0;
    // The phase before each answer, roughly as a replay would give it, for the days' true-retention
    // tallies: new, one learning step, then review, with a relearning step after each Again.
    let phaseBefore = 'new';
    for (const reviewedAtMillis of times) {
      const roll = random();
      const rating = quiz ? (roll < 0.2 ? 1 : 3) : roll < 0.1 ? 1 : roll < 0.2 ? 2 : roll < 0.9 ? 3 : 4;
      if (rating === 1) lapses += 1;
      const id = 'seed-' + counts.events;
      const event = {
        kind: 'review',
        id,
        cardId,
        rating,
        reviewedAtMillis,
        durationMillis: 2000 + Math.floor(random() * 13000),
        source: quiz ? 'quiz' : 'study',
      };
      if (quiz) event.pickedOptionIndex = Math.floor(random() * 4);
      await put(['event', cardId, id], event);
      counts.events += 1;
      const key = dayKeyOf(reviewedAtMillis);
      const dayRecord = days.get(key) ?? { reviewCount: 0, answers: 0, retained: 0 };
      dayRecord.reviewCount += 1;
      if (phaseBefore === 'review') {
        dayRecord.answers += 1;
        if (rating > 1) dayRecord.retained += 1;
      }
      days.set(key, dayRecord);
      phaseBefore =
        rating === 1 && phaseBefore === 'review'
          ? 'relearning'
          : phaseBefore === 'new'
            ? 'learning'
            : 'review';
    }
    const first = times[0] ?? latest;
    const last = times[times.length - 1] ?? latest;
    const learning = phase !== 'review';
    // A learner's learning steps are minutes long: most learning cards were left due at an
    // earlier visit, and a few come due within the hour, as after a session just ended.
    const comingDue = learning && counts.learning < p.learningComingDue;
    const dueAtMillis = comingDue
      ? p.nowMillis + Math.round(random() * 3600000)
      : learning
        ? p.nowMillis - Math.round(random() * day)
        : p.nowMillis + Math.round((random() * 120 - 60) * day);
    const scheduledDays = learning ? 0 : 1 + Math.floor(random() * 120);
    const state = {
      cardId,
      dueAtMillis,
      stability: learning ? 0.5 + random() * 5 : 1 + random() * 200,
      difficulty: 1 + random() * 9,
      elapsedDays: learning ? 0 : 1 + Math.floor(random() * 120),
      scheduledDays,
      learningSteps: learning ? Math.floor(random() * 2) : 0,
      reps: Math.max(1, eventCount),
      lapses: phase === 'relearning' ? Math.max(1, lapses) : lapses,
      phase,
      lastReviewAtMillis: last,
      firstReviewAtMillis: first,
    };
    if (!learning) state.lastDueReviewAtMillis = last;
    const pageIndex = statePageOf(cardId);
    const page = pages.get(pageIndex) ?? [];
    page.push(state);
    pages.set(pageIndex, page);
    counts.states += 1;
    if (learning) counts.learning += 1;
    else counts.review += 1;
  }
  // Packed as src/storage/state-page.ts packs them: ids, then the numeric fields in order.
  for (const [pageIndex, states] of pages) {
    const numbers = new Float64Array(states.length * p.stateFields.length);
    states.forEach((state, index) => {
      p.stateFields.forEach((field, offset) => {
        const value = field === 'phase' ? p.cardPhases.indexOf(state.phase) : state[field];
        numbers[index * p.stateFields.length + offset] = value ?? NaN;
      });
    });
    await put(['states', pageIndex], { cardIds: states.map((state) => state.cardId), numbers });
  }
  for (const [dayKey, { reviewCount, answers, retained }] of days) {
    const record = { dayKey, reviewCount, reviewPhaseAnswers: answers, reviewPhaseRetained: retained };
    await put(['day', dayKey], record);
  }
  counts.days = days.size;
  await put(['meta', 'totals'], { reviewCount: counts.events });
  await put(['meta', 'settings'], p.settings);
  await put(['meta', 'schema'], p.schemaVersion);
  await flush();
  db.close();

  // What each reviewed card looked like at its last review (src/storage/seen-content-hashes.ts):
  // the deck as it is, so no card shows as changed.
  const seenOpening = indexedDB.open('recallmap-seen-cards');
  seenOpening.onupgradeneeded = () => seenOpening.result.createObjectStore('hashes');
  const seenDb = await request(seenOpening);
  const hashOf = new Map(p.cardIds.map((id, index) => [id, p.contentHashes[index]]));
  const tx = seenDb.transaction('hashes', 'readwrite');
  for (const [pageIndex, states] of pages) {
    const cardIds = states.map((state) => state.cardId);
    const hashes = cardIds.map((id) => hashOf.get(id));
    tx.objectStore('hashes').put({ cardIds, hashes }, ['page', pageIndex]);
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  seenDb.close();
  return counts;
})(${JSON.stringify(constants)})`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cards = Number(process.argv[2] ?? 100_000);
  const events = Number(process.argv[3] ?? 1_000_000);
  try {
    const profile = await benchProfile(cards, events);
    console.log(
      JSON.stringify({ label: profile.label, decks: profile.decks, seeded: profile.seeded }),
    );
  } finally {
    await closeBenchProfiles();
  }
}
