/**
 * User story: whatever I (or the author of a link I opened) put in the code, the request or
 * the URL — wrong types, exceptions in every phase, exits, runaway loops, huge or malformed
 * headers, markup and scripts — the playground ends the run with a clear outcome, shows
 * hostile values as text, never lets injected markup run, and keeps working.
 */
import type { Page } from '@playwright/test';
import {
  HOSTILE_APPS,
  HOSTILE_FRAGMENTS,
  HOSTILE_REQUESTS,
  type HostileCase,
} from './hostile/cases.ts';
import { CROSS_RUN_CASES } from './hostile/crossRunCases.ts';
import { WORKER_DEATH_CASES } from './hostile/workerDeathCases.ts';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const TABS = ['Timeline', 'Environ', 'Response', 'Wire', 'Findings'];

async function runCase(page: Page, hostile: HostileCase) {
  return page.evaluate(async ({ code, request }) => {
    const hook = window.__wsgiPlayground;
    if (!hook) throw new Error('no test hook');
    hook.setCode(code);
    const base = hook.getRequest();
    hook.setRequest({
      method: request?.method ?? 'GET',
      target: request?.target ?? '/',
      headers: (request?.headers ?? [['Host', 'localhost']]).map(([name, value]) => ({
        name,
        value,
        enabled: true,
      })),
      body: { ...base.body, mode: 'none' },
    });
    const trace = await hook.run();
    return { outcome: trace.outcome, message: trace.error?.message ?? '' };
  }, hostile);
}

async function expectNothingInjected(page: Page, hostile: HostileCase): Promise<void> {
  let shown = '';
  for (const tab of TABS) shown += await (await showTab(page, tab)).innerText();
  expect(
    await page.evaluate(() => window.__pwned),
    `${hostile.name}: injected markup ran`,
  ).toBeUndefined();
  if (hostile.shows) expect(shown, `${hostile.name}: shown as text`).toContain(hostile.shows);
}

async function prepare(page: Page): Promise<void> {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await page.getByLabel('Time limit').fill('2');
}

test('hostile apps each end in a clear outcome, shown as text', async ({ page }) => {
  test.setTimeout(240_000);
  await prepare(page);
  // Every hostile case, with the cross-run and worker-death ones (their own specs run those).
  expect(
    HOSTILE_APPS.length +
      HOSTILE_REQUESTS.length +
      HOSTILE_FRAGMENTS.length +
      CROSS_RUN_CASES.length +
      WORKER_DEATH_CASES.length,
  ).toBeGreaterThanOrEqual(100);
  for (const hostile of HOSTILE_APPS) {
    const { outcome } = await runCase(page, hostile);
    expect(hostile.outcomes, `${hostile.name}: outcome ${outcome}`).toContain(outcome);
    await expect(page.getByLabel('Outcome')).toBeVisible();
    await expectNothingInjected(page, hostile);
  }
  // After all of that, an ordinary app still runs.
  const { outcome } = await runCase(page, {
    name: 'hello',
    code: "def application(e, s):\n    s('200 OK', [])\n    return [b'fine']\n",
    outcomes: ['complete'],
  });
  expect(outcome).toBe('complete');
});

test('malformed requests are refused with a clear message', async ({ page }) => {
  await prepare(page);
  for (const hostile of HOSTILE_REQUESTS) {
    const { outcome, message } = await runCase(page, hostile);
    expect(outcome, hostile.name).toBe('bad-request');
    expect(message.length, `${hostile.name}: has a message`).toBeGreaterThan(10);
    await expect(page.getByLabel('Outcome')).toContainText(message.slice(0, 30));
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  }
});

test('malformed and hostile share links never break the page', async ({ page }) => {
  test.setTimeout(120_000);
  for (const fragment of HOSTILE_FRAGMENTS) {
    await page.goto('about:blank');
    await openPlayground(page, `/${fragment}`);
    const code = await page.evaluate(() => window.__wsgiPlayground?.getCode() ?? '');
    expect(code, `${fragment}: the page still holds code`).toContain('def application');
    expect(await page.evaluate(() => window.__pwned), fragment).toBeUndefined();
  }
});
