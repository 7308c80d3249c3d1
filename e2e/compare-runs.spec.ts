/**
 * User story: I run my app, change a header in the code and run again; in History I compare
 * the two runs and see the header that differs highlighted, the events lined up, the body
 * and the code diffed — and a link of the pair opens the same comparison elsewhere.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openPlayground, test } from './support/playground.ts';

const app = (type: string, body: string) =>
  [
    'def application(environ, start_response):',
    `    start_response('200 OK', [('Content-Type', '${type}'), ('X-Kept', 'yes')])`,
    `    yield b'${body}'`,
    '',
  ].join('\n');

const BEFORE = app('text/plain', 'hello');
const AFTER = app('application/json', '{"hello": 1}');

/** Set the code and run it; wait for its outcome. */
async function runCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => window.__wsgiPlayground?.setCode(text), code);
  await page.evaluate(() => window.__wsgiPlayground?.run());
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
}

/** The open compare view, once both runs are compared. */
async function compareView(page: Page): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: 'Compare two runs' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Summary' })).toBeVisible();
  return dialog;
}

/** What the view must show for the text/plain → application/json edit. */
async function expectTheEdit(dialog: Locator): Promise<void> {
  await dialog.getByRole('tab', { name: /^Headers/ }).click();
  const headers = dialog.getByRole('table', { name: 'Response headers compared' });
  const contentType = headers.getByRole('row', { name: /^Content-Type: changed/ });
  await expect(contentType).toHaveAttribute('data-diff', 'changed');
  await expect(contentType).toContainText('text/plain');
  await expect(contentType).toContainText('application/json');
  await expect(headers.getByRole('row', { name: /^X-Kept: same/ })).toHaveAttribute(
    'data-diff',
    'same',
  );
  // Exactly one header differs (Date only by the clock).
  await expect(headers.locator('tr[data-diff="changed"]')).toHaveCount(1);

  await dialog.getByRole('tab', { name: /^Events/ }).click();
  const events = dialog.getByRole('table', { name: 'Events side by side' });
  await expect(events.locator('tr[data-diff="changed"][data-kind="start_response"]')).toHaveCount(
    1,
  );
  // Every event of A has its partner in B: nothing only on one side.
  await expect(events.locator('tr[data-diff="added"], tr[data-diff="removed"]')).toHaveCount(0);
  await expect(events.locator('tr[data-diff="same"][data-kind="app.call"]')).toHaveCount(1);

  await dialog.getByRole('tab', { name: /^Body/ }).click();
  const body = dialog.getByRole('table', { name: 'bodies compared' });
  const changedLine = body.locator('tr[data-diff="changed"]');
  await expect(changedLine).toContainText('hello');
  await expect(changedLine).toContainText('{"hello": 1}');

  await dialog.getByRole('tab', { name: /^Code/ }).click();
  await expect(dialog.getByText('app.py: 2 lines changed')).toBeVisible();
  const editor = dialog.getByTestId('code-diff-editor');
  await expect(editor.locator('.monaco-diff-editor')).toBeVisible();
  // Monaco wraps long lines, so a value may be cut across two of its line boxes.
  await expect(editor.locator('.modified-in-monaco-diff-editor')).toContainText(
    /application\/\s*json/,
  );
  await expect(editor.locator('.original-in-monaco-diff-editor')).toContainText(/text\/\s*plain/);
}

test('compare two runs: the changed header highlighted, events aligned, body and code diffed, and the pair as a link', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  // Run, edit, run again at once: a run asked for after an edit keeps its own history entry.
  await runCode(page, BEFORE);
  await runCode(page, AFTER);

  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: 'Recent runs' });
  // Newest first: the second entry is the run before the edit.
  await history.getByRole('listitem').nth(1).getByRole('button', { name: 'Compare' }).click();
  const dialog = await compareView(page);
  await expect(dialog.getByLabel('Run B')).toHaveValue('this-run');
  await expectTheEdit(dialog);

  // The pair as one link, opened in a browser of its own: the same comparison, run again.
  await dialog.getByRole('button', { name: 'Copy compare link' }).click();
  await expect(dialog.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#compare\/v2\//);

  // Esc closes the view.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  const opened = await compareView(fresh);
  await expect(opened.getByLabel('Run A')).toHaveValue('link:a');
  await expectTheEdit(opened);
  await other.close();
});

test('the gallery compares a fix with its bug: the middleware that buffers beside the one that streams', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  const gallery = page.getByRole('dialog', { name: 'Examples' });
  await gallery.getByRole('searchbox', { name: 'Filter examples' }).fill('streams');
  await gallery.getByRole('button', { name: /^The fix: a middleware that streams/ }).click();
  const about = page.getByRole('region', { name: 'About this example' });
  await about.getByRole('button', { name: 'Compare with the bug' }).click();
  const dialog = await compareView(page);
  await expect(dialog.getByLabel('Run A')).toHaveValue('link:a');
  await dialog.getByRole('tab', { name: /^Events/ }).click();
  const events = dialog.getByRole('table', { name: 'Events side by side' });
  // The buffering middleware sends one chunk; the fix, three: the events no longer pair up.
  await expect(events.locator('tr[data-diff="added"]').first()).toBeVisible();
  await dialog.getByRole('tab', { name: /^Headers/ }).click();
  const headers = dialog.getByRole('table', { name: 'Response headers compared' });
  await expect(headers.getByRole('row', { name: /^Content-Length: only in A/ })).toBeVisible();
  await expect(headers.getByRole('row', { name: /^X-Progress: only in B/ })).toBeVisible();
});
