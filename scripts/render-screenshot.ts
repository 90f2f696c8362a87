// Renders the README's screenshot from the production build, through Chromium:
// `npm run build && npx tsx scripts/render-screenshot.ts`. The PNG is committed; run it again when
// the study screen changes.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, freePort, waitUntilServing } from './local-chromium';

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port)],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
let output = '';
server.stdout.on('data', (chunk) => {
  output += chunk;
});
server.stderr.on('data', (chunk) => {
  output += chunk;
});

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  await waitUntilServing(server, () => output, baseUrl);
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  await page.goto(`${baseUrl}/decks/python-asynchronous-frameworks/study`);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).waitFor();
  await writeFile('public/screenshot.png', await page.screenshot());
} finally {
  await browser.close();
  server.kill();
}
