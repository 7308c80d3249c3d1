/**
 * User story: I open the playground and start changing the code at once, while Python is
 * still loading; when the full editor arrives, my edit is there and I keep typing where I was.
 */
import { expect, test } from './support/playground.ts';

test('the code is editable while Python boots, and the caret carries over to the editor', async ({
  page,
}) => {
  // Hold Pyodide's WebAssembly until the edit is made, so that Python cannot be ready sooner.
  const gate: { open?: () => void } = {};
  const held = new Promise<void>((resolve) => {
    gate.open = resolve;
  });
  await page.route('**/pyodide.asm.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Python status' })).toHaveAttribute(
    'data-state',
    'booting',
  );

  const plain = page.getByRole('textbox', { name: 'Application code (plain text)' });
  await plain.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# typed while Python loads');
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toMatch(
    /# typed while Python loads$/,
  );

  gate.open?.();
  // The default example runs once Python is ready, then the full editor takes over.
  await expect(page.getByRole('status', { name: 'Python status' })).toHaveAttribute(
    'data-state',
    'ready',
    { timeout: 60_000 },
  );
  const editor = page.getByRole('textbox', { name: 'Application code', exact: true });
  await expect(editor).toBeFocused({ timeout: 30_000 });
  await expect(plain).toHaveCount(0);
  await page.keyboard.type('!');
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.getCode()))
    .toMatch(/# typed while Python loads!$/);
  // The run that Python made of the edited code is in the timeline.
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
});

test('the plain-text stand-in fills the editor pane while Monaco starts, too', async ({ page }) => {
  // Monaco's React wrapper shows its `loading` element in a centring flex box for as long as
  // the editor is being created: record the stand-in's width each time it appears there.
  await page.addInitScript(() => {
    const seen: { standIn: number; frame: number }[] = [];
    Object.assign(window, { standInWidths: seen });
    new MutationObserver(() => {
      const standIn = document.querySelector('section > div > .editor-fallback');
      const frame = document.querySelector('.editor-frame');
      if (standIn && frame) {
        seen.push({ standIn: standIn.clientWidth, frame: frame.clientWidth });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 60_000 });
  const seen = await page.evaluate(
    () =>
      (window as unknown as { standInWidths: { standIn: number; frame: number }[] }).standInWidths,
  );
  expect(seen.length, 'the stand-in showed while Monaco started').toBeGreaterThan(0);
  for (const { standIn, frame } of seen) expect(Math.abs(standIn - frame)).toBeLessThan(4);
});
