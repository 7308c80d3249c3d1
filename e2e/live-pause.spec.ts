/**
 * User story: I hold a live run at its events — Step runs my generator app up to its next
 * protocol event and holds it there, so I pull its chunks by hand as a slow client would and
 * watch the wire grow; Continue lets it run to the end. I break at a line (the editor's
 * margin) and at an event kind (the Breakpoints menu). On a page that is not cross-origin
 * isolated, the page says why pausing is unavailable and offers stepping through instead.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, plainSiteUrl, showTab, test } from './support/playground.ts';
import { STREAM_APP } from './support/apps.ts';

const held = (page: Page) => page.getByRole('region', { name: 'Paused run' });
const where = (page: Page) => held(page).getByRole('status');
const card = (page: Page) => held(page).getByRole('region', { name: 'State at this step' });
const stepButton = (page: Page) =>
  page.getByRole('region', { name: 'Request' }).getByRole('button', { name: 'Step', exact: true });

/** Step (F10) until the run is held after an event whose summary matches `summary`. */
async function stepUntil(page: Page, summary: RegExp): Promise<void> {
  for (let steps = 0; steps < 12; steps++) {
    const text = (await where(page).textContent()) ?? '';
    if (summary.test(text)) return;
    await page.keyboard.press('F10');
    await expect(where(page)).not.toHaveText(text);
  }
  throw new Error(`never held at ${summary}`);
}

async function openWith(page: Page, code: string): Promise<void> {
  await openPlayground(page);
  await page.evaluate(async (text) => {
    const hook = window.__wsgiPlayground!;
    hook.setCode(text);
    await hook.run();
  }, code);
}

test('pause a generator live, pull two chunks by hand, continue to the end', async ({ page }) => {
  await openWith(page, STREAM_APP);
  await stepButton(page).click();
  await expect(where(page)).toContainText('Paused after step 1');
  await expect(where(page)).toContainText('app.call: server calls application');
  // Held: nothing is on the wire yet, the timeline shows the one event so far.
  await expect(card(page)).toContainText('0 bytes sent so far');
  await expect(page.getByRole('tab', { name: /^Timeline/ })).toContainText('1');
  // No findings on half a run: close() not called *yet* is no fault.
  const findings = await showTab(page, 'Findings');
  await expect(findings).toContainText('The run is paused');
  await showTab(page, 'Timeline');

  await stepUntil(page, /yield: .*b'one '/);
  await expect(where(page)).toContainText('at app.py:3');
  await expect(page.locator('.monaco-editor .editor-selected-line')).toHaveCount(1);
  // The first chunk is pulled: the headers and 'one ' go out only when the client asks.
  await stepUntil(page, /headers sent/);
  await stepUntil(page, /yield: .*b'two '/);
  await expect(card(page)).toContainText("The client has 4 bytes so far: b'one '");
  await expect(where(page)).toContainText('at app.py:4');
  const wire = await showTab(page, 'Wire');
  await expect(wire).toContainText('one ');
  await expect(wire).not.toContainText('two');

  await held(page)
    .getByRole('button', { name: /^Continue/ })
    .click();
  await expect(held(page)).toHaveCount(0);
  await expect(page.getByText('Complete', { exact: true })).toBeVisible();
  const trace = await page.evaluate(() => window.__wsgiPlayground?.lastTrace);
  expect(trace?.outcome).toBe('complete');
  expect(atob(trace?.response.bodyBase64 ?? '')).toBe('one two three');
  // The time held is no time of the run's.
  expect(trace?.stats.ms ?? 1e9).toBeLessThan(1000);
});

test('break at a line from the margin and at an event kind from the menu; Stop a held run', async ({
  page,
}) => {
  await openWith(page, STREAM_APP);
  // A click in the glyph margin of line 4 sets a breakpoint there.
  const line4 = page.locator('.monaco-editor .view-line', { hasText: "yield b'two '" });
  const box = await line4.boundingBox();
  const margin = await page.locator('.monaco-editor .glyph-margin').first().boundingBox();
  expect(box && margin).toBeTruthy();
  await page.mouse.click(margin!.x + margin!.width / 2, box!.y + box!.height / 2);
  await expect(page.locator('.monaco-editor .editor-breakpoint')).toHaveCount(1);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(where(page)).toContainText("yield: chunk #1: 4 bytes b'two '");
  await held(page)
    .getByRole('button', { name: /^Continue/ })
    .click();
  await expect(held(page)).toHaveCount(0);

  // A breakpoint at every close(): Run holds there, after the body went out.
  await page.locator('summary', { hasText: 'Breakpoints' }).click();
  await page.getByRole('button', { name: 'Remove the breakpoint at app.py:4' }).click();
  await expect(page.locator('.monaco-editor .editor-breakpoint')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'close' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(where(page)).toContainText('close');
  await expect(card(page)).toContainText("b'one two three'");
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(held(page)).toHaveCount(0);
  await expect(page.getByText('Stopped', { exact: true })).toBeVisible();
  // The next run works, and removing the breakpoints lets it run through.
  await page.getByRole('button', { name: 'Clear all breakpoints' }).click();
  const next = await page.evaluate(() => window.__wsgiPlayground?.run());
  expect(next?.outcome).toBe('complete');
});

test('not isolated: pausing is unavailable, and Step offers stepping through', async ({
  page,
  baseURL,
}) => {
  await openPlayground(page, plainSiteUrl(baseURL));
  await page.evaluate(() => window.__wsgiPlayground?.run());
  await expect(stepButton(page)).toHaveAttribute('title', /cross-origin isolated/);
  await stepButton(page).click();
  await expect(held(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Step through' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.locator('summary', { hasText: 'Breakpoints' }).click();
  await expect(page.getByRole('group', { name: 'Breakpoints' })).toContainText(
    'Pausing a live run needs a cross-origin isolated page',
  );
});
