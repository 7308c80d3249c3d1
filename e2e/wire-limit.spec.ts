/**
 * User story: my app sends more than the playground keeps; the response and the wire say how
 * much was sent and how much is shown, and the sizes stay exact.
 */
import { expect, openPlayground, showTab, test } from './support/playground.ts';

const FIVE_MEGABYTES = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    yield b'a' * (3 * 1024 * 1024)",
  "    yield b'b' * (2 * 1024 * 1024)",
  '',
].join('\n');

test('a body over the wire limit is cut with an honest note, its sizes exact', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), FIVE_MEGABYTES);
  const response = await page.evaluate(async () => {
    const trace = await window.__wsgiPlayground?.run();
    return {
      outcome: trace?.outcome,
      truncated: trace?.response.truncated,
      bodySize: trace?.response.bodySize,
      kept: trace ? atob(trace.response.wireBase64).length : 0,
      wireSize: trace?.response.wireSize ?? 0,
    };
  });
  expect(response).toMatchObject({ outcome: 'complete', truncated: true, bodySize: 5_242_880 });
  expect(response.kept).toBe(4 * 1024 * 1024);
  expect(response.wireSize).toBeGreaterThan(5_242_880);

  const responseTab = await showTab(page, 'Response');
  await expect(responseTab).toContainText(/Showing the first [\d,]+ bytes of 5,242,880 bytes/);
  const wire = await showTab(page, 'Wire');
  await expect(wire).toContainText(
    `Showing the first 4,194,304 of ${response.wireSize.toLocaleString('en')} bytes`,
  );
});
