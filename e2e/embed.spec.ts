/**
 * User story: I put a run in my teaching page with the <iframe> snippet; readers see the code
 * and its timeline, can run it, and can open it in the full playground — and the embed never
 * touches their own saved draft.
 */
import { expect, openPlayground, test } from './support/playground.ts';

const LESSON_APP = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    yield b'lesson one'",
  '',
].join('\n');

test('the embed snippet renders the code and the timeline, and runs', async ({
  page,
  browser,
  baseURL,
}) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), LESSON_APP);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Share and export' });
  const snippet = await panel.getByLabel('Embed snippet', { exact: true }).inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/localhost:\d+\/\?embed#v2\/[\w-]+" title="/);

  // A reader's browser: a teaching page that holds the snippet.
  const reader = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const lesson = await reader.newPage();
  const errors: string[] = [];
  lesson.on('pageerror', (error) => errors.push(String(error)));
  // Served from the playground's own origin, so that the test can read that origin's storage.
  await lesson.route('**/lesson.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<h1>Lesson 1</h1>${snippet}` }),
  );
  await lesson.goto(new URL('lesson.html', baseURL).href);
  const frame = lesson.frameLocator('iframe');
  await expect(frame.getByRole('status', { name: 'Python status' })).toHaveAttribute(
    'data-state',
    'ready',
    { timeout: 60_000 },
  );
  const timeline = frame.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('cell', { name: 'headers.commit', exact: true })).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'Application code' })).toBeAttached();
  await expect(frame.getByText("yield b'lesson one'")).toBeVisible();
  // Minimal chrome: no request builder, no result tabs, no Share.
  await expect(frame.getByRole('tablist')).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Share' })).toHaveCount(0);

  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(frame.getByRole('status', { name: 'Python status' })).toContainText('200 OK');
  const open = frame.getByRole('link', { name: 'Open in WSGI Playground' });
  await expect(open).toHaveAttribute('href', /^http:\/\/localhost:\d+\/#v2\/[\w-]+$/);
  await expect(open).toHaveAttribute('target', '_blank');

  // Nothing was saved: no draft, no history.
  expect(await lesson.evaluate(() => Object.keys(localStorage))).toEqual([]);
  expect(errors).toEqual([]);
  await reader.close();
});

test('a gallery example opens in embed mode by name', async ({ page }) => {
  await openPlayground(page, '/?embed#example/hello-world');
  await expect(
    page
      .getByRole('region', { name: 'Timeline' })
      .getByRole('cell', { name: 'complete', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open in WSGI Playground' })).toBeVisible();
});
