import { readFile } from 'node:fs/promises';
import type { CalibrationMetrics } from '../../src/eval/calibration-metrics.ts';
import { evaluateScheduler, type SchedulerEvaluation } from '../../src/eval/evaluate-scheduler.ts';
import { parseReviewLogCsv } from '../../src/eval/review-log-csv.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';

const usage = `Usage: npm run eval:scheduler -- <review-log.csv> [--json]

Replays a review log (columns card_id,review_rating,review_time,review_duration) through the
scheduler (FSRS-6 defaults, desired retention 0.9, no fuzz) and scores its recall predictions on
the latest 20% of reviews by time, counting reviews a day or more after the card's previous one,
against a baseline that always predicts the recall rate of the earlier 80%.
  --json   print {"reviews", "evaluated", "model": {...}, "baseline": {...}} instead of a table
Warnings go to standard error as "path:line: warning: message".
Exit status: 0 on success, 1 when the log cannot be read or has nothing to score, 2 for a usage
error.`;

interface Arguments {
  readonly path: string;
  readonly json: boolean;
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const paths: string[] = [];
  let json = false;
  let onlyPaths = false;
  for (const arg of argv) {
    if (onlyPaths || !arg.startsWith('-') || arg === '-') paths.push(arg);
    else if (arg === '--') onlyPaths = true;
    else if (arg === '--json') json = true;
    else return `unknown option: ${arg}`;
  }
  const [path, ...rest] = paths;
  if (path === undefined) return 'no review log given';
  if (rest.length > 0) return 'give one review log';
  return { path, json };
}

const metricNames: readonly (keyof CalibrationMetrics)[] = ['logLoss', 'auc', 'rmseBins'];

function table(evaluation: SchedulerEvaluation): string {
  const number = (value: number) => value.toFixed(4).padStart(10);
  return [
    `reviews    ${evaluation.reviews}`,
    `evaluated  ${evaluation.evaluated}`,
    '',
    `${'metric'.padEnd(10)}${'model'.padStart(10)}${'baseline'.padStart(10)}`,
    ...metricNames.map(
      (name) =>
        `${name.padEnd(10)}${number(evaluation.model[name])}${number(evaluation.baseline[name])}`,
    ),
    '',
    `baseline predicts ${evaluation.baselineRecall.toFixed(4)} for every review`,
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`eval:scheduler: ${parsed}\n${usage}\n`);
    return 2;
  }
  const { path } = parsed;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${path}: error: ${message}\n`);
    return 1;
  }
  const log = parseReviewLogCsv(text);
  if (!log.ok) {
    process.stderr.write(`${path}: error: ${log.error}\n`);
    return 1;
  }
  for (const warning of log.warnings) {
    process.stderr.write(`${path}:${warning.line}: warning: ${warning.message}\n`);
  }
  const scheduler = createScheduler({ desiredRetention: 0.9, fuzz: false });
  const evaluation = evaluateScheduler(log.reviews, scheduler);
  if (evaluation.evaluated === 0) {
    process.stderr.write(`${path}: error: no review to score (too few reviews a day apart)\n`);
    return 1;
  }
  const { reviews, evaluated, model, baseline } = evaluation;
  const pick = (metrics: CalibrationMetrics) => ({
    logLoss: metrics.logLoss,
    auc: metrics.auc,
    rmseBins: metrics.rmseBins,
  });
  process.stdout.write(
    parsed.json
      ? `${JSON.stringify({ reviews, evaluated, model: pick(model), baseline: pick(baseline) })}\n`
      : `${table(evaluation)}\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
