/**
 * User story: a test sets the request through `window.__wsgiPlayground.setRequest` in the
 * plain shape it would write by hand — `{ method, url | target, headers: [[name, value]],
 * body }` — and the run serves exactly that; a value of the wrong shape is refused with an
 * error that says what is wrong, and the page keeps working.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

/** Answers with what it was asked, as JSON. */
const ECHO = [
  'import json',
  '',
  'def application(environ, start_response):',
  '    keys = ("REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "CONTENT_TYPE",',
  '            "CONTENT_LENGTH", "HTTP_HOST", "wsgi.url_scheme")',
  '    seen = {key: environ.get(key) for key in keys}',
  '    seen["body"] = environ["wsgi.input"].read().decode()',
  '    start_response("200 OK", [("Content-Type", "application/json")])',
  '    return [json.dumps(seen).encode()]',
  '',
].join('\n');

/** Run ECHO on the request `setRequest` was given; the trace's request and what the app saw. */
async function echo(page: Page, request: unknown) {
  return page.evaluate(
    async ({ code, given }) => {
      const hook = window.__wsgiPlayground;
      if (!hook) throw new Error('no test hook');
      hook.setCode(code);
      hook.setRequest(given as Parameters<typeof hook.setRequest>[0]);
      const trace = await hook.run();
      const body = new TextDecoder().decode(
        Uint8Array.from(atob(trace.response.bodyBase64), (c) => c.charCodeAt(0)),
      );
      return { outcome: trace.outcome, request: trace.request, seen: JSON.parse(body) };
    },
    { code: ECHO, given: request },
  );
}

test('the plain shape sets method, target, headers and body, and a run serves it', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  const run = await echo(page, {
    method: 'POST',
    url: '/x?y=1',
    headers: [['Content-Type', 'text/plain']],
    body: 'text',
  });
  expect(run.outcome).toBe('complete');
  expect(run.request).toEqual({
    method: 'POST',
    target: '/x?y=1',
    headers: [
      ['Host', 'localhost'],
      ['Content-Type', 'text/plain'],
      ['Content-Length', '4'],
    ],
    bodyBase64: btoa('text'),
  });
  expect(run.seen).toMatchObject({
    REQUEST_METHOD: 'POST',
    PATH_INFO: '/x',
    QUERY_STRING: 'y=1',
    CONTENT_TYPE: 'text/plain',
    CONTENT_LENGTH: '4',
    HTTP_HOST: 'localhost',
    body: 'text',
  });
  // The request builder shows the same request.
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('POST');
  await expect(page.getByLabel('Target')).toHaveValue('/x?y=1');
  const environ = await showTab(page, 'Environ');
  await expect(environ.getByRole('row').filter({ hasText: 'CONTENT_TYPE' })).toContainText(
    'text/plain',
  );
});

test('a full URL sends its host as the Host header and sets the scheme', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  const run = await echo(page, { url: 'https://example.test/a?b=1' });
  expect(run.request).toMatchObject({ method: 'GET', target: '/a?b=1' });
  expect(run.request.headers).toEqual([['Host', 'example.test']]);
  expect(run.seen).toMatchObject({
    PATH_INFO: '/a',
    QUERY_STRING: 'b=1',
    HTTP_HOST: 'example.test',
    'wsgi.url_scheme': 'https',
    body: '',
  });
  // The draft's own shape still works as a patch: only the target changes.
  const patched = await echo(page, { target: '/c' });
  expect(patched.request.headers).toEqual([['Host', 'example.test']]);
  expect(patched.seen).toMatchObject({ PATH_INFO: '/c', 'wsgi.url_scheme': 'https' });
});

test('a value of the wrong shape is refused with a clear error; the page keeps working', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  const before = await page.evaluate(() => window.__wsgiPlayground?.getRequest());
  const errors = await page.evaluate(() => {
    const hook = window.__wsgiPlayground;
    if (!hook) throw new Error('no test hook');
    // Deliberately wrong values: the hook's types would refuse them, the page must too.
    const anyHook = hook as unknown as Record<string, (value: unknown) => void>;
    const refused = (method: string, value: unknown): string => {
      try {
        anyHook[method]?.(value);
        return 'accepted';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    const setRequest = (value: unknown) => refused('setRequest', value);
    return {
      null: setRequest(null),
      number: setRequest(42),
      unknownKey: setRequest({ method: 'GET', colour: 'red' }),
      notPairs: setRequest({ url: '/', headers: [['Host']] }),
      rowsInPlain: setRequest({ body: 'x', headers: [{ name: 'A', value: 'b' }] }),
      badBody: setRequest({ body: 42 }),
      badMode: setRequest({ body: { mode: 'xml' } }),
      both: setRequest({ url: '/a', target: '/b' }),
      badUrl: setRequest({ url: 'ftp://example.test/' }),
      code: refused('setCode', 42),
      pane: refused('failPaneForTest', 'Sidebar'),
    };
  });
  expect(errors).toEqual({
    null: expect.stringMatching(/^setRequest takes \{ method, url \| target.*got null\.$/),
    number: expect.stringMatching(/got number\.$/),
    unknownKey: expect.stringContaining('colour is not a key of a request draft'),
    notPairs: 'setRequest: headers[0] must be a [name, value] pair of strings, got ["Host"].',
    rowsInPlain: expect.stringContaining('headers[0] must be a [name, value] pair of strings'),
    badBody: expect.stringMatching(/^setRequest: body must be a body draft .*got 42\.$/),
    badMode: expect.stringContaining('body.mode must be one of none, raw, json, form, multipart'),
    both: 'setRequest: give url or target, not both.',
    badUrl: expect.stringContaining('Only http:// and https:// URLs can be run here'),
    code: 'setCode: takes the code as a string, got 42.',
    pane: expect.stringMatching(/^failPaneForTest: takes one of Page, .*got "Sidebar"\.$/),
  });
  // Nothing reached the store, and the page still works.
  expect(await page.evaluate(() => window.__wsgiPlayground?.getRequest())).toEqual(before);
  await expect(page.getByText(/failed to render/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toHaveText('Hello, World!');
});
