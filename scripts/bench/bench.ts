import { performance } from 'node:perf_hooks';
import { compileDecks } from '../../src/compiler/compile-decks.ts';
import { benchBrowse } from './bench-browse.ts';
import type { Spread } from './bench-browser.ts';
import { benchBundle } from './bench-bundle.ts';
import { benchColdCard, coldCardCpuRates, coldCardRounds } from './bench-floor.ts';
import { benchGrowth, growthCardCounts, growthEventCounts } from './bench-growth.ts';
import { benchPathologicalMarkdown } from './bench-markdown.ts';
import { closeBenchProfiles } from './bench-profile.ts';
import { benchQueue } from './bench-queue.ts';
import { benchReview } from './bench-review.ts';
import { benchStartup } from './bench-startup.ts';
import { benchStats } from './bench-stats.ts';
import { benchSync } from './bench-sync.ts';
import { generateCorpus } from './generate-corpus.ts';

/** One benchmark: what it measures and how, returning its rows and its `--json` object. */
interface Measurement {
  readonly name: string;
  /** What `npm run bench` prints while it runs, on standard error. */
  readonly doing: string;
  run(): Promise<MeasurementResult> | MeasurementResult;
}

interface MeasurementResult {
  readonly rows: readonly Row[];
  /** The measurement's object in the `--json` output. */
  readonly json: Readonly<Record<string, unknown>>;
}

/** One line of the table. */
interface Row {
  readonly name: string;
  readonly unit: string;
  /** The median of the runs; the p50 of percentile rows. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly p95?: number;
  /** How many runs or samples the figures come from. */
  readonly samples: string;
  /** The largest acceptable median, in the row's unit. */
  readonly budget?: number;
  /** Peak memory of this process, where the work ran in it. */
  readonly peakMB?: number;
}

const runsPerMeasurement = 5;

