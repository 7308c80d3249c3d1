// Page load → first result: the playground vs. a bare page that only boots Pyodide in a worker
// and runs the same kind of app, measured side by side in one run, in headless Chromium,
// against the built site (`npm run build` first). Prints medians and their ratio.
//   node scripts/measure-load.mjs [rounds]
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const ROUNDS = Number(process.argv[2] ?? 5);
const PORT = 4179;
const BASE = `http://localhost:${PORT}/`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const server = spawn(
  'node_modules/.bin/vite',
  ['preview', '--port', String(PORT), '--strictPort'],
  {
    stdio: 'ignore',
  },
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

async function bare(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}bench/bare-boot.html`);
  const result = await page.waitForFunction(() => window.__bareResult, null, { timeout: 60_000 });
  const value = await result.jsonValue();
  await context.close();
  return value;
}

async function playground(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE);
  // The page runs its default example as soon as Python is ready; wait for it to be rendered.
  await page
    .getByRole('region', { name: 'Response' })
    .getByText('200 OK')
    .first()
    .waitFor({ timeout: 60_000 });
  const firstResultMs = await page.evaluate(() => performance.now());
  await context.close();
  return { firstResultMs };
}

try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const bareBoot = [];
  const bareFirst = [];
  const appFirst = [];
  await bare(browser); // warm the disk cache of the server side once
  for (let i = 0; i < ROUNDS; i++) {
    const b = await bare(browser);
    bareBoot.push(b.bootMs);
    bareFirst.push(b.firstResultMs);
    appFirst.push((await playground(browser)).firstResultMs);
  }
  await browser.close();
  const ratio = median(appFirst) / median(bareFirst);
  console.log(`rounds: ${ROUNDS} (each in a fresh browser context, alternating)`);
  console.log(`bare page: Pyodide boot alone            median ${median(bareBoot).toFixed(0)} ms`);
  console.log(`bare page: page load → first result      median ${median(bareFirst).toFixed(0)} ms`);
  console.log(`playground: page load → first result     median ${median(appFirst).toFixed(0)} ms`);
  console.log(`ratio playground / bare (first result):  ${ratio.toFixed(2)}`);
} finally {
  server.kill();
}
