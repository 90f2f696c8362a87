// Renders the app icons the web app manifest needs from public/favicon.svg, through Chromium:
// `npx tsx scripts/build/render-icons.ts`. The PNGs are committed; run again after changing the SVG.
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svg = await readFile('public/favicon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const render = async (size: number, padding: number, file: string) => {
    await page.setViewportSize({ width: size, height: size });
    // A maskable icon keeps its artwork inside the central 80% safe zone, on a full background.
    const inner = size - 2 * padding;
    await page.setContent(
      `<body style="margin:0;background:#3b5bdb;width:${size}px;height:${size}px;display:grid;place-items:center">
        <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div>
      </body>`,
    );
    await writeFile(file, await page.screenshot({ omitBackground: padding === 0 }));
  };
  await render(192, 0, 'public/icon-192.png');
  await render(512, 0, 'public/icon-512.png');
  await render(512, 64, 'public/icon-maskable-512.png');
} finally {
  await browser.close();
}
