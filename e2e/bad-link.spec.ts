/**
 * User story: I open a link that was cut short or mangled in a chat; the page says clearly
 * what is wrong, and my own draft is still there, untouched.
 */
import { expect, openPlayground, test } from './support/playground.ts';

const MY_CODE = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    return [b'my own draft']",
  '',
].join('\n');

const DRAFT_KEY = 'wsgi-playground:draft';

test('a corrupted link shows what is wrong and keeps the saved draft', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), MY_CODE);
  await page.getByLabel('Target').fill('/mine');
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY))
    .toContain('/mine');
  const saved = await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);

  // A real link, cut short as a chat client might.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the link' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('#v2/');
  const cut = link.slice(0, link.length - 20);

  await page.goto('about:blank');
  await openPlayground(page, cut);
  // (Monaco keeps empty alert regions of its own.)
  const alert = page.getByRole('alert').filter({ hasText: 'This link could not be opened.' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('corrupted or cut short');
  await expect(alert).toContainText('Your own draft is unchanged.');
  // The draft is on screen, and it runs.
  expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(MY_CODE);
  await expect(page.getByLabel('Target')).toHaveValue('/mine');
  await expect(page.getByLabel('Outcome')).toContainText('Complete');
  expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBe(saved);

  // Dismissing it forgets the link: a reload opens the draft without the message.
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
  expect(await page.evaluate(() => location.hash)).toBe('');
  await page.reload();
  await expect(page.getByLabel('Target')).toHaveValue('/mine');
  await expect(page.getByRole('alert').filter({ hasText: 'link' })).toHaveCount(0);
});

test('links of an unknown version or with foreign characters say so', async ({ page }) => {
  for (const [fragment, message] of [
    ['#v7/abc', 'format v7'],
    ['#v1/not*base64', 'characters a share link never has'],
    ['#example/no-such-thing', 'no-such-thing'],
  ] as const) {
    await page.goto('about:blank');
    await openPlayground(page, `/${fragment}`);
    await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText(
      message,
    );
    // The default app is there instead, and it ran.
    await expect(page.getByLabel('Target')).toHaveValue('/hello?name=World');
    await expect(page.getByLabel('Outcome')).toContainText('Complete');
  }
});
