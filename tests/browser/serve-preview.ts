import { spawn } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { freePort, waitUntilServing } from '../../scripts/bench/local-chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the production build (built by `npm run test:browser` beforehand) on a free port. */
export default async function servePreview(project: TestProject) {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
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
  project.provide('baseUrl', baseUrl);
  return async () => {
    server.kill();
  };
}
