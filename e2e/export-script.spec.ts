/**
 * User story: I download the standalone Python script of my run and run it with my own
 * CPython: it prints the same response bytes as the playground (Date aside).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, openPlayground, test } from './support/playground.ts';

const PYTHON = process.env.PYTHON ?? 'python3';

const APP = [
  'import json',
  '',
  'def application(environ, start_response):',
  "    body = environ['wsgi.input'].read(int(environ.get('CONTENT_LENGTH') or 0))",
  "    print('this goes to stderr, not to the wire')",
  "    start_response('201 Created', [('Content-Type', 'application/json'),",
  "                                    ('X-Seen', environ['SERVER_PROTOCOL'])])",
  "    yield json.dumps({'path': environ['PATH_INFO'], 'body': body.decode()}).encode()",
  "    yield b'\\n\\xe2\\x9c\\x93 done'",
  '',
].join('\n');

/** Wire bytes as latin-1 text, without the Date line. */
function withoutDate(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/^Date: [^\r\n]*\r\n/m, '');
}

test('the downloaded Python script prints the same wire bytes', async ({ page }, testInfo) => {
  test.skip(spawnSync(PYTHON, ['--version']).status !== 0, 'needs python3');
  await openPlayground(page);
  await page.evaluate((code) => {
    const hook = window.__wsgiPlayground;
    const request = hook?.getRequest();
    if (!hook || !request) return;
    hook.setCode(code);
    hook.setRequest({
      method: 'POST',
      target: '/items?draft=1',
      body: { ...request.body, mode: 'json', json: '{"name": "café"}' },
    });
  }, APP);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.lastTrace?.request.method))
    .toBe('POST');

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Share and export' });
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download Python script' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('wsgi_run.py');
  const file = testInfo.outputPath('wsgi_run.py');
  await download.saveAs(file);
  await expect(panel.getByRole('status')).toHaveText('Downloaded wsgi_run.py.');

  const run = spawnSync(PYTHON, [file], { timeout: 30_000 });
  expect(run.status, run.stderr.toString()).toBe(0);
  expect(run.stderr.toString()).toContain('this goes to stderr, not to the wire');
  const wire = await page.evaluate(() => window.__wsgiPlayground?.lastTrace?.response.wireBase64);
  expect(withoutDate(run.stdout)).toBe(withoutDate(Buffer.from(wire ?? '', 'base64')));
  expect(run.stdout.toString('latin1')).toMatch(/^HTTP\/1\.1 201 Created\r\n/);
});

test('the pytest test and the HAR file of the run download', async ({ page }, testInfo) => {
  await openPlayground(page);
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Share and export' });

  const testFile = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download pytest test' }).click();
  const pytestFile = await testFile;
  expect(pytestFile.suggestedFilename()).toBe('test_app.py');
  const path = testInfo.outputPath('test_app.py');
  await pytestFile.saveAs(path);
  const hasPytest = spawnSync(PYTHON, ['-m', 'pytest', '--version']).status === 0;
  const check = spawnSync(
    PYTHON,
    hasPytest ? ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', path] : ['-m', 'py_compile', path],
    { cwd: testInfo.outputDir, timeout: 60_000 },
  );
  expect(check.status, check.stdout.toString() + check.stderr.toString()).toBe(0);

  const harFile = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download HAR' }).click();
  const har = await harFile;
  expect(har.suggestedFilename()).toBe('wsgi-playground.har');
  const harPath = testInfo.outputPath('run.har');
  await har.saveAs(harPath);
  const log = JSON.parse(readFileSync(harPath, 'utf8')) as {
    log: { version: string; entries: { request: { url: string }; response: { status: number } }[] };
  };
  expect(log.log.version).toBe('1.2');
  expect(log.log.entries[0]?.request.url).toBe('http://localhost:8000/hello?name=World');
  expect(log.log.entries[0]?.response.status).toBe(200);
});
