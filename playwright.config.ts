import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';

/** Chromium from Debian by default; set CHROMIUM_PATH to use another (e.g. Playwright's own). */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT and E2E_DIST let several builds be tested side by side (default: dist/ on 4173).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';
/** The same build served without cross-origin isolation (see vite.config.ts). */
export const PLAIN_PORT = PORT + 100;

export default defineConfig({
  testDir: 'e2e',
  // Each test boots Pyodide (~2 s); allow for a slow machine.
  timeout: 60_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  // Each page boots its own Python; on two cores parallel boots contend (3 tests: 12 s on one
  // worker, 15 s on two), so only go parallel on bigger machines.
  workers: availableParallelism() > 2 ? '50%' : 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  // The site is built beforehand (`npm run build`); this only serves it.
  webServer: [
    {
      command: `node_modules/.bin/vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same site without cross-origin isolation, as a plain static host serves it.
      command: `node_modules/.bin/vite preview --port ${PLAIN_PORT} --strictPort --outDir ${DIST}`,
      env: { WSGI_PLAYGROUND_NO_ISOLATION: '1' },
      url: `http://localhost:${PLAIN_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
