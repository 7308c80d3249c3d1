/**
 * User story: I pick gunicorn as the server and run a generator that sends no Content-Length;
 * the Wire tab shows the chunked framing gunicorn added (each chunk's size line, the last
 * chunk) and says so above the bytes, while the Response tab shows the body as a client hands
 * it over. "Compare servers…" puts the run under wsgiref beside it under gunicorn, and the
 * headers show Transfer-Encoding only on gunicorn's side. Under waitress, an app that sends a
 * hop-by-hop header is refused at start_response, and waitress answers with its own 500 page.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

const GENERATOR_APP = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    yield b'hello '",
  "    yield b'world'",
  '',
].join('\n');

const KEEP_ALIVE_APP = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain'), ('Connection', 'keep-alive')])",
  "    return [b'hello']",
  '',
].join('\n');

/** Open the playground with live mode off, `code` in the editor, and `server` chosen. */
async function openWithServer(page: Page, code: string, server: RegExp): Promise<void> {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await page.evaluate((text) => window.__wsgiPlayground?.setCode(text), code);
  await page.getByRole('tab', { name: /^Settings/ }).click();
  const servers = page.getByRole('radiogroup', { name: 'Server' });
  await servers.getByRole('radio', { name: server }).check();
  await expect(servers.getByRole('radio', { name: server })).toBeChecked();
}

test('gunicorn frames a generator chunked: the wire shows it, the body is the payload, and wsgiref beside it sends no Transfer-Encoding', async ({
  page,
}) => {
  await openWithServer(page, GENERATOR_APP, /^gunicorn 20\.1\.0/);
  // A sync worker serves one request at a time: the flag is the server's, not a setting.
  await expect(page.getByRole('checkbox', { name: 'wsgi.multithread' })).toBeDisabled();
  await expect(page.getByText(/^Set by gunicorn 20\.1\.0: wsgi\.multithread False/)).toBeVisible();

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Complete');

  const wire = await showTab(page, 'Wire');
  const notes = wire.getByRole('list', { name: 'What the server did' });
  await expect(notes).toContainText(
    'gunicorn 20.1.0 framed the body with Transfer-Encoding: chunked (2 chunks)',
  );
  await expect(notes).toContainText('added: Server, Date, Connection, Transfer-Encoding');
  const bytes = wire.getByLabel('Wire bytes');
  await expect(bytes).toContainText('Transfer-Encoding: chunked');
  // Each piece of framing is its own range, named for what it is.
  const size = bytes.getByRole('button', { name: 'chunk size 6 (chunked framing)' });
  await expect(size).toHaveText('6\\r\\n');
  await expect(bytes.getByRole('button', { name: 'chunk size 5 (chunked framing)' })).toHaveText(
    '5\\r\\n',
  );
  await expect(
    bytes.getByRole('button', { name: 'last chunk (0) (chunked framing)' }),
    // Each LF mark ends a line of the view.
  ).toHaveText(/^0\\r\\n\s*\\r\\n\s*$/);
  await expect(bytes.locator('[data-part="framing"][data-framing="end"]')).toHaveCount(2);
  await size.hover();
  await expect(wire.getByLabel('Where these bytes came from')).toContainText('chunk size 6');

  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toHaveText('hello world');

  await showTab(page, 'Wire');
  await wire.getByRole('button', { name: 'Compare servers…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare two runs' });
  await expect(dialog.getByLabel('Run A')).toHaveValue('server:http');
  await expect(dialog.getByLabel('Run B')).toHaveValue('server:gunicorn');
  await expect(dialog.getByRole('table', { name: 'Summary' })).toBeVisible();
  await dialog.getByRole('tab', { name: /^Headers/ }).click();
  const headers = dialog.getByRole('table', { name: 'Response headers compared' });
  await expect(headers.getByRole('row', { name: /^Transfer-Encoding: only in B/ })).toBeVisible();
  await expect(headers.getByRole('row', { name: /^Content-Type: same/ })).toBeVisible();

  // The pickers offer the run under each server.
  await dialog.getByLabel('Run B').selectOption({ label: 'This run under waitress 2.1.2' });
  await expect(dialog.getByLabel('Run B')).toHaveValue('server:waitress');
  await dialog.getByRole('tab', { name: /^Headers/ }).click();
  await expect(headers.getByRole('row', { name: /^Server: only in B/ })).toContainText('waitress');
  await expect(headers.getByRole('row', { name: /^Transfer-Encoding: only in B/ })).toBeVisible();
});

test('waitress refuses a hop-by-hop header: an AssertionError at start_response, and its own 500 page', async ({
  page,
}) => {
  await openWithServer(page, KEEP_ALIVE_APP, /^waitress 2\.1\.2/);
  await expect(page.getByRole('checkbox', { name: 'wsgi.multithread' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'wsgi.multithread' })).toBeDisabled();

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Outcome')).toBeVisible();
  const timeline = await showTab(page, 'Timeline');
  await expect(timeline).toContainText('AssertionError');
  await expect(timeline).toContainText('hop-by-hop');

  const response = await showTab(page, 'Response');
  await expect(response).toContainText('500 Internal Server Error');
  await expect(response.getByLabel('Response body')).toContainText('(generated by waitress)');

  const wire = await showTab(page, 'Wire');
  await expect(wire.getByRole('list', { name: 'What the server did' })).toContainText(
    'waitress 2.1.2 added:',
  );
  await expect(wire.getByLabel('Wire bytes')).toContainText('Server: waitress');
});
