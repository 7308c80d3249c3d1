/**
 * User story: I share my run — code, request, settings — as a link; someone opens it in
 * their own browser and sees the same code, request, settings and result, run at once.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

/** An app that answers with what it saw. */
const ECHO_APP = [
  'def application(environ, start_response):',
  "    body = environ['wsgi.input'].read(int(environ.get('CONTENT_LENGTH') or 0))",
  "    seen = [environ['REQUEST_METHOD'], environ['SCRIPT_NAME'], environ['PATH_INFO'],",
  "            environ['SERVER_PROTOCOL'], environ.get('HTTP_X_TOKEN', '-'), body.decode()]",
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    return [' | '.join(seen).encode()]",
  '',
].join('\n');

/** The wire without its Date line (it differs by the second). */
function withoutDate(wireBase64: string): string {
  return atob(wireBase64).replace(/^Date: [^\r\n]*\r\n/m, '');
}

/** Wait for the newest run to finish and return its Trace. */
async function finishedTrace(page: Page) {
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.lastTrace?.outcome ?? null))
    .toBe('complete');
  const trace = await page.evaluate(() => window.__wsgiPlayground?.lastTrace);
  if (!trace) throw new Error('no trace');
  return trace;
}

async function expectSettings(page: Page) {
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await expect(page.getByRole('radio', { name: 'CGI gateway' })).toBeChecked();
  await expect(page.getByLabel('HTTP version')).toHaveValue('1.0');
  await expect(page.getByLabel('Mount point')).toHaveValue('/mnt');
}

test('a shared link opens the same code, request, settings and result in a fresh browser', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  // Live off: the run below is the one the link must reproduce, not a live run of an edit
  // in between (each run waits for a fresh interpreter, so one may finish just before it).
  await page.getByLabel('Live').uncheck();
  await page.evaluate((code) => {
    const hook = window.__wsgiPlayground;
    const request = hook?.getRequest();
    if (!hook || !request) return;
    hook.setCode(code);
    hook.setRequest({
      method: 'POST',
      target: '/mnt/form?x=1',
      headers: [...request.headers, { name: 'X-Token', value: 'tok en', enabled: true }],
      body: {
        ...request.body,
        mode: 'form',
        form: [{ name: 'name', value: 'Zoë', enabled: true }],
      },
    });
  }, ECHO_APP);
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await page.getByRole('radio', { name: 'CGI gateway' }).check();
  await page.getByLabel('HTTP version').selectOption('1.0');
  await page.getByLabel('Mount point').fill('/mnt');
  await expectSettings(page);

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  const trace = await finishedTrace(page);
  expect(atob(trace.response.bodyBase64)).toBe(
    'POST | /mnt | /form | HTTP/1.0 | tok en | name=Zo%C3%AB',
  );
  const request = await page.evaluate(() => window.__wsgiPlayground?.getRequest());

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Share and export' });
  await expect(panel.getByRole('status')).toContainText('Copied the link');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`^${baseURL ?? ''}#v2/[A-Za-z0-9_-]+$`));
  await expect(panel.getByLabel('Link', { exact: true })).toHaveValue(link);

  // Someone else's browser: no draft, no history, nothing shared with this one.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const errors: string[] = [];
  page2.on('pageerror', (error) => errors.push(String(error)));
  await openPlayground(page2, link);
  await expect(
    page2.getByRole('status').filter({ hasText: 'Opened from a shared link' }),
  ).toBeVisible();
  const opened = await finishedTrace(page2);
  expect(await page2.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(ECHO_APP);
  expect(await page2.evaluate(() => window.__wsgiPlayground?.getRequest())).toEqual(request);
  await expect(page2.getByLabel('Target')).toHaveValue('/mnt/form?x=1');
  await expectSettings(page2);
  expect(opened.settings).toEqual(trace.settings);
  expect(opened.request).toEqual(trace.request);
  expect(withoutDate(opened.response.wireBase64)).toBe(withoutDate(trace.response.wireBase64));
  const response = await showTab(page2, 'Response');
  await expect(response.getByLabel('Response body')).toContainText('tok en');

  // Editing it says so, and the saved draft of that browser now holds the edit.
  await page2.evaluate(() =>
    window.__wsgiPlayground?.setCode(window.__wsgiPlayground.getCode() + '# edited\n'),
  );
  await expect(
    page2.getByRole('status').filter({ hasText: 'The code has changed since it was shared' }),
  ).toBeVisible();
  await expect.poll(() => page2.evaluate(() => location.hash)).toBe('');
  expect(errors).toEqual([]);
  await other.close();
});

test('copy as Markdown gives the link and the code block', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Share and export' });
  const link = await panel.getByLabel('Link', { exact: true }).inputValue();
  await panel.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied the Markdown.');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  const code = await page.evaluate(() => window.__wsgiPlayground?.getCode() ?? '');
  expect(
    markdown.startsWith(`[Open in WSGI Playground](${link}) — \`GET /hello?name=World\``),
  ).toBe(true);
  expect(markdown).toContain(`\`\`\`python\n${code.trimEnd()}\n\`\`\``);

  await panel.getByRole('button', { name: 'Copy as HTTPie' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied the HTTPie command.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `http GET 'http://localhost:8000/hello?name=World'`,
  );
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});
