// Screenshots of the playground after running the default example: the main view for the
// README and one per result tab, made from a running preview of the built site.
//   node scripts/screenshot.mjs [url]      (default http://localhost:4173/)
// Saves docs/screenshots/playground.png and docs/screenshots/tab-<name>.png (1280×720).
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://localhost:4173/';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'docs', 'screenshots');
const TABS = ['Timeline', 'Environ', 'Response', 'Wire', 'Findings'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  const status = page.getByRole('status', { name: 'Python status' });
  await status.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
  const readyAt = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => window.__wsgiPlayground?.lastTrace, null, { timeout: 60_000 });
  const resultAt = await page.evaluate(() => performance.now());
  // Let Monaco finish painting (fonts, decorations) before the pictures.
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.waitForTimeout(400);
  await page.mouse.move(0, 0);

  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, 'playground.png') });
  for (const tab of TABS) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await page.waitForTimeout(250);
    await page.screenshot({ path: join(folder, `tab-${tab.toLowerCase()}.png`) });
  }
  console.log(`status: ${await status.textContent()}`);
  console.log(
    `ready ${Math.round(readyAt)} ms after navigation; first result at ${Math.round(resultAt)} ms`,
  );
  console.log(`saved playground.png and ${TABS.length} tab screenshots in ${folder}`);
  if (errors.length > 0) {
    console.error(`page errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
