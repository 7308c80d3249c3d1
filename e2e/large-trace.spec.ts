/**
 * User story: my app yields 100,000 chunks; the timeline shows all of them without freezing,
 * scrolls to the end, says which times are estimates, and narrows to the kinds I pick.
 */
import { expect, openPlayground, showTab, test } from './support/playground.ts';

const HUNDRED_THOUSAND_CHUNKS = [
  'def application(e, s):',
  "    s('200 OK', [])",
  '    for i in range(100000):',
  "        yield b'x'",
  '',
].join('\n');

test('a 100,000-event trace renders, scrolls to its end and filters by kind', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), HUNDRED_THOUSAND_CHUNKS);
  const trace = await page.evaluate(async () => {
    const run = await window.__wsgiPlayground?.run();
    return { outcome: run?.outcome, events: run?.events.length };
  });
  expect(trace).toEqual({ outcome: 'complete', events: 100_006 });

  const timeline = await showTab(page, 'Timeline');
  await expect(page.getByRole('tab', { name: /^Timeline/ })).toContainText('100,006');
  const table = timeline.getByRole('table', { name: 'Events' });
  await expect(table).toHaveAttribute('aria-rowcount', '100007');
  const rows = table.getByRole('row');
  const ofKind = (kind: string) =>
    rows.filter({ has: page.getByRole('cell', { name: kind, exact: true }) });
  // Virtualised: a screenful of rows is in the page, not 100,000.
  expect(await rows.count()).toBeLessThan(100);

  // Scrolling to the end brings the run's outcome into view.
  await table.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(ofKind('complete')).toBeInViewport();
  await expect(ofKind('complete')).toContainText('complete');
  await expect(ofKind('yield').last()).toContainText('chunk #99999');
  // In so fast a stream most chunk times are interpolated, and say so.
  await ofKind('yield').filter({ hasText: '≈' }).last().click();
  const details = timeline.getByRole('region', { name: 'Event details' });
  await expect(details).toContainText(/≈ [\d.]+ ms \(interpolated\)/);
  await expect(details.getByTitle(/reads the clock for every 16th chunk/)).toBeVisible();

  // From the top, the keyboard's End goes there too.
  await table.evaluate((element) => {
    element.scrollTop = 0;
  });
  await ofKind('app.call').click();
  await page.keyboard.press('End');
  await expect(ofKind('complete')).toHaveAttribute('aria-selected', 'true');
  await expect(ofKind('complete')).toBeInViewport();

  // Filtering: only start_response and complete, then everything again.
  const filter = timeline.getByRole('toolbar', { name: 'Filter events by kind' });
  await expect(filter.getByRole('button', { name: /^yield/ })).toContainText('100,000');
  await filter.getByRole('button', { name: /^start_response/ }).click();
  await filter.getByRole('button', { name: /^complete/ }).click();
  await expect(table).toHaveAttribute('aria-rowcount', '3');
  await expect(ofKind('yield')).toHaveCount(0);
  await expect(ofKind('start_response')).toBeVisible();
  await expect(ofKind('complete')).toBeVisible();
  await filter.getByRole('button', { name: /^All/ }).click();
  await expect(table).toHaveAttribute('aria-rowcount', '100007');
  await expect(ofKind('complete')).toHaveAttribute('aria-selected', 'true');
});