function peakMB(): number {
  // maxRSS is in kilobytes on Linux and macOS.
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const count = (value: number) => value.toLocaleString('en');

/** A row of repeated browser runs. */
function spreadRow(
  name: string,
  unit: string,
  spread: Spread,
  budget: number | undefined,
  samples = `${spread.runs.length} runs`,
): Row {
  return {
    name,
    unit,
    median: spread.median,
    min: spread.min,
    max: spread.max,
    samples,
    ...(budget === undefined ? {} : { budget }),
  };
}

/** `{figureMs, figureMinMs, figureMaxMs}` for the JSON output: "homeMs" gives homeMinMs… */
function spreadJson(key: string, spread: Spread): Record<string, number> {
  const unit = key.match(/(Ms|MB)$/)?.[0] ?? '';
  const stem = key.slice(0, key.length - unit.length);
  return {
    [key]: spread.median,
    [`${stem}Min${unit}`]: spread.min,
    [`${stem}Max${unit}`]: spread.max,
  };
}

const budgets = {
  homeMs: 1000,
  firstCardMs: 1200,
  heapMB: 150,
  /** Start-up with 100,000 cards and 1,000,000 events over the same build's on an empty profile. */
  startupEmptyRatio: 4,
  /** The longest time input is blocked, on any page of the 100,000-card profile. */
  blockedMs: 100,
  statsRenderMs: 1500,
  retentionMs: 1000,
  pathologicalMarkdownMs: 1000,
  /** The cold first card of the app over that of the floor app, at every CPU rate. */
  coldCardFloorRatio: 2,
} as const;

const compileFiles: Measurement = {
  name: 'compile',
  doing: 'compiling a generated corpus of 10,000 files, 5 runs',
  run() {
    const files = generateCorpus(10_000, 'bench');
    const runs: number[] = [];
    for (let run = 0; run < runsPerMeasurement; run++) {
      const start = performance.now();
      const result = compileDecks([{ path: 'corpus', layout: 'topic-folder', files }]);
      const seconds = (performance.now() - start) / 1000;
      if (result.decks[0]?.topics.length !== files.length) {
        throw new Error(
          `compiled ${result.decks[0]?.topics.length ?? 0} of ${files.length} topics`,
        );
      }
      runs.push(Math.round(files.length / seconds));
    }
    const peak = peakMB();
    return {
      rows: [
        {
          name: 'compile',
          unit: 'files/s',
          median: median(runs),
          min: Math.min(...runs),
          max: Math.max(...runs),
          samples: `${runs.length} runs`,
          peakMB: peak,
        },
      ],
      json: { filesPerSec: median(runs), peakMB: peak, runs },
    };
  },
};

/** Sync against the test server: a first sync of 100,000 events up and down, then 50 new ones. */
const sync: Measurement = {
  name: 'sync',
  doing: 'a first sync of 100,000 events up and down, then of 50 new ones, 3 runs',
  async run() {
    const timing = await benchSync(100_000, 3);
    return {
      rows: [
        spreadRow('sync: first, 100,000 events up', 'ms', timing.firstUpMs, undefined),
        spreadRow('sync: first, 100,000 events down', 'ms', timing.firstDownMs, undefined),
        spreadRow('sync: 50 new events up', 'ms', timing.incrementalUpMs, undefined),
        spreadRow('sync: 50 new events down', 'ms', timing.incrementalDownMs, undefined),
      ],
      json: { ...timing },
    };
  },
};

/** Markdown written to be slow, 1 MB of each kind, compiled and read for display: 5 runs each. */
const markdown: Measurement = {
  name: 'markdown',
  doing: 'compiling and reading 1 MB of pathological markdown of each kind, 5 runs each',
  run() {
    const timings = benchPathologicalMarkdown(1_000_000, runsPerMeasurement);
    const rows = timings.map(
      ({ kind, runsMs }): Row => ({
        name: `pathological markdown, 1 MB: ${kind}`,
        unit: 'ms',
        median: median(runsMs),
        min: Math.min(...runsMs),
        max: Math.max(...runsMs),
        samples: `${runsMs.length} runs`,
        budget: budgets.pathologicalMarkdownMs,
      }),
    );
    return {
      rows,
      json: Object.fromEntries(
        timings.map(({ kind, runsMs }) => [
          kind,
          { ms: median(runsMs), minMs: Math.min(...runsMs), maxMs: Math.max(...runsMs) },
        ]),
      ),
    };
  },
};

/** Building the study queue over 100,000 card states: median of 10 runs. */
const queue: Measurement = {
  name: 'queue',
  doing: 'building the study queue over 100,000 card states, 10 runs',
  run() {
    const timing = benchQueue();
    const ms = round(timing.ms, 2);
    const minMs = round(timing.minMs, 2);
    const maxMs = round(timing.maxMs, 2);
    return {
      rows: [{ name: 'queue', unit: 'ms', median: ms, min: minMs, max: maxMs, samples: '10 runs' }],
      json: { ms, minMs, maxMs },
    };
  },
};

/**
 * Start-up with 100,000 cards and 1,000,000 events stored, in Chromium, against the same build on
 * an empty profile in the same rounds: 5 rounds.
 */
const startup: Measurement = {
  name: 'startup',
  doing:
    'start-up with 100,000 cards and 1,000,000 events stored and on an empty profile, interleaved, 5 rounds',
  async run() {
    const timing = await benchStartup();
    const rounds = `${timing.homeRatio.runs.length} rounds`;
    return {
      rows: [
        spreadRow('startup: / counts', 'ms', timing.homeMs, budgets.homeMs),
        spreadRow('startup: / counts, empty profile', 'ms', timing.empty.homeMs, undefined),
        spreadRow('startup: / counts without kept counts', 'ms', timing.homeUncountedMs, undefined),
        spreadRow(
          'startup: / counts over empty',
          'ratio',
          timing.homeRatio,
          budgets.startupEmptyRatio,
          rounds,
        ),
        spreadRow('startup: /study first card', 'ms', timing.firstCardMs, budgets.firstCardMs),
        spreadRow(
          'startup: /study first card, empty profile',
          'ms',
          timing.empty.firstCardMs,
          undefined,
        ),
        spreadRow(
          'startup: /study first card over empty',
          'ratio',
          timing.firstCardRatio,
          budgets.startupEmptyRatio,
          rounds,
        ),
        spreadRow('startup: longest block', 'ms', timing.longestTaskMs, budgets.blockedMs),
        // The same visits' longest block with nothing stored: what the machine and the app's own
        // start cost, beside which the stored progress's share shows.
        spreadRow(
          'startup: longest block, empty profile',
          'ms',
          timing.empty.longestTaskMs,
          undefined,
        ),
        spreadRow('startup: JS heap after GC', 'MB', timing.heapMB, budgets.heapMB),
        spreadRow('startup: Study all due click', 'ms', timing.studyAllClickMs, undefined),
      ],
      json: {
        ...spreadJson('homeMs', timing.homeMs),
        ...spreadJson('emptyHomeMs', timing.empty.homeMs),
        ...spreadJson('homeUncountedMs', timing.homeUncountedMs),
        ...spreadJson('homeRatio', timing.homeRatio),
        ...spreadJson('firstCardMs', timing.firstCardMs),
        ...spreadJson('emptyFirstCardMs', timing.empty.firstCardMs),
        ...spreadJson('firstCardRatio', timing.firstCardRatio),
        ...spreadJson('longestTaskMs', timing.longestTaskMs),
        ...spreadJson('emptyLongestTaskMs', timing.empty.longestTaskMs),
        ...spreadJson('heapMB', timing.heapMB),
        heapBeforeGcMB: timing.heapBeforeGcMB.median,
        ...spreadJson('studyAllClickMs', timing.studyAllClickMs),
        ratioBudget: budgets.startupEmptyRatio,
        repeatedBusy: timing.repeats,
        keptBusy: timing.runs.filter((run) => run.busy).length,
        loadKnown: timing.loadKnown,
        rounds: timing.homeRatio.runs.length,
        profile: timing.profile,
      },
    };
  },
};

/** A rating key press to the next card in the built app in Chromium, over 200 reviews. */
const review: Measurement = {
  name: 'review',
  doing: '200 reviews in a study session of a 300-card deck',
  async run() {
    const timing = await benchReview(200);
    const p50Ms = round(timing.p50Ms, 1);
    const p95Ms = round(timing.p95Ms, 1);
    return {
      rows: [
        {
          name: 'review',
          unit: 'ms',
          median: p50Ms,
          min: round(timing.minMs, 1),
          max: round(timing.maxMs, 1),
          p95: p95Ms,
          samples: `${timing.reviews} reviews`,
        },
      ],
      json: { p50Ms, p95Ms, samples: timing.reviews },
    };
  },
};

/** The statistics page with 1,000,000 events stored, in Chromium: 5 runs, and 5 pressing keys. */
const stats: Measurement = {
  name: 'stats',
  doing: 'the statistics page with 1,000,000 events stored, 5 runs, and 5 pressing keys',
  async run() {
    const timing = await benchStats();
    return {
      rows: [
        spreadRow('stats: render', 'ms', timing.renderMs, budgets.statsRenderMs),
        spreadRow('stats: longest block', 'ms', timing.maxBlockedMs, budgets.blockedMs),
        spreadRow('stats: true retention shown', 'ms', timing.retentionMs, budgets.retentionMs),
        spreadRow('stats: deck figures shown', 'ms', timing.decksMs, undefined),
        spreadRow('stats: longest key-press wait', 'ms', timing.keyWaitMs, budgets.blockedMs),
        spreadRow('stats: longest timer-loop gap', 'ms', timing.largestGapMs, undefined),
      ],
      json: {
        ...spreadJson('renderMs', timing.renderMs),
        ...spreadJson('maxBlockedMs', timing.maxBlockedMs),
        ...spreadJson('retentionMs', timing.retentionMs),
        ...spreadJson('decksMs', timing.decksMs),
        ...spreadJson('keyWaitMs', timing.keyWaitMs),
        ...spreadJson('largestGapMs', timing.largestGapMs),
        blockedAtMs: timing.runs.map((run) => round(run.blockedAtMs, 0)),
        keyWaitedAtMs: timing.keyRuns.map((run) => round(run.waitedAtMs, 0)),
        keyPresses: timing.keyRuns.map((run) => run.presses),
        repeatedBusy: timing.repeats,
        keptBusy: [...timing.runs, ...timing.keyRuns].filter((run) => run.busy).length,
        loadKnown: timing.loadKnown,
        runs: timing.runs.length,
        profile: timing.profile,
      },
    };
  },
};

/** Browse over 100,000 cards with 1,000,000 events stored, in Chromium: 3 runs. */
const browse: Measurement = {
  name: 'browse',
  doing:
    'Browse with 100,000 cards and 1,000,000 events stored: open, search, suspend 1,000, 3 runs',
  async run() {
    const timing = await benchBrowse();
    return {
      rows: [
        spreadRow('browse: open until rows show', 'ms', timing.openMs, undefined),
        spreadRow('browse: open until every card is listed', 'ms', timing.allListedMs, undefined),
        spreadRow('browse: search updates the list', 'ms', timing.searchMs, undefined),
        spreadRow('browse: suspend 1,000 selected', 'ms', timing.actionMs, undefined),
      ],
      json: {
        ...spreadJson('openMs', timing.openMs),
        ...spreadJson('allListedMs', timing.allListedMs),
        ...spreadJson('searchMs', timing.searchMs),
        ...spreadJson('actionMs', timing.actionMs),
        runs: timing.runs.length,
        profile: timing.profile,
      },
    };
  },
};

/** "cpu1" → "Cpu1", as the JSON keys spell a rate. */
const capitalized = (key: string) => `${key[0]?.toUpperCase() ?? ''}${key.slice(1)}`;

/**
 * The cold first card on a fresh profile, against the floor (a minimal React app with one static
 * card) measured in the same rounds, at normal CPU and throttled 4×: `coldCardRounds` rounds.
 */
const coldcard: Measurement = {
  name: 'coldcard',
  doing: `cold first card on a fresh profile, the app and the floor interleaved, 1× and 4× CPU, ${coldCardRounds} rounds`,
  async run() {
    const timing = await benchColdCard();
    const rows: Row[] = [];
    const json: Record<string, unknown> = {};
    for (const rate of coldCardCpuRates) {
      const key = `cpu${rate}` as const;
      rows.push(
        spreadRow(`cold first card (app), ${rate}× CPU`, 'ms', timing.app[key], undefined),
        spreadRow(`cold first card (floor), ${rate}× CPU`, 'ms', timing.floor[key], undefined),
        spreadRow(
          `cold first card app/floor, ${rate}× CPU`,
          'ratio',
          timing.ratio[key],
          budgets.coldCardFloorRatio,
          `${timing.ratio[key].runs.length} rounds`,
        ),
      );
      // The CPU time the start used, where /proc tells it: the work behind the wall time.
      if (timing.cpuRatio[key].runs.length > 0) {
        rows.push(
          spreadRow(
            `cold first card CPU time (app), ${rate}× CPU`,
            'ms',
            timing.appCpu[key],
            undefined,
          ),
          spreadRow(
            `cold first card CPU time (floor), ${rate}× CPU`,
            'ms',
            timing.floorCpu[key],
            undefined,
          ),
          spreadRow(
            `cold first card CPU time app/floor, ${rate}× CPU`,
            'ratio',
            timing.cpuRatio[key],
            undefined,
            `${timing.cpuRatio[key].runs.length} rounds`,
          ),
        );
        Object.assign(
          json,
          spreadJson(`appCpuTime${capitalized(key)}Ms`, timing.appCpu[key]),
          spreadJson(`floorCpuTime${capitalized(key)}Ms`, timing.floorCpu[key]),
          spreadJson(`cpuTimeRatio${capitalized(key)}`, timing.cpuRatio[key]),
        );
      }
      Object.assign(
        json,
        spreadJson(`app${capitalized(key)}Ms`, timing.app[key]),
        spreadJson(`floor${capitalized(key)}Ms`, timing.floor[key]),
        spreadJson(`ratio${capitalized(key)}`, timing.ratio[key]),
      );
    }
    return {
      rows,
      json: {
        ...json,
        ratioBudget: budgets.coldCardFloorRatio,
        repeatedBusy: timing.repeats,
        keptBusy: timing.runs.filter((run) => run.busy).length,
        loadKnown: timing.loadKnown,
        runs: timing.runs,
      },
    };
  },
};

/** Gzipped JS and CSS of `/` and of the study route, from the shipped build: deterministic. */
const bundle: Measurement = {
  name: 'bundle',
  doing: 'JS and CSS loaded by / and by the study route, production build',
  async run() {
    const sizes = await benchBundle();
    if (sizes.staticFilesNotFetched.length > 0) {
      process.stderr.write(
        `bench: warning: .ci/check-bundle-budget.mjs counts files Chromium never fetched: ${sizes.staticFilesNotFetched.join(', ')}\n`,
      );
    }
    const fixed = (
      name: string,
      value: number,
      budget: number | undefined,
      samples: string,
    ): Row => ({
      name,
      unit: 'bytes',
      median: value,
      min: value,
      max: value,
      samples,
      ...(budget !== undefined && { budget }),
    });
    const decks = (chunks: number, bytes: number) =>
      chunks === 0
        ? 'no deck data'
        : `${chunks} deck chunk${chunks === 1 ? '' : 's'} ${count(bytes)} B`;
    return {
      rows: [
        // The budgets hold what a page needs before it renders, as CI checks it; what it fetches
        // lazily once shown is printed beside, unbudgeted.
        fixed(
          'bundle: / JS+CSS gzip',
          sizes.staticHomeGzipBytes,
          sizes.budgets.homeGzipBytes,
          'entry and static imports',
        ),
        fixed(
          'bundle: / until idle, lazy chunks too',
          sizes.homeGzipBytes,
          undefined,
          `${sizes.homeFiles.length} files, ${decks(sizes.homeDeckChunks, sizes.homeDeckGzipBytes)}`,
        ),
        fixed(
          'bundle: deck study adds',
          sizes.staticStudyAddedGzipBytes,
          sizes.budgets.studyAddedGzipBytes,
          'page chunk and static imports',
        ),
        fixed(
          'bundle: deck study adds until idle',
          sizes.studyAddedGzipBytes,
          undefined,
          `${sizes.studyAddedFiles.length} files, ${decks(sizes.studyAddedDeckChunks, sizes.studyAddedDeckGzipBytes)}`,
        ),
        fixed(
          'bundle: browse adds (static)',
          sizes.staticBrowseAddedGzipBytes,
          sizes.budgets.browseAddedGzipBytes,
          'dist/, code and CSS',
        ),
      ],
      json: { ...sizes },
    };
  },
};

/** Queue, start-up and review figures at growing profile sizes. */
const growth: Measurement = {
  name: 'growth',
  doing:
    'queue and start-up at 1,000 / 10,000 / 100,000 cards, reviews at 10,000 / 1,000,000 events',
  async run() {
    const timing = await benchGrowth();
    const rows: Row[] = [];
    const json: Record<string, Record<string, number>> = {};
    const add = (key: string, size: number, value: number) => {
      json[key] ??= {};
      (json[key] as Record<string, number>)[String(size)] = value;
    };
    for (const cards of growthCardCounts) {
      const queueSpread = timing.queue[cards];
      if (queueSpread) {
        rows.push(
          spreadRow(`growth: queue ${count(cards)} cards`, 'ms', queueSpread, undefined, '10 runs'),
        );
        add('queueMs', cards, queueSpread.median);
        add('queueMinMs', cards, queueSpread.min);
        add('queueMaxMs', cards, queueSpread.max);
      }
    }
    for (const cards of growthCardCounts) {
      const startupTiming = timing.startup[cards];
      if (!startupTiming) continue;
      for (const [figure, label, budget] of [
        ['home', '/ counts', budgets.homeMs],
        ['firstCard', '/study first card', budgets.firstCardMs],
      ] as const) {
        const spread = startupTiming[`${figure}Ms`];
        rows.push(spreadRow(`growth: ${label} ${count(cards)} cards`, 'ms', spread, budget));
        add(`${figure}Ms`, cards, spread.median);
        add(`${figure}MinMs`, cards, spread.min);
        add(`${figure}MaxMs`, cards, spread.max);
      }
    }
    for (const events of growthEventCounts) {
      const reviewTiming = timing.review[events];
      if (!reviewTiming) continue;
      rows.push({
        name: `growth: review ${count(events)} events`,
        unit: 'ms',
        median: round(reviewTiming.p50Ms, 1),
        p95: round(reviewTiming.p95Ms, 1),
        min: round(reviewTiming.minMs, 1),
        max: round(reviewTiming.maxMs, 1),
        samples: `${reviewTiming.reviews} reviews`,
      });
      add('reviewP95Ms', events, round(reviewTiming.p95Ms, 1));
      add('reviewP50Ms', events, round(reviewTiming.p50Ms, 1));
    }
    const profiles = {
      cards: Object.fromEntries(
        Object.entries(timing.startup).map(([cards, startupTiming]) => [
          cards,
          startupTiming.profile,
        ]),
      ),
      events: Object.fromEntries(
        Object.entries(timing.review).map(([events, reviewTiming]) => [
          events,
          reviewTiming.profile,
        ]),
      ),
    };
    return { rows, json: { ...json, profiles } };
  },
};

const measurements: readonly Measurement[] = [
  compileFiles,
  markdown,
  queue,
  startup,
  coldcard,
  review,
  stats,
  browse,
  bundle,
  growth,
  sync,
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The measurements `--only a,b` (or `--only=a,b`) names, in table order; all without it. */
function selectMeasurements(argv: readonly string[]): readonly Measurement[] {
  const index = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (index < 0) return measurements;
  const given = argv[index] === '--only' ? argv[index + 1] : argv[index]?.slice('--only='.length);
  const names = (given ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const known = measurements.map((measurement) => measurement.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `${names.length === 0 ? '--only needs a name' : `unknown measurement: ${unknown.join(', ')}`}; choose from ${known.join(', ')}`,
    );
  }
  return measurements.filter((measurement) => names.includes(measurement.name));
}

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const selected = selectMeasurements(argv);
  const results: [Measurement, MeasurementResult][] = [];
  const started = performance.now();
  try {
    for (const measurement of selected) {
      process.stderr.write(`bench: ${measurement.name}: ${measurement.doing}\n`);
      results.push([measurement, await measurement.run()]);
    }
  } finally {
    await closeBenchProfiles();
  }
  process.stderr.write(
    `bench: done in ${((performance.now() - started) / 60_000).toFixed(1)} min\n`,
  );
  if (json) {
    const out: Record<string, unknown> = {};
    for (const [measurement, result] of results) out[measurement.name] = result.json;
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const optional = (value: number | undefined) => (value === undefined ? '-' : String(value));
  const rows = results.flatMap(([, result]) => result.rows);
  const table = [
    ['row', 'median', 'p95', 'min', 'max', 'unit', 'budget', 'verdict', 'from', 'peak MB'],
    ...rows.map((row) => [
      row.name,
      String(row.median),
      optional(row.p95),
      String(row.min),
      String(row.max),
      row.unit,
      row.budget === undefined ? '-' : `<= ${row.budget}`,
      row.budget === undefined ? '' : row.median > row.budget ? 'OVER BUDGET' : 'ok',
      row.samples,
      optional(row.peakMB),
    ]),
  ];
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of table) {
    process.stdout.write(
      `${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
  const over = rows.filter((row) => row.budget !== undefined && row.median > row.budget);
  if (over.length > 0) {
    process.stdout.write(`\n${over.length} of ${rows.length} rows over budget\n`);
  }
  process.stdout.write(
    'Browser rows are medians of the runs in "from" (the bundle is measured once: it is deterministic);\n' +
      'each run is a new Chromium on the seeded profile with its HTTP cache warm, taken again while\n' +
      'another process used the CPU. See scripts/bench/bench-profile.ts.\n',
  );
  if (results.some(([measurement]) => measurement === coldcard)) {
    process.stdout.write(
      `Cold first card rows are medians of ${coldCardRounds} rounds, each a new Chromium on an empty profile; the\n` +
        "ratio is the median of the rounds' app/floor ratios. See scripts/bench/bench-floor.ts.\n",
    );
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
