/**
 * User story: every run I make starts on a pristine interpreter restored from the site's
 * interpreter image — quickly, with never more than two Python workers alive — and when the
 * image cannot be had, Python still boots (plainly) and the status says why. A run cannot
 * reach the site's Cache Storage or IndexedDB, where the service worker keeps the site.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, plainSiteUrl, test } from './support/playground.ts';
import { countPythonWorkers } from '../scripts/pythonWorkers.mjs';

async function runApp(page: Page, code: string) {
  return page.evaluate(async (source) => {
    const hook = window.__wsgiPlayground;
    if (!hook) throw new Error('no test hook');
    hook.setCode(source);
    const trace = await hook.run();
    return {
      outcome: trace.outcome,
      body: atob(trace.response.bodyBase64),
      error: trace.error?.message ?? '',
    };
  }, code);
}

const COUNTER = [
  'import sys',
  "sys.runs = getattr(sys, 'runs', 0) + 1",
  'def application(environ, start_response):',
  "    start_response('200 OK', [])",
  '    return [str(sys.runs).encode()]',
  '',
].join('\n');

for (const setup of ['isolated', 'not isolated'] as const) {
  test(`served ${setup}: each run on a fresh interpreter from the image, two workers at most`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const workers = countPythonWorkers(page);
    await openPlayground(page, setup === 'isolated' ? '/' : plainSiteUrl(baseURL));
    const status = page.getByRole('status', { name: 'Python status' });
    await expect(status).toContainText(/ready · restored in/);
    await page.getByLabel('Live').uncheck();
    for (let i = 0; i < 6; i++) {
      // A counter kept in `sys` would count up if runs shared an interpreter.
      expect(await runApp(page, COUNTER)).toMatchObject({ outcome: 'complete', body: '1' });
    }
    expect(workers.most).toBeLessThanOrEqual(2);
    expect(workers.started).toBeGreaterThanOrEqual(7); // the default run's worker, then one a run
  });
}

test('boots plainly and says why when the interpreter image is missing', async ({ page }) => {
  await page.route('**/wsgi-image.bin.gz', (route) => route.fulfill({ status: 404 }));
  await openPlayground(page);
  const status = page.getByRole('status', { name: 'Python status' });
  await expect(status).toContainText(/ready · booted in .*\(no image\)/);
  await expect(status).toHaveAttribute('title', /image could not be restored \(.*404/);
  await page.getByLabel('Live').uncheck();
  expect(await runApp(page, COUNTER)).toMatchObject({ outcome: 'complete', body: '1' });
  expect(await runApp(page, COUNTER)).toMatchObject({ outcome: 'complete', body: '1' });
});

test("a run cannot reach the site's Cache Storage, IndexedDB or service worker", async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  const probe = [
    'import js',
    'def application(environ, start_response):',
    "    start_response('200 OK', [])",
    "    seen = [name for name in ('caches', 'indexedDB', 'Worker') if hasattr(js, name)]",
    "    seen += ['navigator.' + n for n in ('serviceWorker', 'storage') if hasattr(js.navigator, n)]",
    "    return [('reachable: ' + ', '.join(seen) if seen else 'none reachable').encode()]",
    '',
  ].join('\n');
  expect(await runApp(page, probe)).toMatchObject({ outcome: 'complete', body: 'none reachable' });
});
