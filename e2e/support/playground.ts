/**
 * The shared fixture of the end-to-end specs: a page that records page errors and any
 * request leaving this machine, and fails the test if there were any.
 */
import { expect, test as base, type Page, type Request } from '@playwright/test';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a request URL leaves this machine (data:, blob: and the like never do). */
function leavesMachine(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return /^(https?|wss?):$/.test(protocol) && !LOCAL_HOSTS.has(hostname);
}

/** The Playwright `test`, whose `page` is watched for errors and outside requests. */
export const test = base.extend<{ watched: void }>({
  watched: [
    async ({ page }, use) => {
      const pageErrors: string[] = [];
      const outsideRequests: Request[] = [];
      // The browser reports a request the sandbox's Content-Security-Policy blocked, too, as
      // failed with "csp": it was never sent (e2e/sandbox.spec.ts checks that on a listener).
      const blockedByPolicy = new Set<Request>();
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      page.on('request', (request) => {
        if (leavesMachine(request.url())) outsideRequests.push(request);
      });
      page.on('requestfailed', (request) => {
        if (request.failure()?.errorText === 'csp') blockedByPolicy.add(request);
      });
      await use();
      expect(pageErrors, 'errors thrown in the page').toEqual([]);
      const left = outsideRequests.filter((request) => !blockedByPolicy.has(request));
      expect(
        left.map((request) => request.url()),
        'requests that left localhost',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Wait until Python is ready to run (after a load or a reload). */
export async function pythonReady(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Python status' })).toHaveAttribute(
    'data-state',
    'ready',
    { timeout: 60_000 },
  );
}

/** Open the playground and wait until Python is ready to run. */
export async function openPlayground(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page).toHaveTitle('WSGI Playground');
  await pythonReady(page);
}

/** The results regions, by their accessible names. */
export function regions(page: Page) {
  return {
    response: page.getByRole('region', { name: 'Response' }),
    timeline: page.getByRole('region', { name: 'Timeline' }),
  };
}

/** Open a result tab (Timeline, Environ, Response, Wire, Findings) and return its region. */
export async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  const region = page.getByRole('region', { name });
  await expect(region).toBeVisible();
  return region;
}

/** The same site served without cross-origin isolation (see playwright.config.ts). */
export function plainSiteUrl(baseURL: string | undefined): string {
  const url = new URL(baseURL ?? 'http://localhost:4173/');
  url.port = String(Number(url.port) + 100);
  return url.href;
}
