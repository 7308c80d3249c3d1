/**
 * Story: a person who uses a screen reader or needs contrast opens the playground, light or
 * dark, runs the default example and looks through every result tab, the examples and the
 * share panel; axe-core finds nothing, the editor's colours included.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openPlayground, test } from './support/playground.ts';

/** axe-core's violations on the page as it is, one line per element. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.target.join(' ')} ${node.failureSummary ?? ''}`,
    ),
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the page, its tabs and dialogs have no axe violations (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await openPlayground(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
    // Monaco has painted its tokens and line numbers (their colours are what axe checks).
    await expect(page.locator('.monaco-editor .line-numbers').first()).toBeVisible();
    for (const tab of ['Timeline', 'Environ', 'Response', 'Wire', 'Findings']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await violations(page), `axe on the ${tab} tab`).toEqual([]);
    }
    await page.getByRole('button', { name: 'Examples' }).click();
    await expect(page.getByRole('dialog', { name: 'Examples' })).toBeVisible();
    expect(await violations(page), 'axe on the examples').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Share and export' })).toBeVisible();
    expect(await violations(page), 'axe on the share panel').toEqual([]);
  });
}
