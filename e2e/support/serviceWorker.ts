/** The service worker in the end-to-end specs: wait until it can serve a repeat visit offline. */
import type { Page } from '@playwright/test';
import { expect } from './playground.ts';

/** Wait until the service worker has precached the site and controls the page. */
export async function serviceWorkerInCharge(page: Page): Promise<void> {
  const inCharge = await page.evaluate(async () => {
    const controlled = (async () => {
      // Resolves once a worker is active: its install, which precaches every file, is over.
      // (The page registers it after its first trace.)
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
      return true;
    })();
    const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000));
    return Promise.race([controlled, late]);
  });
  expect(inCharge, 'a service worker controls the page 30 s after its first trace').toBe(true);
}
