import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// A real learner's log, kept in the repository with its licence (data/review-log/).
const reviewLog = path.join(repoRoot, 'data/review-log/review_logs_josh.csv');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function evalScheduler(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'scripts/cli/eval-scheduler.ts', ...args],
      { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'recallmap-eval-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('npm run eval:scheduler', { timeout: 120_000 }, () => {
  it('beats the constant baseline on a real review log', async () => {
    const run = await evalScheduler(reviewLog, '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(['reviews', 'evaluated', 'model', 'baseline']);
    for (const side of [result.model, result.baseline]) {
      expect(Object.keys(side)).toEqual(['logLoss', 'auc', 'rmseBins']);
      for (const value of Object.values(side)) expect(Number.isFinite(value)).toBe(true);
    }
    expect(result.reviews).toBe(12_580);
    expect(result.evaluated).toBeGreaterThan(0);
    expect(result.evaluated).toBeLessThanOrEqual(Math.ceil(result.reviews * 0.2));
    expect(result.baseline.auc).toBe(0.5);
    expect(result.model.logLoss).toBeLessThan(result.baseline.logLoss);
    expect(result.model.auc).toBeGreaterThan(result.baseline.auc);
  });

  it('prints a table without --json', async () => {
    const file = path.join(scratch, 'small.csv');
    const rows = ['card_id,review_rating,review_time,review_duration'];
    for (let day = 0; day < 20; day += 1) {
      const time = new Date(Date.UTC(2024, 0, 1 + day * 2, 9)).toISOString();
      rows.push(
        `a,${day % 4 === 3 ? 1 : 3},${time},1000`,
        `b,${day % 3 === 2 ? 1 : 3},${time},1000`,
      );
    }
    await writeFile(file, `${rows.join('\n')}\n`);
    const run = await evalScheduler(file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^reviews {4}40\nevaluated {2}8\n/);
    expect(run.stdout).toMatch(/^logLoss +\d\.\d{4} +\d\.\d{4}$/m);
    expect(run.stdout).toMatch(/^auc +\d\.\d{4} +0\.5000$/m);
  });

  it('warns about bad rows with their line and goes on', async () => {
    const file = path.join(scratch, 'bad-rows.csv');
    const rows = ['card_id,review_rating,review_time,review_duration'];
    for (let day = 0; day < 10; day += 1) {
      rows.push(
        `a,${day % 3 === 2 ? 1 : 3},2024-01-${String(1 + day * 2).padStart(2, '0')}T09:00:00.000000+00:00,1000`,
      );
    }
    rows.splice(3, 0, 'a,9,2024-01-04T09:00:00+00:00,1000');
    rows.splice(6, 0, 'a,3,not a time,1000');
    await writeFile(file, `${rows.join('\n')}\n`);
    const run = await evalScheduler(file, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `${file}:4: warning: review_rating "9" is not 1-4, row skipped`,
      `${file}:7: warning: review_time "not a time" is not an ISO time with an offset, row skipped`,
    ]);
    expect(JSON.parse(run.stdout).reviews).toBe(10);
  });

  it('fails with path: error: for a file it cannot read', async () => {
    const missing = path.join(scratch, 'missing.csv');
    const run = await evalScheduler(missing);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${missing.replaceAll('.', '\\.')}: error: .*ENOENT`));
  });

  it('fails with path: error: for a file without the columns', async () => {
    const file = path.join(scratch, 'not-a-log.csv');
    await writeFile(file, 'id,grade\n1,3\n');
    const run = await evalScheduler(file);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `${file}: error: header lacks column card_id, review_rating, review_time, review_duration\n`,
    );
  });
});
