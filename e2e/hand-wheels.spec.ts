/**
 * User story: my app imports a library of my own that no index has. I add its wheel file by
 * hand in the Packages panel; the run installs it (checked against the sha256 the page took
 * when I added it) and my app answers with it. When I come back, offline, the wheel is still
 * there — it stays with my draft, in this browser — and the app runs the same.
 */
import { strToU8, zipSync } from 'fflate';
import { expect, openPlayground, pythonReady, test } from './support/playground.ts';

/** A pure-Python wheel of one module, laid out as PEP 427 says. */
function wheel(): { name: string; mimeType: string; buffer: Buffer } {
  const info = 'tinyhello-1.0.dist-info';
  const bytes = zipSync({
    'tinyhello.py': strToU8("GREETING = 'hello from a wheel added by hand'\n"),
    [`${info}/METADATA`]: strToU8('Metadata-Version: 2.1\nName: tinyhello\nVersion: 1.0\n'),
    [`${info}/WHEEL`]: strToU8('Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n'),
    [`${info}/RECORD`]: strToU8(''),
  });
  return {
    name: 'tinyhello-1.0-py3-none-any.whl',
    mimeType: 'application/zip',
    buffer: Buffer.from(bytes),
  };
}

const APP = [
  'import tinyhello',
  '',
  '',
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  '    return [tinyhello.GREETING.encode()]',
  '',
].join('\n');

/** Run through the hook: the outcome and body, or the error run() threw. */
const runApp = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const hook = window.__wsgiPlayground;
    if (!hook) throw new Error('no test hook');
    try {
      const trace = await hook.run();
      return { outcome: trace.outcome, body: atob(trace.response.bodyBase64) };
    } catch (error) {
      return { error: String(error) };
    }
  });

test('a wheel added by hand installs, runs, and stays with the draft offline', async ({
  page,
  context,
}) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), APP);
  await page.getByRole('button', { name: /^Packages/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add wheel files…' }).click();
  await (await chooser).setFiles(wheel());
  const added = page.getByRole('list', { name: 'Wheel files added by hand' });
  await expect(added).toContainText('tinyhello-1.0-py3-none-any.whl');
  await page
    .getByRole('dialog', { name: 'Packages' })
    .getByRole('button', { name: 'Close', exact: true })
    .click();

  expect(await runApp(page)).toEqual({
    outcome: 'complete',
    body: 'hello from a wheel added by hand',
  });

  // Back later, with no network: the draft names the wheel, the page's storage has its bytes.
  await page.waitForTimeout(1000); // the draft is saved
  await context.setOffline(true);
  await page.reload();
  await pythonReady(page);
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.lastTrace?.outcome ?? null), {
      timeout: 60_000,
    })
    .toBe('complete');
  expect(await runApp(page)).toEqual({
    outcome: 'complete',
    body: 'hello from a wheel added by hand',
  });
});
