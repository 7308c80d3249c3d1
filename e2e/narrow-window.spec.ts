/**
 * User story: I open the playground in a narrow window (a laptop split screen, a tablet). The
 * page fits the window's width, the name stays readable, and the panes stack, each whole,
 * with the results below.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, test } from './support/playground.ts';

/** How far the page reaches past the window's right edge (0 when it fits). */
const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('at 1024 px the page fits the window, booting and ready', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('/');
  // While booting, the status pill is at its widest.
  await expect(page.getByRole('status', { name: 'Python status' })).toHaveAttribute(
    'data-state',
    'booting',
  );
  expect(await overflowX(page)).toBe(0);
  await openPlayground(page);
  expect(await overflowX(page)).toBe(0);
  await expect(page.getByRole('tab', { name: /^Findings/ })).toBeInViewport({ ratio: 1 });
});

test('at 800 px the panes stack, each whole, and the results follow', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await openPlayground(page);
  expect(await overflowX(page)).toBe(0);

  const title = page.getByRole('heading', { level: 1 });
  expect(
    await title.evaluate((heading) => heading.scrollWidth <= heading.clientWidth),
    'the heading is not cut off',
  ).toBe(true);

  // The request builder's pane shows all of its content, rather than a squeezed slice that
  // scrolls inside.
  const builder = page.getByRole('tablist', { name: 'Request builder' });
  const clipped = await builder.evaluate((tabs) => {
    const pane = tabs.closest('.workspace__pane');
    if (!pane) return ['no pane'];
    return [pane, ...pane.querySelectorAll('*')]
      .filter((element) => element.scrollHeight > element.clientHeight + 1)
      .filter((element) => getComputedStyle(element).overflowY !== 'visible')
      .map((element) => element.className);
  });
  expect(clipped, 'scrolled boxes in the request pane').toEqual([]);
  await page.getByRole('button', { name: 'Add parameter' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Add parameter' })).toBeInViewport({ ratio: 1 });

  // Below it, the results of the default run.
  const outcome = page.getByLabel('Outcome');
  await outcome.scrollIntoViewIfNeeded();
  await expect(outcome).toContainText('Complete');
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('row')).not.toHaveCount(0);
});
