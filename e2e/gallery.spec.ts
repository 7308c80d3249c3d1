/**
 * User story: I open the examples gallery, pick an example from a later chapter of the course;
 * it loads and runs, its explanation tells me what to look at, and the Findings tab shows
 * exactly what the example is meant to find. My own code is not lost: I can restore it.
 */
import { expect, openPlayground, showTab, test } from './support/playground.ts';

/** An example of chapter 14 and the rules it must trigger (its `expectedFindings`). */
const EXAMPLE_TITLE = 'Bug: trapping the error of start_response(exc_info)';
const EXPECTED = ['exc-info-after-headers-sent', 'exc-info-error-trapped'];

const MY_CODE = [
  'def application(environ, start_response):',
  '    start_response("200 OK", [("Content-Type", "text/plain")])',
  '    return [b"my own app"]',
  '',
].join('\n');

test('an example from a later chapter loads, runs and explains itself', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), MY_CODE);

  await page.getByRole('button', { name: 'Examples' }).click();
  const gallery = page.getByRole('dialog', { name: 'Examples' });
  await expect(gallery).toBeVisible();
  await expect(gallery.getByRole('heading', { name: 'Hello, world' })).toBeVisible();
  await expect(gallery.getByRole('note')).toContainText('will be replaced');
  // The filter narrows the list to matching examples.
  await gallery.getByRole('searchbox', { name: 'Filter examples' }).fill('exc_info');
  await gallery
    .getByRole('button', { name: new RegExp(`^${EXAMPLE_TITLE.replace(/[()]/g, '\\$&')}`) })
    .click();
  await expect(gallery).toBeHidden();

  const about = page.getByRole('region', { name: 'About this example' });
  await expect(about).toContainText(EXAMPLE_TITLE);
  await expect(about).toContainText('Chapter 14');
  await expect(about).toContainText('The last yield glues an error message onto a 200 page');
  const listed = await about
    .locator('[data-rule]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-rule')));
  expect(listed.sort()).toEqual([...EXPECTED].sort());

  // It ran: the findings of the shown run are exactly the example's.
  await expect
    .poll(async () =>
      page.evaluate(() =>
        [...new Set((window.__wsgiPlayground?.findings ?? []).map((f) => f.rule))].sort(),
      ),
    )
    .toEqual([...EXPECTED].sort());
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toContain('just in case');
  const findings = await showTab(page, 'Findings');
  const rules = await findings
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')));
  expect([...new Set(rules)].sort()).toEqual([...EXPECTED].sort());

  // My own code comes back, and runs.
  await about.getByRole('button', { name: 'Restore my code' }).click();
  await expect(about).toBeHidden();
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(MY_CODE);
  await expect.poll(() => page.evaluate(() => window.__wsgiPlayground?.findings.length)).toBe(0);
});
