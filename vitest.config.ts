import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { tsFsrsCurveAlias } from './scripts/build/ts-fsrs-curve-alias.ts';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: tsFsrsCurveAlias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup-dom.ts'],
        },
        // Browser-mode transforms must resolve every import, the build's virtual modules too.
        resolve: {
          alias: {
            'virtual:recallmap/bundled-decks': fileURLToPath(
              new URL('tests/support/bundled-decks-stub.ts', import.meta.url),
            ),
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/preview-server.ts'],
          // One Chromium and one preview server on two cores: files run one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page on a busy machine may take seconds to follow a change: a poll waits as long as
          // a locator does (Playwright's 30 s), not Vitest's default second.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
