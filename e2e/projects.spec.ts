/**
 * User story: my app is several modules behind middleware. I add a file and import it; the
 * timeline draws each middleware as a lane, and clicking a layer's event opens its file at
 * its line; a link to the project opens every file in someone else's browser.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

/** A three-file project: app.py builds the app from middleware.py around views.py. */
const PROJECT = {
  'app.py': [
    'from middleware import Stamp, Upper',
    'from views import hello',
    '',
    'application = Stamp(Upper(hello))',
    '',
  ].join('\n'),
  'middleware.py': [
    'class Stamp:',
    '    def __init__(self, app):',
    '        self.app = app',
    '',
    '    def __call__(self, environ, start_response):',
    '        def stamped(status, headers, exc_info=None):',
    "            return start_response(status, headers + [('X-Stamp', '1')], exc_info)",
    '',
    '        return self.app(environ, stamped)',
    '',
    '',
    'class Upper:',
    '    def __init__(self, app):',
    '        self.app = app',
    '',
    '    def __call__(self, environ, start_response):',
    '        for chunk in self.app(environ, start_response):',
    '            yield chunk.upper()',
    '',
  ].join('\n'),
  'views.py': [
    'def hello(environ, start_response):',
    "    start_response('200 OK', [('Content-Type', 'text/plain')])",
    "    yield b'hello '",
    "    yield b'views'",
    '',
  ].join('\n'),
};

/** The editor's rendered line holding `text`. */
function editorLine(page: Page, text: string) {
  return page.locator('.monaco-editor .view-line', { hasText: text });
}

test('a second file, added in the file list, is importable by its name', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await page.getByRole('button', { name: '+ New file' }).click();
  await page.getByLabel('New file name').fill('greeting.py');
  await page.getByLabel('New file name').press('Enter');
  const tabs = page.getByRole('tablist', { name: 'Files' });
  await expect(tabs.getByRole('tab', { name: 'greeting.py' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  // The new file is shown (empty); give it a function, then import it from app.py.
  await page.evaluate(() => {
    const hook = window.__wsgiPlayground;
    if (!hook) return;
    hook.setFiles({
      ...hook.getFiles(),
      'greeting.py': 'def greet(name):\n    return f"Hi {name} from greeting.py"\n',
    });
  });
  await expect(editorLine(page, 'def greet(name):')).toBeVisible();
  await tabs.getByRole('tab', { name: /^app\.py/ }).click();
  await page.evaluate(() =>
    window.__wsgiPlayground?.setCode(
      [
        'from greeting import greet',
        '',
        'def application(environ, start_response):',
        "    start_response('200 OK', [('Content-Type', 'text/plain')])",
        "    return [greet('Ada').encode()]",
        '',
      ].join('\n'),
    ),
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toContainText('Hi Ada from greeting.py');
  // Renaming the file breaks the import, with the reason on screen.
  await tabs.getByRole('tab', { name: 'greeting.py' }).click();
  await page.getByRole('button', { name: 'Rename greeting.py' }).click();
  await page.getByLabel('New name for greeting.py').fill('greetings.py');
  await page.getByLabel('New name for greeting.py').press('Enter');
  await expect(tabs.getByRole('tab', { name: 'greetings.py' })).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Outcome')).toContainText("No module named 'greeting'");
});

test('middleware layers get lanes; a layer event opens its file at its line', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await page.evaluate((files) => window.__wsgiPlayground?.setFiles(files), PROJECT);
  const trace = await page.evaluate(() => window.__wsgiPlayground?.run());
  expect(trace?.outcome).toBe('complete');
  expect(trace?.layers?.map((layer) => layer.name)).toEqual(['Stamp', 'Upper']);
  const timeline = await showTab(page, 'Timeline');
  for (const lane of ['Client', 'Server', 'Stamp', 'Upper', 'App'])
    await expect(timeline.getByText(lane, { exact: true }).first()).toBeVisible();

  // The view's start_response, as the app passed it: in views.py, line 2.
  const rows = timeline.getByRole('row');
  const appStart = rows
    .filter({ has: page.getByRole('cell', { name: 'layer.start_response', exact: true }) })
    .first();
  await appStart.click();
  await expect(page.getByRole('tab', { name: 'views.py' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(editorLine(page, "start_response('200 OK'")).toBeVisible();
  await expect(page.locator('.monaco-editor .editor-selected-line')).toHaveCount(1);
  // Upper's yield of an upper-cased chunk: in middleware.py, at its yield.
  const upperYield = rows
    .filter({ has: page.getByRole('cell', { name: 'layer.yield', exact: true }) })
    .filter({ hasText: 'Upper gives Stamp' })
    .first();
  await upperYield.click();
  await expect(page.getByRole('tab', { name: 'middleware.py' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(editorLine(page, 'yield chunk.upper()')).toBeVisible();
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toContainText('HELLO VIEWS');
});

test('a link to a three-file project restores every file in a fresh browser', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await page.evaluate((files) => window.__wsgiPlayground?.setFiles(files), PROJECT);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Share and export' });
  await expect(panel.getByRole('status')).toContainText('Copied the link');
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await openPlayground(page2, link);
  await expect(page2.getByLabel('Outcome')).toContainText('Complete');
  expect(await page2.evaluate(() => window.__wsgiPlayground?.getFiles())).toEqual(PROJECT);
  const tabs = page2.getByRole('tablist', { name: 'Files' });
  await expect(tabs.getByRole('tab')).toHaveText([/^app\.py/, 'middleware.py', 'views.py']);
  const response = await showTab(page2, 'Response');
  await expect(response.getByLabel('Response body')).toContainText('HELLO VIEWS');
  await other.close();
});
