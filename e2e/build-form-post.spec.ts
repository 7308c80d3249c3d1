/**
 * User story: I build a form POST in the request builder — method, body mode, fields — see the
 * headers the client adds and the environ it will produce, run it, and see what the app read.
 */
import { expect, openPlayground, showTab, test } from './support/playground.ts';

/** An app that reads exactly CONTENT_LENGTH bytes of wsgi.input and echoes them. */
const ECHO_APP = [
  'def application(environ, start_response):',
  "    length = int(environ.get('CONTENT_LENGTH') or 0)",
  "    body = environ['wsgi.input'].read(length)",
  "    start_response('200 OK', [('Content-Type', 'text/plain; charset=utf-8')])",
  "    head = '%s %s|' % (environ['REQUEST_METHOD'], environ.get('CONTENT_TYPE', ''))",
  '    return [head.encode() + body]',
  '',
].join('\n');

/** What the form below encodes to, as a browser would: 20 bytes. */
const FORM_BODY = 'name=caf%C3%A9&x=1+2';

test('builds a form POST, previews its environ, and the app reads the body', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), ECHO_APP);

  await page.getByRole('combobox', { name: 'Method' }).selectOption('POST');
  await page.getByLabel('Target').fill('/submit');
  await page.getByRole('tab', { name: /^Body/ }).click();
  await page.getByRole('radio', { name: 'Form' }).check();
  const addField = page.getByRole('button', { name: '+ Add field' });
  await addField.click();
  // The new row's name has the focus: type straight into it.
  await expect(page.getByLabel('Field name 1')).toBeFocused();
  await page.keyboard.type('name');
  await page.getByLabel('Field value 1').fill('café');
  await addField.click();
  await page.getByLabel('Field name 2').fill('x');
  await page.getByLabel('Field value 2').fill('1 2');
  await expect(page.getByRole('tab', { name: /^Body/ })).toHaveText(/form/);

  // The client adds the body's headers: shown greyed in the Headers tab.
  await page.getByRole('tab', { name: /^Headers/ }).click();
  const added = page.getByRole('group', { name: 'Headers added by the client' });
  await expect(added).toContainText('Content-Type');
  await expect(added).toContainText('application/x-www-form-urlencoded');
  await expect(added).toContainText('Content-Length');
  await expect(added).toContainText('20');

  // The live preview runs a probe app on this request.
  await page.getByRole('tab', { name: /^Preview/ }).click();
  const preview = page.getByRole('table', { name: 'Environ preview' });
  const previewRow = (key: string) => preview.getByRole('row', { name: new RegExp(`^${key} `) });
  await expect(previewRow('CONTENT_TYPE')).toContainText('application/x-www-form-urlencoded');
  await expect(previewRow('CONTENT_LENGTH')).toContainText('20');
  await expect(previewRow('REQUEST_METHOD')).toContainText('POST');
  await expect(previewRow('PATH_INFO')).toContainText('/submit');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toHaveText(
    `POST application/x-www-form-urlencoded|${FORM_BODY}`,
  );
  const trace = await page.evaluate(() => window.__wsgiPlayground?.lastTrace);
  expect(trace?.request.method).toBe('POST');
  expect(trace?.request.headers).toContainEqual(['Content-Length', '20']);

  const timeline = await showTab(page, 'Timeline');
  const reads = timeline
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'input.read', exact: true }) });
  await expect(reads).toHaveCount(1);

  // The Environ result tab (built alongside): the environ the app received.
  const environ = await showTab(page, 'Environ');
  await expect(environ).toContainText('CONTENT_TYPE');
  await expect(environ).toContainText('application/x-www-form-urlencoded');
  await expect(environ).toContainText('CONTENT_LENGTH');
});

test('the preview shows why a request cannot be served', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await page.getByLabel('Mount point').fill('/app');
  await page.getByRole('tab', { name: /^Preview/ }).click();
  const problem = page.getByRole('tabpanel', { name: 'Preview' }).getByRole('alert');
  await expect(problem).toContainText(
    "The request path '/hello' is not under the mount point SCRIPT_NAME='/app'",
  );
  // Moving the target under the mount point splits it into SCRIPT_NAME and PATH_INFO.
  await page.getByLabel('Target').fill('/app/hello?name=World');
  const preview = page.getByRole('table', { name: 'Environ preview' });
  await expect(preview.getByRole('row', { name: /^SCRIPT_NAME / })).toContainText('/app');
  await expect(preview.getByRole('row', { name: /^PATH_INFO / })).toContainText('/hello');
  await expect(problem).toHaveCount(0);
});
