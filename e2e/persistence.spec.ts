/**
 * User story: my draft — code, request, settings — is saved as I type and is back after a
 * reload, with a history of my recent runs; a draft whose last run hung is not run again by
 * itself.
 */
import { expect, openPlayground, test } from './support/playground.ts';

const DRAFT_KEY = 'wsgi-playground:draft';

const MY_CODE = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    return [environ['PATH_INFO'].encode()]",
  '',
].join('\n');

test('reload restores the edited code, request and settings', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), MY_CODE);
  await page.getByRole('combobox', { name: 'Method' }).selectOption('PUT');
  await page.getByLabel('Target').fill('/saved/path');
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await page.getByLabel('HTTP version').selectOption('1.0');
  const request = await page.evaluate(() => window.__wsgiPlayground?.getRequest());
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY))
    .toContain('"httpVersion":"1.0"');

  await page.reload();
  await expect(page.getByRole('status', { name: 'Python status' })).toHaveAttribute(
    'data-state',
    'ready',
    { timeout: 60_000 },
  );
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(MY_CODE);
  expect(await page.evaluate(() => window.__wsgiPlayground?.getRequest())).toEqual(request);
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('PUT');
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await expect(page.getByLabel('HTTP version')).toHaveValue('1.0');
  // The restored draft runs at once.
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.lastTrace?.response.bodyBase64))
    .toBe(btoa('/saved/path'));
});

test('a draft whose last run hung is not run on reload, and offers Run', async ({ page }) => {
  const draft = {
    version: 1,
    draft: {
      code: "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'ran on request']\n",
      request: {
        method: 'GET',
        target: '/hung',
        headers: [{ name: 'Host', value: 'localhost', enabled: true }],
        body: {
          mode: 'none',
          raw: '',
          rawContentType: '',
          json: '',
          form: [],
          multipart: [],
        },
      },
      settings: {},
      runInFlight: true,
    },
  };
  await page.addInitScript(
    ([key, value]) => {
      if (window.top !== window) return; // the sandbox frame, which has no storage
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [DRAFT_KEY, JSON.stringify(draft)] as const,
  );
  await openPlayground(page);
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'The last run of this draft did not finish (it may have hung)' });
  await expect(notice).toContainText('so it was not re-run');
  await expect(page.getByLabel('Target')).toHaveValue('/hung');
  // Python is ready and nothing ran.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__wsgiPlayground?.lastTrace)).toBeNull();

  await notice.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  await expect(notice).toBeHidden();
  // It finished: a reload runs it again by itself.
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY))
    .toContain('"runInFlight":false');
  await page.reload();
  await expect(page.getByLabel('Outcome')).toContainText('Complete', { timeout: 60_000 });
});

test('after an app that had to be stopped, a reload does not start it again', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => {
    const hook = window.__wsgiPlayground;
    hook?.setCode('def application(environ, start_response):\n    while True:\n        pass\n');
    void hook?.run();
  });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Stopped');

  await page.reload();
  await expect(
    page.getByRole('status').filter({ hasText: 'The last run of this draft did not finish' }),
  ).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toContain('while True');
  await expect(page.getByRole('status', { name: 'Python status' })).toHaveAttribute(
    'data-state',
    'ready',
    { timeout: 60_000 },
  );
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__wsgiPlayground?.lastTrace)).toBeNull();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
});

test('the history lists recent runs and restores one', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  // Live off: a live run of the new code on the old request, if the page is slow to take the
  // next edit, would be recorded too (and merged into the first entry).
  await page.getByLabel('Live').uncheck();
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), MY_CODE);
  await page.getByLabel('Target').fill('/second');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.lastTrace?.response.bodyBase64))
    .toBe(btoa('/second'));

  await page.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'Recent runs' });
  const entries = dialog.getByRole('listitem');
  await expect(entries.first()).toContainText('GET /second');
  await expect(entries.first()).toContainText('200 OK');
  await expect(entries.first().getByLabel('Response body')).toHaveText('/second');
  const first = entries.filter({ hasText: '/hello?name=World' });
  await expect(first).toContainText('Hello, World!');
  await first.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Target')).toHaveValue('/hello?name=World');
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toContain('Hello, WSGI');
});
