/**
 * User story: my app loops forever. I press Stop, or the time limit stops it; the page stays
 * responsive, my code is kept, I see what happened so far, and the next run works — whether
 * or not the site is served cross-origin isolated.
 */
import { expect, openPlayground, plainSiteUrl, showTab, test } from './support/playground.ts';
import type { Page } from '@playwright/test';

const RUNAWAY = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    yield b'before the loop'",
  '    while True:',
  '        pass',
  '',
].join('\n');

const HELLO = "def application(e, s):\n    s('200 OK', [])\n    return [b'alive']\n";

/** Start the runaway app; with `inPython`, return once Python runs it (not while it waits
 * for its interpreter: each run gets a fresh one). */
async function startRunaway(page: Page, inPython = true): Promise<void> {
  await page.evaluate((code) => {
    const hook = window.__wsgiPlayground;
    hook?.setCode(code);
    void hook?.run();
  }, RUNAWAY);
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();
  if (inPython) {
    await page.waitForFunction(() => window.__wsgiPlayground?.interpreters().includes('running'));
  }
}

async function runsAgain(page: Page): Promise<void> {
  const trace = await page.evaluate((code) => {
    window.__wsgiPlayground?.setCode(code);
    return window.__wsgiPlayground?.run();
  }, HELLO);
  expect(trace?.outcome).toBe('complete');
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
}

type Setup = 'isolated' | 'not isolated';

async function openIn(setup: Setup, page: Page, baseURL: string | undefined): Promise<void> {
  await openPlayground(page, setup === 'isolated' ? '/' : plainSiteUrl(baseURL));
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(setup === 'isolated');
}

for (const setup of ['isolated', 'not isolated'] as const) {
  test.describe(`served ${setup}`, () => {
    test('Stop ends a runaway app and the next run works', async ({ page, baseURL }) => {
      await openIn(setup, page, baseURL);
      await startRunaway(page);
      await page.getByRole('button', { name: 'Stop' }).click();
      const outcome = page.getByLabel('Outcome');
      await expect(outcome).toContainText('Stopped');
      expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(RUNAWAY);
      if (setup === 'isolated') {
        // Interrupted, not killed: the events so far are kept.
        const timeline = await showTab(page, 'Timeline');
        await expect(timeline).toContainText('before the loop');
      } else {
        await expect(outcome).toContainText('retired');
      }
      await runsAgain(page);
    });

    test('the time limit ends a runaway app', async ({ page, baseURL }) => {
      await openIn(setup, page, baseURL);
      await page.getByRole('tab', { name: /^Settings/ }).click();
      await page.getByLabel('Time limit').fill('1');
      const started = Date.now();
      // Not waiting to see it running: on a loaded machine a 1 s run can end (and its worker
      // be replaced) between two polls of the page, and the wait would never end (CI flake).
      await startRunaway(page, false);
      await expect(page.getByLabel('Outcome')).toContainText('Timed out');
      await expect(page.getByLabel('Outcome')).toContainText('1 s time limit');
      expect(Date.now() - started).toBeLessThan(8000);
      await runsAgain(page);
    });
  });
}
