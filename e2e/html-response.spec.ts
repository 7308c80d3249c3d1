/**
 * User story: my app returns HTML with a script; I see it rendered, sandboxed — the script
 * runs but cannot reach the playground. I also see the exact bytes on the wire, each traced
 * to the event that produced it, and the environ my app received.
 */
import { expect, openPlayground, showTab, test } from './support/playground.ts';

const HTML_APP = String.raw`
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [b"""<!doctype html><h1>Hi</h1><script>
document.body.dataset.ran = 'yes';
try { parent.document.title = 'pwned' } catch (e) { document.body.dataset.blocked = 'yes' }
try { localStorage.setItem('stolen', '1'); document.body.dataset.storage = 'open' }
catch (e) { document.body.dataset.storage = 'blocked' }
</script>"""]
`;

test('renders an HTML response in a sandboxed preview its scripts cannot escape', async ({
  page,
}) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), HTML_APP);
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const response = await showTab(page, 'Response');
  await expect(response).toContainText('200 OK');
  await response.getByRole('button', { name: 'Preview' }).click();

  const frame = response.locator('iframe');
  await expect(frame).toHaveCount(1);
  await expect(frame).toHaveAccessibleName('HTML preview');
  const sandbox = await frame.getAttribute('sandbox');
  expect(sandbox?.split(/\s+/)).toContain('allow-scripts');
  expect(sandbox).not.toContain('allow-same-origin');

  const preview = page.frameLocator('iframe[title="HTML preview"]');
  await expect(preview.getByRole('heading', { name: 'Hi' })).toBeVisible();
  // The script ran, and each reach outside its opaque origin failed.
  const body = preview.locator('body');
  await expect(body).toHaveAttribute('data-ran', 'yes');
  await expect(body).toHaveAttribute('data-blocked', 'yes');
  await expect(body).toHaveAttribute('data-storage', 'blocked');
  await expect(page).toHaveTitle('WSGI Playground');
  expect(await page.evaluate(() => localStorage.getItem('stolen'))).toBeNull();
});

test('marks the server-added status line on the wire and traces the body to its event', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Complete');

  const wire = await showTab(page, 'Wire');
  const bytes = wire.getByLabel('Wire bytes');
  const status = bytes.locator('[data-part="status"]');
  await expect(status).toHaveAttribute('data-origin', 'server');
  await expect(status).toContainText('HTTP/1.1 200 OK');
  await expect(bytes.locator('[data-part="header"][data-origin="server"]')).toContainText('Date:');

  const body = bytes.locator('[data-part="body"]');
  await expect(body).toHaveCount(1);
  await expect(body).toContainText('Hello, World!');
  const inspector = wire.getByLabel('Where these bytes came from');
  // By keyboard: focus a line of the head, then move to the last range.
  await status.focus();
  await expect(inspector).toContainText('Status line');
  await page.keyboard.press('End');
  await expect(body).toBeFocused();
  await page.mouse.move(0, 0);
  await body.hover();
  await expect(inspector).toContainText('From yield (seq');
  await expect(inspector).toContainText("chunk #0: 14 bytes b'Hello, World!\\n'");

  // Clicking selects that event in the timeline.
  await body.click();
  const seq = await body.getAttribute('data-seq');
  const trace = await page.evaluate(() => window.__wsgiPlayground?.lastTrace);
  const event = trace?.events.find((e) => String(e.seq) === seq);
  expect(event?.kind).toBe('yield');
  await expect(body).toHaveClass(/wire-span--selected/);
  const timeline = await showTab(page, 'Timeline');
  await expect(timeline.getByRole('row', { selected: true })).toContainText('yield');
});

test('shows PATH_INFO as a latin-1 native string with its UTF-8 reading', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => window.__wsgiPlayground?.setRequest({ target: '/caf%C3%A9' }));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Complete');

  const environ = await showTab(page, 'Environ');
  const row = environ
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'PATH_INFO' }) });
  await expect(row).toContainText('/cafÃ©');
  await expect(row).toContainText('as UTF-8: /café');

  // The PEP's explanation opens from the row, by keyboard too.
  const about = row.getByRole('button', { name: 'About PATH_INFO' });
  await about.focus();
  await page.keyboard.press('Enter');
  await expect(about).toHaveAttribute('aria-expanded', 'true');
  await expect(environ.getByRole('link', { name: /PEP 3333 › environ Variables/ })).toHaveAttribute(
    'href',
    'https://peps.python.org/pep-3333/#environ-variables',
  );

  await environ.getByLabel('Filter environ keys').fill('wsgi.');
  await expect(environ.getByRole('rowheader', { name: 'PATH_INFO' })).toHaveCount(0);
  await expect(environ.getByRole('rowheader', { name: 'wsgi.url_scheme' })).toBeVisible();
});
