import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, freePort, waitUntilServing } from './local-chromium.ts';

/** The repository root: the benchmarks run Vite from here whatever the caller's directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const viteBin = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');

/** Children still running: killed if the benchmark is interrupted or exits early. */
const children = new Set<ChildProcess>();

function killChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

function onSignal(signal: NodeJS.Signals): void {
  killChildren();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function track(child: ChildProcess): void {
  if (children.size === 0) {
    process.on('exit', killChildren);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  children.add(child);
  child.once('exit', () => {
    children.delete(child);
    if (children.size === 0) {
      process.off('exit', killChildren);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}

function collectOutput(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return () => output;
}

/** Builds the app into `outDir` (relative to the repository root) with extra environment. */
export async function viteBuild(outDir: string, env: Readonly<Record<string, string>>) {
  const child = spawn(process.execPath, [viteBin, 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  const output = collectOutput(child);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`vite build exited with ${code}:\n${output()}`);
}

export interface PreviewServer {
  readonly baseUrl: string;
  /** Stops the server and waits until its process is gone. */
  stop(): Promise<void>;
}

/**
 * Serves a built `outDir` with `vite preview` on 127.0.0.1: on `preferredPort` when it is free
 * (the origin, port included, is what IndexedDB data belongs to), else on any free port.
 */
export async function startPreview(outDir: string, preferredPort?: number): Promise<PreviewServer> {
  // The port is free when probed but may be taken before Vite binds it: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port =
      attempt === 0 && preferredPort !== undefined && (await portIsFree(preferredPort))
        ? preferredPort
        : await freePort();
    const child = spawn(
      process.execPath,
      [
        viteBin,
        'preview',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--strictPort',
        '--outDir',
        outDir,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    track(child);
    const baseUrl = `http://127.0.0.1:${port}`;
    const server = { baseUrl, stop: () => stopChild(child) };
    try {
      await waitUntilServing(child, collectOutput(child), baseUrl);
      return server;
    } catch (error) {
      lastError = error;
      await server.stop();
    }
  }
  throw lastError;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * Playwright drives the page through the DevTools protocol, and with a debugger attached V8 gives
 * every Error a stack trace with line and column numbers as it is created. React creates a few as
 * its module runs, and numbering their frames re-parses the whole of each script on the stack:
 * the entry and React DOM's module, 60 to 100 ms of the first screen's longest task here, which
 * no learner's browser spends. On a profile that has run the app before, the code comes from V8's
 * code cache, and positions kept as each function compiles cost nothing more there: those
 * profiles' browsers keep them. A new profile compiles everything, and keeping positions would
 * cost the app's larger code more than the floor's, so the cold first card is measured as it
 * always was. `RECALLMAP_BENCH_LAZY_SOURCE_POSITIONS=1` measures every profile that way.
 */
const warmProfileArgs =
  process.env.RECALLMAP_BENCH_LAZY_SOURCE_POSITIONS === '1'
    ? chromiumArgs
    : [...chromiumArgs, '--js-flags=--no-enable-lazy-source-positions'];

export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}

/**
 * Chromium on a profile folder that outlives the browser, so IndexedDB data seeded once is there
 * for every later launch; `fresh` for a new, empty folder. Service workers are blocked: the app's
 * worker would precache every deck in the background and compete with what is being timed.
 */
export function launchBenchPersistentContext(
  userDataDir: string,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: fresh ? chromiumArgs : warmProfileArgs,
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
  });
}

/** The median of `values`; NaN when there are none. */
function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Median, fastest and slowest of repeated runs, rounded to `digits` decimals. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: readonly number[];
}

export function spreadOf(values: readonly number[], digits = 1): Spread {
  const round = (value: number) => Number(value.toFixed(digits));
  return {
    median: round(medianOf(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    runs: values.map(round),
  };
}
