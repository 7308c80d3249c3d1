/**
 * User story: I opened the playground once. Later, with the network off, I open it again: it
 * starts from what the first visit cached — the page, the editor, Pyodide and the interpreter
 * image — the default example runs and its timeline renders, and on the isolated site the page
 * is still cross-origin isolated (so Stop interrupts Python instead of restarting it).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';
import {
  expect,
  openPlayground,
  plainSiteUrl,
  regions,
  showTab,
  test,
} from './support/playground.ts';
import { serviceWorkerInCharge } from './support/serviceWorker.ts';

/** Pyodide's files in the build under test (playwright.config.ts serves E2E_DIST). */
const PYODIDE_FILES = readdirSync(join(process.env.E2E_DIST ?? 'dist', 'pyodide')).map(
  (file) => `/pyodide/${file}`,
);

/** An app that tells whether the worker it runs in is cross-origin isolated. */
const ISOLATION_APP = [
  'import js',
  '',
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    return [f'isolated: {js.crossOriginIsolated}'.encode()]",
  '',
].join('\n');

/** When the page set its first-trace mark (app/timeline/TimelineTab.tsx), in ms since navigation. */
async function firstTraceAt(page: Page): Promise<number> {
  const mark = 'wsgi-playground:first-trace';
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
    timeout: 60_000,
    polling: 100,
  });
  return page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN, mark);
}

/** The paths held in the page's Cache Storage. */
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      paths.push(...requests.map((request) => new URL(request.url).pathname));
    }
    return paths;
  });

async function defaultExampleRan(page: Page): Promise<void> {
  const { timeline } = regions(page);
  await expect(timeline.getByRole('row')).not.toHaveCount(0);
  await expect(
    timeline
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'headers.commit', exact: true }) }),
  ).toContainText('200 OK');
  expect(await page.evaluate(() => window.__wsgiPlayground?.lastTrace?.outcome)).toBe('complete');
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toHaveText('Hello, World!');
}

for (const setup of ['isolated', 'not isolated'] as const) {
  test(`served ${setup}: a repeat visit with the network off starts from the cache and runs`, async ({
    page,
    context,
    baseURL,
  }) => {
    const url = setup === 'isolated' ? '/' : plainSiteUrl(baseURL);
    await openPlayground(page, url);
    const online = await firstTraceAt(page);
    await defaultExampleRan(page);
    await serviceWorkerInCharge(page);
    const cached = await cachedPaths(page);
    // The page and every file in pyodide/: the runtime, the stdlib, the interpreter image.
    expect(cached).toEqual(expect.arrayContaining(['/index.html', ...PYODIDE_FILES]));

    await context.setOffline(true);
    // The network is off: what no cache holds cannot be fetched.
    expect(
      await page.evaluate(() =>
        fetch('/pyodide/pyodide-lock.json?not-cached').then(
          () => 'fetched',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    const navigation = await page.reload();
    expect(navigation?.fromServiceWorker()).toBe(true);
    // The cached page keeps the headers it was served with, isolation included or not.
    expect(navigation?.headers()['cross-origin-embedder-policy']).toBe(
      setup === 'isolated' ? 'require-corp' : undefined,
    );
    await expect(page.getByRole('status', { name: 'Python status' })).toHaveAttribute(
      'data-state',
      'ready',
    );
    const offline = await firstTraceAt(page);
    await defaultExampleRan(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(setup === 'isolated');

    // Everything the page loaded for itself and its Python sandbox came from the service
    // worker (the sandbox starts its workers from blob: URLs of those bytes).
    const fromNetwork = responses
      .filter((r) => /^https?:/.test(r.url()) && !r.fromServiceWorker())
      .map((r) => r.url());
    expect(fromNetwork).toEqual([]);
    expect(responses.map((r) => new URL(r.url()).pathname)).toEqual(
      expect.arrayContaining(['/pyodide/pyodide.asm.wasm', '/pyodide/python_stdlib.zip']),
    );

    // The next run works too, and Python's worker is isolated as the page is.
    const trace = await page.evaluate((code) => {
      window.__wsgiPlayground?.setCode(code);
      return window.__wsgiPlayground?.run();
    }, ISOLATION_APP);
    expect(trace?.outcome).toBe('complete');
    await expect((await showTab(page, 'Response')).getByLabel('Response body')).toHaveText(
      setup === 'isolated' ? 'isolated: True' : 'isolated: False',
    );
    // Both from navigation start; the offline one boots from the cache (see README, Hosting).
    test.info().annotations.push({
      type: 'first trace',
      description: `online first visit ${Math.round(online)} ms, offline repeat visit ${Math.round(offline)} ms`,
    });
  });
}
