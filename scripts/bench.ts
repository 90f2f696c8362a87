import { performance } from 'node:perf_hooks';
import { compileDecks } from '../src/compiler/compile-decks.ts';
import { benchQueue } from './bench-queue.ts';
import { benchReview } from './bench-review.ts';
import { generateCorpus } from './generate-corpus.ts';

/** One benchmark row: what it measures and how, returning its figures. */
interface Measurement {
  readonly name: string;
  readonly unit: string;
  run(): Promise<MeasurementResult> | MeasurementResult;
}

interface MeasurementResult {
  /** The table's figures, in the measurement's unit; `median` is the p50 of percentile rows. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly p95?: number;
  /** Peak memory of this process, where the work ran in it. */
  readonly peakMB?: number;
  /** The row's object in the `--json` output. */
  readonly json: Readonly<Record<string, unknown>>;
}

const runsPerMeasurement = 5;

function peakMB(): number {
  // maxRSS is in kilobytes on Linux and macOS.
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

const compileFiles: Measurement = {
  name: 'compile',
  unit: 'files/s',
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
      median: median(runs),
      min: Math.min(...runs),
      max: Math.max(...runs),
      peakMB: peak,
      json: { filesPerSec: median(runs), peakMB: peak, runs },
    };
  },
};

/** Building the study queue over 100,000 card states: median of 10 runs. */
const queue: Measurement = {
  name: 'queue',
  unit: 'ms',
  run() {
    const timing = benchQueue();
    const ms = round(timing.ms, 2);
    const minMs = round(timing.minMs, 2);
    const maxMs = round(timing.maxMs, 2);
    return { median: ms, min: minMs, max: maxMs, json: { ms, minMs, maxMs } };
  },
};

/** A rating key press to the next card in the built app in Chromium, over 200 reviews. */
const review: Measurement = {
  name: 'review',
  unit: 'ms',
  async run() {
    const timing = await benchReview(200);
    const p50Ms = round(timing.p50Ms, 1);
    const p95Ms = round(timing.p95Ms, 1);
    return {
      median: p50Ms,
      min: round(timing.minMs, 1),
      max: round(timing.maxMs, 1),
      p95: p95Ms,
      json: { p50Ms, p95Ms, samples: timing.reviews },
    };
  },
};

// Later rows (storage, build) go here.
const measurements: readonly Measurement[] = [compileFiles, queue, review];

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
  for (const measurement of selected) {
    results.push([measurement, await measurement.run()]);
  }
  if (json) {
    const out: Record<string, unknown> = {};
    for (const [measurement, result] of results) out[measurement.name] = result.json;
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const optional = (value: number | undefined) => (value === undefined ? '-' : String(value));
  const rows = [
    ['measurement', 'median', 'p95', 'min', 'max', 'unit', 'peak MB'],
    ...results.map(([measurement, result]) => [
      measurement.name,
      String(result.median),
      optional(result.p95),
      String(result.min),
      String(result.max),
      measurement.unit,
      optional(result.peakMB),
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of rows) {
    process.stdout.write(
      `${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}\n`,
    );
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
