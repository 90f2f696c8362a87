import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundledDecks } from './scripts/vite-plugin-decks.ts';

// RECALLMAP_DECKS_DIR lets browser tests build the app around fixture decks.
const decksDir = process.env.RECALLMAP_DECKS_DIR ?? 'decks';

export default defineConfig({
  plugins: [react(), bundledDecks(decksDir)],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
});
