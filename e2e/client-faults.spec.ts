/**
 * User story: I make the client misbehave as real ones do — it goes away after 5 bytes of the
 * response — and see what my app did about it: the server's write failing, the close() it
 * then calls, the generator's `finally` running, and a finding that says so.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

/** A streaming app that holds a resource and releases it in `finally` (line 8). */
const STREAMING = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  '    print("resource opened")',
  '    try:',
  '        for i in range(3):',
  "            yield b'chunk %d\\n' % i",
  '    finally:',
  '        print("resource released")',
  '',
].join('\n');

/** An app that reads CONTENT_LENGTH bytes and says how many came. */
const READ_ALL = [
  'def application(environ, start_response):',
  "    size = int(environ.get('CONTENT_LENGTH') or 0)",
  "    data = environ['wsgi.input'].read(size)",
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    return [b'%d of %d' % (len(data), size)]",
  '',
].join('\n');

/** Open the playground with live mode off and `code` in the editor, on the Settings tab. */
async function openWith(page: Page, code: string, request?: { method: string; body: string }) {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  await page.evaluate(
    ([text, req]) => {
      const hook = window.__wsgiPlayground;
      hook?.setCode(text);
      if (req) hook?.setRequest({ ...req, target: '/', headers: [] });
    },
    [code, request] as const,
  );
  await page.getByRole('tab', { name: /^Settings/ }).click();
}

test('a client gone after 5 bytes: the write fails, close() runs the finally, a finding says so', async ({
  page,
}) => {
  await openWith(page, STREAMING);
  await page.getByLabel('Client goes away').fill('5');
  // The request line says so, whichever tab is open: a fault is never on unnoticed.
  const faults = page.getByRole('note', { name: 'Client faults' });
  await expect(faults).toContainText('goes away after 5 bytes');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page.getByLabel('Outcome')).toContainText('The client went away');
  const trace = await page.evaluate(() => window.__wsgiPlayground?.lastTrace);
  expect(trace?.outcome).toBe('disconnected');
  expect(trace?.settings.disconnectAfter).toBe(5);

  // The timeline marks the fault, then the server's close() and the finally's print.
  const timeline = await showTab(page, 'Timeline');
  const kinds = await timeline
    .getByRole('row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')).filter(Boolean));
  expect(kinds.indexOf('client.disconnect')).toBeGreaterThan(kinds.indexOf('yield'));
  expect(kinds.indexOf('close')).toBeGreaterThan(kinds.indexOf('client.disconnect'));
  await expect(timeline.getByText('the client went away after 5 bytes')).toBeVisible();
  await expect(timeline.getByText('resource released')).toBeVisible();

  const findings = await showTab(page, 'Findings');
  await expect(findings.getByText(/The client went away after 5 bytes/)).toBeVisible();
  await expect(findings.getByText(/the finally blocks around that yield ran/)).toBeVisible();

  // Cleared from the request line, the client reads it all again.
  await faults.getByRole('button', { name: 'Clear client faults' }).click();
  await expect(faults).toHaveCount(0);
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await expect(page.getByLabel('Client goes away')).toHaveValue('');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.lastTrace?.outcome))
    .toBe('complete');
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
});

test('a client that sends 4 of the 10 bytes it announces: the input ends early, a finding says so', async ({
  page,
}) => {
  await openWith(page, READ_ALL, { method: 'POST', body: '0123456789' });
  await page.getByLabel('Client sends only').fill('4');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.lastTrace?.settings.shortBody))
    .toBe(4);
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toContainText('4 of 10');
  const timeline = await showTab(page, 'Timeline');
  await expect(timeline.getByText(/the client stopped sending: 4 of 10 bytes/)).toBeVisible();
  const findings = await showTab(page, 'Findings');
  await expect(findings.getByText(/announced 10 bytes and sent 4/)).toBeVisible();
});

test('a client that reads slowly: each write of the body waits for it, the timeline shows the waits', async ({
  page,
}) => {
  await openWith(page, STREAMING);
  await page.getByLabel('Client reads slowly').fill('40');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.lastTrace?.settings.slowClient))
    .toBe(40);
  const trace = await page.evaluate(() => window.__wsgiPlayground?.lastTrace);
  const waits = trace?.events.filter((event) => event.kind === 'client.wait') ?? [];
  expect(waits).toHaveLength(3);
  // The chunks come no faster than the client reads them.
  const yields = trace?.events.filter((event) => event.kind === 'yield') ?? [];
  expect((yields.at(-1)?.t ?? 0) - (yields[0]?.t ?? 0)).toBeGreaterThanOrEqual(2 * 40 * 0.9);
  const timeline = await showTab(page, 'Timeline');
  await expect(timeline.getByText(/the client reads slowly/).first()).toBeVisible();
});
