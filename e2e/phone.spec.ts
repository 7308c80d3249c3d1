/**
 * User story: someone pasted a link to a run into a chat, and I open it on my phone. The page
 * fits the screen, shows the outcome and the timeline first (the code one tap away), lets me
 * look at the wire and the environ, and lets me change the target and run it again — with
 * targets a finger can hit, and no keyboard hints where there is no keyboard.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';
import { smallTargets } from './support/touchTargets.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SMALL = { viewport: { width: 360, height: 740 } };

/** How far the page reaches past the screen's right edge (0 when it fits). */
async function overflowX(page: Page): Promise<number> {
  const [scroll, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  // A mobile browser widens its layout viewport to content that overflows: check both.
  return Math.max(scroll, inner) - (page.viewportSize()?.width ?? 0);
}

/** Save a screenshot: into docs/screenshots/ with UPDATE_SCREENSHOTS=1, else the test's output. */
async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const path = process.env.UPDATE_SCREENSHOTS
    ? `docs/screenshots/${name}`
    : test.info().outputPath(name);
  await target.screenshot({ path });
}

/** Share the page's run and return the link (the share panel must fit the screen too). */
async function shareLinkOf(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Share and export' });
  const link = await panel.getByLabel('Link', { exact: true }).inputValue();
  expect(link).toMatch(/#v2\//);
  expect(await overflowX(page), 'the share panel fits the screen').toBe(0);
  await panel.getByRole('button', { name: /close/i }).first().click();
  return link;
}

/** Open `link` in a new page of the same browser, failing on page errors. */
async function openLink(page: Page, link: string): Promise<Page> {
  const opened = await page.context().newPage();
  opened.on('pageerror', (error) => {
    throw error;
  });
  await openPlayground(opened, link);
  return opened;
}

/** The outcome and the first rows of the timeline are on screen, the page no wider than it. */
async function expectResultsFirst(page: Page): Promise<void> {
  await expect(page.getByRole('tab', { name: 'Results', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const outcome = page.getByLabel('Outcome');
  await expect(outcome).toContainText('Complete');
  await expect(outcome).toBeInViewport({ ratio: 1 });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  for (const kind of ['app.call', 'start_response']) {
    await expect(timeline.getByRole('cell', { name: kind, exact: true })).toBeInViewport({
      ratio: 1,
    });
  }
  // What happened wraps rather than being cut: no summary is wider than its cell.
  const cut = await timeline
    .locator('.tl-cell--summary')
    .evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((c) => c.textContent),
    );
  expect(cut, 'summaries cut short').toEqual([]);
  expect(await overflowX(page)).toBe(0);
}

/** The Wire and the Environ tabs, each readable within the screen's width. */
async function expectWireAndEnviron(page: Page, prefix: string): Promise<void> {
  const wire = await showTab(page, 'Wire');
  await expect(wire.getByLabel('Wire bytes')).toContainText('HTTP/1.1 200 OK');
  await expect(wire.getByLabel('Wire bytes')).toBeInViewport();
  expect(await overflowX(page)).toBe(0);
  await screenshot(page, `${prefix}-wire.png`);

  const environ = await showTab(page, 'Environ');
  const method = environ.locator('tr', { hasText: 'REQUEST_METHOD' });
  await expect(method).toContainText('GET');
  // The value has the row's width, not a letter a line.
  const value = await method.locator('.environ-table__value').boundingBox();
  expect(value?.width ?? 0).toBeGreaterThan(200);
  expect(await overflowX(page)).toBe(0);
  await screenshot(page, `${prefix}-environ.png`);
}

/** Change the target on the request line and run: the results show the new run. */
async function editTargetAndRun(page: Page, tap: boolean): Promise<void> {
  await page.getByRole('tab', { name: 'Code', exact: true }).click();
  const target = page.getByLabel('Target');
  await expect(target).toBeInViewport({ ratio: 1 });
  // The target is readable: the whole default target fits its field.
  expect(await target.evaluate((input) => input.scrollWidth <= input.clientWidth)).toBe(true);
  await target.fill('/hello?name=Phone');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await (tap ? run.tap() : run.click());
  await expect
    .poll(() => page.evaluate(() => window.__wsgiPlayground?.lastTrace?.request.target ?? null))
    .toBe('/hello?name=Phone');
  await expect(page.getByRole('tab', { name: 'Results', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const response = await showTab(page, 'Response');
  await expect(response.getByLabel('Response body')).toContainText('Hello, Phone!');
}

test.describe('on a 390 × 844 touch screen', () => {
  test.use(PHONE);

  test('a shared link shows its outcome and timeline, then the wire, the environ and the code', async ({
    page,
  }) => {
    await openPlayground(page);
    // Opened by hand, the page starts on the code; opened from a link, on the results.
    await expect(page.getByRole('tab', { name: 'Code', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const phone = await openLink(page, await shareLinkOf(page));
    await expectResultsFirst(phone);
    // No keyboard, no keyboard hints; every control on screen is finger-sized.
    await expect(phone.locator('.request-bar__shortcut')).toBeHidden();
    await expect(phone.getByText(/PgUp/)).toBeHidden();
    expect(await smallTargets(phone)).toEqual([]);
    await screenshot(phone, 'phone-link.png');

    await expectWireAndEnviron(phone, 'phone');
    expect(await smallTargets(phone)).toEqual([]);

    // A line number in the timeline opens the code at that line.
    await showTab(phone, 'Timeline');
    const row = phone
      .getByRole('region', { name: 'Timeline' })
      .getByRole('row')
      .filter({ has: phone.getByRole('cell', { name: 'start_response', exact: true }) });
    const line = Number(await row.locator('.tl-line').innerText());
    await row.locator('.tl-line').tap();
    await expect(phone.getByRole('tab', { name: 'Code', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const code = phone.getByRole('region', { name: /^Application code/ });
    await expect(code).toContainText('def application');
    const current = code.locator('[aria-current="true"]');
    await expect(current.locator('.touch-code__number')).toHaveText(String(line));
    await expect(current).toBeInViewport();
    expect(await smallTargets(phone)).toEqual([]);
    await screenshot(phone, 'phone-code.png');

    await phone.getByRole('tab', { name: 'Request', exact: true }).tap();
    await expect(phone.getByRole('tablist', { name: 'Request builder' })).toBeInViewport();
    expect(await overflowX(phone)).toBe(0);
    expect(await smallTargets(phone)).toEqual([]);

    await editTargetAndRun(phone, true);
    expect(await overflowX(phone)).toBe(0);
    await phone.close();
  });
});

test.describe('on a 360 × 740 screen', () => {
  test.use(SMALL);

  test('a shared link fits, shows its results, and runs an edited target', async ({ page }) => {
    await openPlayground(page);
    const phone = await openLink(page, await shareLinkOf(page));
    await expectResultsFirst(phone);
    // A keyboard is there (no touch): its shortcut is shown, on the request line's second row.
    await expect(phone.locator('.request-bar__shortcut')).toBeVisible();
    await screenshot(phone, 'phone-360.png');
    await expectWireAndEnviron(phone, 'phone-360');
    await editTargetAndRun(phone, false);
    expect(await overflowX(phone)).toBe(0);
    await phone.close();
  });
});

test('the embed in a 360 px column of a lesson page shows its timeline', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  await openPlayground(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const snippet = await page
    .getByRole('dialog', { name: 'Share and export' })
    .getByLabel('Embed snippet', { exact: true })
    .inputValue();
  // The lesson's column is 360 px wide; the frame takes the column's width.
  const framed = snippet.replace(
    /<iframe /,
    '<iframe style="width:100%;height:640px;box-sizing:border-box" ',
  );
  await page.route('**/lesson.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<body style="margin:0"><main style="width:360px"><h1>Lesson 1</h1>${framed}</main></body>`,
    }),
  );
  await page.goto(new URL('lesson.html', baseURL).href);
  const frame = page.frameLocator('iframe');
  const timeline = frame.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('cell', { name: 'app.call', exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await expect(frame.getByLabel('Python status')).toContainText('200 OK');
  await expect(frame.getByRole('link', { name: 'Open in WSGI Playground' })).toBeVisible();
  const iframe = page.locator('iframe');
  expect((await iframe.boundingBox())?.width).toBe(360);
  const inner = await iframe.evaluate((element) => {
    const doc = (element as HTMLIFrameElement).contentDocument;
    return doc ? doc.documentElement.scrollWidth - doc.documentElement.clientWidth : -1;
  });
  expect(inner, 'the embed fits its column').toBe(0);
  await screenshot(iframe, 'embed-360.png');
});
