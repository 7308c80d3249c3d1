// Screenshot of the playground after running the default example, for the README.
//   node scripts/screenshot.mjs [url]      (default http://localhost:4173/, a running preview)
// Saves docs/screenshots/playground.png (1280×720) and prints how long the page took.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://localhost:4173/';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'docs', 'screenshots', 'playground.png');

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
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByLabel('Response body').waitFor();
  const resultAt = await page.evaluate(() => performance.now());
  // Let Monaco finish painting (fonts, decorations) before the picture.
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.waitForTimeout(300);
  await page.mouse.move(0, 0);

  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`status: ${await status.textContent()}`);
  console.log(
    `ready ${Math.round(readyAt)} ms after navigation; result shown at ${Math.round(resultAt)} ms`,
  );
  console.log(`saved ${output}`);
  if (errors.length > 0) {
    console.error(`page errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
