/**
 * User story: I paste a curl command copied from a terminal or the browser's developer tools,
 * the request builder fills in, and the app receives that request; I copy the request back out
 * as a curl command.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

/** As Chrome's "Copy as cURL (bash)" writes it: one option a line, with continuations. */
const COMMAND = String.raw`curl 'http://example.test:8080/api/notes?draft=1&tag=a%20b' \
  -H 'accept: application/json' \
  -H 'content-type: application/json' \
  -H 'x-request-id: abc-123' \
  --data-raw '{"title":"Hi","tags":["a","b"]}'`;

/** An app that answers with what it saw, as JSON. */
const ECHO_APP = [
  'import json',
  '',
  'def application(environ, start_response):',
  "    body = environ['wsgi.input'].read(int(environ.get('CONTENT_LENGTH') or 0))",
  "    keys = ('REQUEST_METHOD', 'PATH_INFO', 'QUERY_STRING', 'CONTENT_TYPE', 'SERVER_NAME',",
  "            'SERVER_PORT', 'HTTP_ACCEPT', 'HTTP_X_REQUEST_ID')",
  '    seen = {key: environ.get(key) for key in keys}',
  "    seen['body'] = body.decode()",
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  '    return [json.dumps(seen, sort_keys=True).encode()]',
  '',
].join('\n');

async function pasteCurl(page: Page, command: string) {
  await page.getByRole('button', { name: 'Paste curl' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a curl command' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('curl command', { exact: true }).fill(command);
  await dialog.getByRole('button', { name: 'Fill request' }).click();
  return dialog;
}

test('a pasted curl command fills the request, and the app receives it', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), ECHO_APP);

  const dialog = await pasteCurl(page, COMMAND);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Filled from curl' })).toBeVisible();

  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('POST');
  await expect(page.getByLabel('Target')).toHaveValue('/api/notes?draft=1&tag=a%20b');
  await page.getByRole('tab', { name: /^Params/ }).click();
  await expect(page.getByLabel('Parameter name 2')).toHaveValue('tag');
  await expect(page.getByLabel('Parameter value 2')).toHaveValue('a b');
  await page.getByRole('tab', { name: /^Headers/ }).click();
  const headers = [
    ['Host', 'example.test:8080'],
    ['accept', 'application/json'],
    ['x-request-id', 'abc-123'],
  ];
  for (const [index, [name, value]] of headers.entries()) {
    await expect(page.getByLabel(`Header name ${index + 1}`)).toHaveValue(name ?? '');
    await expect(page.getByLabel(`Header value ${index + 1}`)).toHaveValue(value ?? '');
  }
  // The JSON body mode sends the Content-Type: it is not a typed header.
  await expect(page.getByLabel('Header name 4')).toHaveCount(0);
  await page.getByRole('tab', { name: /^Body/ }).click();
  await expect(page.getByRole('radio', { name: 'JSON' })).toBeChecked();
  await expect(page.getByLabel('JSON body')).toHaveValue('{"title":"Hi","tags":["a","b"]}');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toContainText('abc-123');
  const trace = await page.evaluate(() => window.__wsgiPlayground?.lastTrace);
  const seen: unknown = JSON.parse(atob(trace?.response.bodyBase64 ?? ''));
  expect(seen).toEqual({
    REQUEST_METHOD: 'POST',
    PATH_INFO: '/api/notes',
    QUERY_STRING: 'draft=1&tag=a%20b',
    CONTENT_TYPE: 'application/json',
    SERVER_NAME: 'example.test',
    SERVER_PORT: '8080',
    HTTP_ACCEPT: 'application/json',
    HTTP_X_REQUEST_ID: 'abc-123',
    body: '{"title":"Hi","tags":["a","b"]}',
  });
});

test('a command that does not read leaves the request untouched', async ({ page }) => {
  await openPlayground(page);
  const before = await page.evaluate(() => window.__wsgiPlayground?.getRequest());
  const dialog = await pasteCurl(page, `curl 'http://example.test/ -H 'X: 1'`);
  await expect(dialog.getByRole('alert')).toContainText('Unbalanced quotes');
  await expect(dialog.getByRole('alert')).toContainText('The request was not changed.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await page.evaluate(() => window.__wsgiPlayground?.getRequest())).toEqual(before);
});

test('copy as curl writes the URL, headers and body, and pastes back', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await pasteCurl(page, COMMAND);
  await expect(page.getByLabel('Target')).toHaveValue('/api/notes?draft=1&tag=a%20b');

  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`curl 'http://example.test:8080/api/notes?draft=1&tag=a%20b'`);
  expect(copied).toContain(`-H 'accept: application/json'`);
  expect(copied).toContain(`-H 'x-request-id: abc-123'`);
  expect(copied).toContain(`-H 'Content-Type: application/json'`);
  expect(copied).toContain(`--data-binary '{"title":"Hi","tags":["a","b"]}'`);

  // Pasting the copy back gives the same request.
  const before = await page.evaluate(() => window.__wsgiPlayground?.getRequest());
  await page.evaluate(() => window.__wsgiPlayground?.setRequest({ method: 'GET', target: '/' }));
  await pasteCurl(page, copied);
  expect(await page.evaluate(() => window.__wsgiPlayground?.getRequest())).toEqual(before);
});

test('without a clipboard, copy as curl shows the command selected', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined });
  });
  await openPlayground(page);
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy this curl command' });
  const text = dialog.getByLabel('curl command to copy');
  await expect(text).toHaveValue(`curl 'http://localhost:8000/hello?name=World'`);
  await expect(text).toBeFocused();
  const selected = await text.evaluate(
    (area: HTMLTextAreaElement) => area.selectionEnd - area.selectionStart,
  );
  expect(selected).toBe(`curl 'http://localhost:8000/hello?name=World'`.length);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
