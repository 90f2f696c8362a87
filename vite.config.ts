import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { reactRouterProductionAlias } from './scripts/build/react-router-production-alias.ts';
import { tsFsrsCurveAlias } from './scripts/build/ts-fsrs-curve-alias.ts';
import { compileHints } from './scripts/build/vite-plugin-compile-hints.ts';
import { contentSecurityPolicyMeta } from './scripts/build/vite-plugin-csp.ts';
import { bundledDecks, deckIdsModuleId } from './scripts/build/vite-plugin-decks.ts';
import { deferredManifest } from './scripts/build/vite-plugin-deferred-manifest.ts';
import { dropRouterDisplayNames } from './scripts/build/vite-plugin-router-display-names.ts';
import { startHints } from './scripts/build/vite-plugin-start-hints.ts';

// RECALLMAP_DECKS_DIR replaces the bundled decks (benchmarks build around generated ones);
// RECALLMAP_EXTRA_DECKS_DIR adds to them (browser tests bundle hostile fixture decks).
const decksDirs = [
  process.env.RECALLMAP_DECKS_DIR ?? 'decks',
  ...(process.env.RECALLMAP_EXTRA_DECKS_DIR ? [process.env.RECALLMAP_EXTRA_DECKS_DIR] : []),
];

export default defineConfig({
  resolve: {
    alias: [
      ...Object.entries(tsFsrsCurveAlias).map(([find, replacement]) => ({ find, replacement })),
      ...reactRouterProductionAlias,
    ],
  },
  plugins: [
    react(),
    bundledDecks(decksDirs),
    contentSecurityPolicyMeta(),
    startHints(),
    // The chunks the study page's first card renders with: its first render compiled them on the
    // main thread at each start, in a task of up to 180 ms at 100,000 cards.
    compileHints(['study-page', 'markdown']),
    dropRouterDisplayNames(),
    VitePWA({
      // The app asks before it updates: a reload in the middle of a session would cost answers.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Recallmap',
        short_name: 'Recallmap',
        description:
          'Flashcards and quizzes from developer roadmaps, scheduled with FSRS, offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#3b5bdb',
        background_color: '#f7f8fb',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Every page and every bundled deck is a chunk: precache them all, so any route and any
        // deck opens offline after one visit.
        globPatterns: ['**/*.{js,css,html,svg,png,json}'],
        globIgnores: ['screenshot.png'],
        navigateFallback: '/index.html',
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
    deferredManifest(),
  ],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Every browser this target names but Safari before 17 knows `modulepreload`; there a hint
    // is only lost, never a module, so the first screen carries no polyfill for it.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Small modules shared by the first screen and lazy chunks in differing sets would each be a
        // chunk of a few hundred bytes: grouped, they cost one request and one gzip frame.
        codeSplitting: {
          groups: [
            {
              // A large bundled set's card ids as JSON text, out of the entry's source: see
              // summariesModules in scripts/build/vite-plugin-decks.ts.
              name: 'deck-ids',
              test: (id) => id.includes(deckIdsModuleId),
            },
            {
              // What the first screen shares with most lazy chunks: React's core and Vite's preload
              // helper (each a chunk of its own otherwise, two more requests before the entry can
              // run), the domain, the checks of stored records, which reviews count, and recall now
              // (the study page's, beside mastery's lazy chunk). The checks of events, which only
              // the log's reads and writes need, are left to the next group, and the study card
              // kept with the head of Study all due to the last.
              name: 'shared',
              test: (id) =>
                /[\\/]node_modules[\\/]react[\\/]|vite[\\/]preload-helper/.test(id) ||
                /[\\/]src[\\/](domain[\\/](?!validation[\\/](progress-event|arrival-times|deck-source|card-with-topic)\.ts$|deck-card-lookup\.ts$)|storage[\\/](record-validation|store-keys)\.ts$|scheduler[\\/](effective-reviews|retrievability)\.ts$)/.test(
                  id,
                ),
            },
            {
              // The checks of events: for the log's reads, commits and backups, never start-up.
              name: 'event-checks',
              test: /[\\/]src[\\/](domain[\\/]validation[\\/](progress-event|arrival-times|deck-source)|storage[\\/]event-record-validation)\.ts$/,
            },
            {
              // The description parsers and the component that renders their output, shared by
              // the study, quiz, deck and browse pages alike.
              name: 'markdown',
              test: /[\\/]src[\\/](markdown[\\/]|ui[\\/]common[\\/](markdown-text|external-link)\.tsx$)/,
            },
            {
              // The study page with what its first card needs beyond the entry and the
              // description parsers: how a session's queue is built and its head kept for the
              // next start, the page's keys, and the resources and custom study it shows. One
              // chunk rather than four: each request and module costs the browser's processes
              // CPU time on a cold start, and a cold first card's ratio to the floor fell by
              // 0.05 to 0.09 (interleaved runs of 16, normal and 4x CPU). The deck page and the
              // keeping of the deck counts load it too, for the queue. Only these modules, not
              // what they import: the day and count rules are the entry's already, and the
              // scheduler, which previews the rating buttons' intervals, loads only once a
              // session is on screen.
              name: 'study-page',
              includeDependenciesRecursively: false,
              test: new RegExp(
                [
                  String.raw`[\\/]src[\\/](`,
                  String.raw`routes[\\/]study-page\.tsx`,
                  String.raw`|ui[\\/]study[\\/](answer-gist|card-deck-index|session-counts|session-end|use-session-deck|deck-retention|saved-session-storage|use-distinct-study-ids|use-study-session|study-session|use-card-ids-read-ahead|use-first-deck-read-ahead|use-seen-content-hashes)\.tsx?`,
                  String.raw`|ui[\\/]common[\\/](use-shortcuts|resource-list|new-limit-raise-storage)\.tsx?`,
                  String.raw`|scheduler[\\/](study-queue|build-review-queue|sibling-cards|session-queue-inputs|distinct-session-cards|queue-counts|kept-study-head|study-session|saved-study-session|format-interval|likely-first-deck|custom-study|new-limit-raise)\.ts`,
                  String.raw`|domain[\\/](deck-card-lookup|validation[\\/]card-with-topic)\.ts`,
                  ')$',
                ].join(''),
              ),
            },
          ],
        },
      },
    },
  },
});
