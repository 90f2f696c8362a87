import { spawn } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { freePort, waitUntilServing } from '../../scripts/bench/local-chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export interface PreviewServer {
  readonly baseUrl: string;
  stop(): void;
}

/** Serves a production build (`dist` unless told otherwise) with `vite preview` on a free port. */
export async function startPreview(outDir = 'dist'): Promise<PreviewServer> {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(server, () => output, baseUrl);
  } catch (error) {
    server.kill();
    throw error;
  }
  return { baseUrl, stop: () => server.kill() };
}

/** The browser tests' global set-up: the build `npm run test:browser` made beforehand, served. */
export default async function servePreview(project: TestProject) {
  const preview = await startPreview();
  project.provide('baseUrl', preview.baseUrl);
  return async () => {
    preview.stop();
  };
}
