/**
 * User story: I open the playground, run the example app, change it, and see what the
 * client receives and every step across the WSGI boundary.
 */
import { expect, openPlayground, showTab, test } from './support/playground.ts';

test('runs the default example and shows the response and its timeline', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('GET');
  await expect(page.getByLabel('Target')).toHaveValue('/hello?name=World');

  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const response = await showTab(page, 'Response');
  await expect(response).toContainText('200 OK');
  await expect(response).toContainText('Content-Type');
  await expect(response.getByLabel('Response body')).toHaveText('Hello, World!');
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  const timeline = await showTab(page, 'Timeline');
  const rows = timeline.getByRole('row');
  const ofKind = (kind: string) =>
    rows.filter({ has: page.getByRole('cell', { name: kind, exact: true }) });
  await expect(ofKind('start_response')).toHaveCount(1);
  await expect(ofKind('headers.commit')).toContainText('200 OK');
  // A header row plus one row per event.
  const trace = await page.evaluate(() => window.__wsgiPlayground?.lastTrace);
  expect(trace?.outcome).toBe('complete');
  await expect(rows).toHaveCount((trace?.events.length ?? 0) + 1);
});

test('runs edited code with Ctrl+Enter', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => {
    const hook = window.__wsgiPlayground;
    hook?.setCode(
      [
        'def application(environ, start_response):',
        '    start_response("201 Created", [("Content-Type", "text/plain")])',
        '    yield b"made "',
        '    yield environ["PATH_INFO"].encode()',
        '',
      ].join('\n'),
    );
    hook?.setRequest({ method: 'POST', target: '/things' });
  });
  await expect(page.getByLabel('Target')).toHaveValue('/things');

  // From the editor: the shortcut runs instead of inserting a line.
  await page.getByRole('textbox', { name: 'Application code' }).focus();
  await page.keyboard.press('Control+Enter');

  const response = await showTab(page, 'Response');
  await expect(response).toContainText('201 Created');
  await expect(response.getByLabel('Response body')).toHaveText('made /things');
  const timeline = await showTab(page, 'Timeline');
  const yields = timeline.getByRole('row').filter({
    has: page.getByRole('cell', { name: 'yield', exact: true }),
  });
  await expect(yields).toHaveCount(2);
  const code = await page.evaluate(() => window.__wsgiPlayground?.getCode());
  expect(code?.split('\n')).toHaveLength(5);
});

test('shows a syntax error with its line, marks it, and keeps the previous results', async ({
  page,
}) => {
  await openPlayground(page);
  // The default example's run is the "previous" one: let it finish (a newer run supersedes it).
  await page.waitForFunction(() => window.__wsgiPlayground?.lastTrace?.outcome === 'complete');
  await page.evaluate(() =>
    window.__wsgiPlayground?.setCode(
      'def application(environ, start_response):\n    return [b"x"\n',
    ),
  );
  const trace = await page.evaluate(() => window.__wsgiPlayground?.run());
  expect(trace?.outcome).toBe('syntax-error');

  const outcome = page.getByLabel('Outcome');
  await expect(outcome).toContainText('Syntax error');
  await expect(outcome).toContainText(trace?.error?.message ?? 'missing message');
  await expect(outcome).toContainText(`line ${trace?.error?.line}`);
  // The previous results stay visible (and say so) until a run serves the request again.
  await expect(outcome).toContainText('from the previous run');
  await expect(await showTab(page, 'Response')).toContainText('200 OK');
  await expect(page.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0);
});
