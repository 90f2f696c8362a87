// Renders the README's screenshot from the production build, through Chromium:
// `npm run build && npx tsx scripts/build/render-screenshot.ts`. The PNG is committed; run it again when
// the study screen changes.
import { writeFile } from 'node:fs/promises';
import { launchBenchChromium, startPreview } from '../bench/bench-browser';

const server = await startPreview('dist');
const browser = await launchBenchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  await page.goto(`${server.baseUrl}/decks/python-asynchronous-frameworks/study`);
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: /^Good/ }).waitFor();
  await writeFile('public/screenshot.png', await page.screenshot());
} finally {
  await browser.close();
  await server.stop();
}
