/**
 * User story: when one part of the page fails to render, it says so in its place — which part,
 * and the error — with a button to try again; the rest of the page keeps working, and my code
 * and request are kept. The page never goes blank.
 *
 * The first story is a real fault (a shared link carrying a file part that is not base64);
 * the others use the deliberate test hook `failPaneForTest(name)`, which makes one pane throw
 * on its next render.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

const APP =
  "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'kept']\n";

/** A share link (fragment) whose multipart file part's bytes are not base64. */
async function linkWithBrokenFile(): Promise<string> {
  const payload = {
    c: APP,
    m: 'POST',
    t: '/upload',
    h: [['Host', 'localhost']],
    b: { mode: 'multipart', parts: [{ n: 'f', k: 'file', f: 'a.bin', d: '!!not base64!!' }] },
  };
  const json = new Blob([JSON.stringify(payload)]).stream();
  const deflated = json.pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = Buffer.from(await new Response(deflated).arrayBuffer());
  return `#v1/${bytes.toString('base64url')}`;
}

/** The failure message of the pane `name`. */
const failure = (page: Page, name: string) =>
  page.getByRole('alert').filter({ hasText: `${name} failed to render` });

const fail = (page: Page, name: string) =>
  page.evaluate((pane) => window.__wsgiPlayground?.failPaneForTest(pane as 'Page'), name);

test('a link the request panes cannot render: they say so, and the rest works', async ({
  page,
}) => {
  await openPlayground(page, `/${await linkWithBrokenFile()}`);
  await expect(failure(page, 'Request line')).toContainText("Failed to execute 'atob'");
  await expect(failure(page, 'Request builder')).toBeVisible();
  // The code came with the link and is on screen; the results and the header still work.
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(APP);
  await expect(page.locator('.editor-frame')).toContainText("return [b'kept']");
  await expect(await showTab(page, 'Environ')).toContainText('Run the app to see its environ.');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('button', { name: 'Close the examples' }).click();
  // A request they can render brings both panes back by themselves.
  await page.evaluate(() => window.__wsgiPlayground?.setRequest({ url: '/fixed' }));
  await expect(page.getByText(/failed to render/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toHaveText('kept');
});

test('a failed request builder leaves Run, the results and the code working', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), APP);
  await fail(page, 'Request builder');
  const message = failure(page, 'Request builder');
  await expect(message).toContainText("failPaneForTest('Request builder')");
  await expect(page.getByRole('tab', { name: /^Params/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toHaveText('kept');
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(APP);

  await message.getByRole('button', { name: 'Reload this pane' }).click();
  await expect(message).toHaveCount(0);
  const headers = page.getByRole('tab', { name: /^Headers/ });
  await headers.click();
  await expect(headers).toHaveAttribute('aria-selected', 'true');
});

test('a failed result tab fails alone; reloading it, or a new run, brings it back', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const timeline = await showTab(page, 'Timeline');
  await expect(timeline.getByRole('row').first()).toBeVisible();

  await fail(page, 'Timeline');
  await expect(timeline.getByRole('alert')).toContainText('Timeline failed to render');
  await expect(timeline.getByRole('row')).toHaveCount(0);
  await timeline.getByRole('button', { name: 'Reload this pane' }).click();
  await expect(timeline.getByRole('alert')).toHaveCount(0);
  await expect(timeline.getByRole('row').first()).toBeVisible();

  // A fault in a tab not on screen waits for it to render; the next run retries it.
  await fail(page, 'Response');
  const response = await showTab(page, 'Response');
  await expect(response.getByRole('alert')).toContainText('Response failed to render');
  await expect(page.getByRole('combobox', { name: 'Method' })).toBeEnabled();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(response.getByLabel('Response body')).toHaveText('Hello, World!');
});

test('a failed editor keeps the code editable; dialogs fail inside themselves', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await fail(page, 'Editor');
  const plain = page.getByRole('textbox', { name: 'Application code (plain text)' });
  await expect(plain).toHaveValue(/Hello/);
  await expect(page.locator('.editor-frame')).toContainText('Editor was made to fail');
  await plain.fill(APP);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect((await showTab(page, 'Response')).getByLabel('Response body')).toHaveText('kept');
  await page.getByRole('button', { name: 'Reload this pane' }).click();
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'kept' })).toBeVisible();
  await expect(plain).toHaveCount(0);
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(APP);

  await fail(page, 'Examples gallery');
  await page.getByRole('button', { name: 'Examples' }).click();
  const gallery = page.getByRole('dialog', { name: 'Examples' });
  await expect(gallery.getByRole('alert')).toContainText('Examples gallery failed to render');
  await gallery.getByRole('button', { name: 'Reload this pane' }).click();
  await page.getByRole('button', { name: 'Close the examples' }).click();

  await fail(page, 'Share panel');
  await page.getByRole('button', { name: 'Share' }).click();
  const share = page.getByRole('dialog', { name: 'Share and export' });
  await expect(share.getByRole('alert')).toContainText('Share panel failed to render');
  await share.getByRole('button', { name: 'Reload this pane' }).click();
  await expect(share).toContainText('Link to this run');
});

test('when the whole page fails, it says so and a reload brings the draft back', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await page.evaluate((code) => {
    window.__wsgiPlayground?.setCode(code);
    window.__wsgiPlayground?.setRequest({ target: '/draft' });
  }, APP);
  await fail(page, 'Page');
  await expect(failure(page, 'The playground')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('status', { name: 'Python status' })).toHaveAttribute(
    'data-state',
    'ready',
    { timeout: 60_000 },
  );
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(APP);
  await expect(page.getByLabel('Target')).toHaveValue('/draft');
});
