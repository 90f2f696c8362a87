import { performance } from 'node:perf_hooks';
import { compileDecks } from '../src/compiler/compile-decks.ts';
import { generateCorpus } from './generate-corpus.ts';

/** One benchmark row: what it measures and how, returning its figures. */
interface Measurement {
  readonly name: string;
  readonly unit: string;
  run(): Promise<MeasurementResult> | MeasurementResult;
}

interface MeasurementResult {
  /** The figure of each run, in the measurement's unit. */
  readonly runs: readonly number[];
  readonly peakMB: number;
}

const runsPerMeasurement = 5;

function peakMB(): number {
  // maxRSS is in kilobytes on Linux and macOS.
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

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
    return { runs, peakMB: peakMB() };
  },
};

// Later rows (scheduler, storage, build) go here.
const measurements: readonly Measurement[] = [compileFiles];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const results: Record<
    string,
    {
      median: number;
      min: number;
      max: number;
      peakMB: number;
      runs: readonly number[];
      unit: string;
    }
  > = {};
  for (const measurement of measurements) {
    const result = await measurement.run();
    results[measurement.name] = {
      median: median(result.runs),
      min: Math.min(...result.runs),
      max: Math.max(...result.runs),
      peakMB: result.peakMB,
      runs: result.runs,
      unit: measurement.unit,
    };
  }
  if (json) {
    const compile = results.compile;
    const out: Record<string, unknown> = {};
    for (const [name, result] of Object.entries(results)) {
      out[name] =
        name === 'compile' && compile
          ? { filesPerSec: compile.median, peakMB: compile.peakMB, runs: compile.runs }
          : { median: result.median, unit: result.unit, peakMB: result.peakMB, runs: result.runs };
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const rows = [
    ['measurement', 'median', 'min', 'max', 'unit', 'peak MB'],
    ...Object.entries(results).map(([name, result]) => [
      name,
      String(result.median),
      String(result.min),
      String(result.max),
      result.unit,
      String(result.peakMB),
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

await main(process.argv.slice(2));
