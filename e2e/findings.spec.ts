/**
 * User story: I run an app that breaks a rule of PEP 3333; the Findings tab says what is wrong,
 * where, how to fix it and which section of the PEP says so; clicking the finding takes me to
 * its event and line, where the editor underlines it. A clean app has no findings, and I can
 * compare our verdict with the stdlib's wsgiref.validate.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

/** An app that sets a hop-by-hop header on line 4 (wsgiref refuses it). */
const HOP_BY_HOP = [
  'def application(environ, start_response):',
  '    headers = [("Content-Type", "text/plain"),',
  '               ("Connection", "close")]',
  '    start_response("200 OK", headers)',
  '    return [b"bye"]',
  '',
].join('\n');

/** A clean app that reads its body with read() and no size: fine by PEP 3333, not by validate. */
const READ_ALL = [
  'def application(environ, start_response):',
  '    data = environ["wsgi.input"].read()',
  '    start_response("200 OK", [("Content-Type", "text/plain")])',
  '    return [data]',
  '',
].join('\n');

async function runCode(page: Page, code: string) {
  await page.evaluate((text) => window.__wsgiPlayground?.setCode(text), code);
  return page.evaluate(() => window.__wsgiPlayground?.run());
}

/** The editor's rendered line holding `text`. */
function editorLine(page: Page, text: string) {
  return page.locator('.monaco-editor .view-line', { hasText: text });
}

/** The vertical middle of an element on screen. */
async function middleY(locator: ReturnType<Page['locator']>): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box.y + box.height / 2;
}

test('a finding explains itself and leads to its event and line', async ({ page }) => {
  await openPlayground(page);
  await runCode(page, HOP_BY_HOP);
  const findings = await page.evaluate(() => window.__wsgiPlayground?.findings ?? []);
  expect(findings.map((finding) => finding.rule)).toEqual(['hop-by-hop-header']);
  const seq = findings[0]?.seq;

  await expect(page.getByRole('tab', { name: /^Findings/ })).toContainText('1');
  const tab = await showTab(page, 'Findings');
  const items = tab.getByRole('list', { name: 'Findings of this run' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  const item = items.first();
  await expect(item).toContainText('Error');
  await expect(item).toContainText('Hop-by-hop header');
  await expect(item).toContainText('Connection: close');
  await expect(item).toContainText('hop-by-hop-header');
  await expect(item).toContainText('Fix:');
  const pep = item.getByRole('link', { name: /PEP 3333 § Other HTTP Features/ });
  await expect(pep).toHaveAttribute(
    'href',
    'https://peps.python.org/pep-3333/#other-http-features',
  );
  await expect(pep).toHaveAttribute('target', '_blank');
  await expect(pep).toHaveAttribute('rel', /noopener/);

  // The editor underlines the line as an error, before anything is selected.
  const line = editorLine(page, 'start_response("200 OK", headers)');
  const squiggle = page.locator('.monaco-editor .squiggly-error');
  await expect(squiggle.first()).toBeVisible();
  const lineY = await middleY(line);
  const squiggleYs = await Promise.all((await squiggle.all()).map((s) => middleY(s)));
  expect(squiggleYs.some((y) => Math.abs(y - lineY) < 12)).toBe(true);
  // Its hover has the finding (beside the exception's traceback), the fix and the rule's link.
  const lineBox = await line.boundingBox();
  await page.mouse.move((lineBox?.x ?? 0) + 60, lineY);
  const hover = page.locator('.monaco-hover').filter({ hasText: 'hop-by-hop-header' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('Fix: Remove the header');
  await expect(hover).toContainText('PEP 3333 § Other HTTP Features');
  await page.mouse.move(0, 0);

  // From the keyboard: the place button selects the event; the editor highlights its line.
  const place = item.getByRole('button', { name: 'line 4' });
  await place.focus();
  await page.keyboard.press('Enter');
  const highlight = page.locator('.monaco-editor .editor-selected-line');
  await expect(highlight).toHaveCount(1);
  expect(Math.abs((await middleY(highlight)) - lineY)).toBeLessThan(4);
  await expect(item).toHaveAttribute('aria-current', 'true');

  const timeline = await showTab(page, 'Timeline');
  const selected = timeline.locator('[role="row"][aria-selected="true"]');
  await expect(selected).toHaveAttribute('data-seq', String(seq));
  await expect(selected).toHaveAttribute('data-kind', 'start_response');
  // The row carries a mark, and the details pane lists the finding.
  await expect(
    selected.getByRole('img', { name: /Error: The app set the hop-by-hop/ }),
  ).toBeVisible();
  await expect(timeline.getByRole('list', { name: 'Findings about this event' })).toContainText(
    'Hop-by-hop header',
  );
});

test('a clean app has no findings, and validate’s verdict shows beside ours', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() =>
    window.__wsgiPlayground?.setRequest({
      method: 'POST',
      body: {
        mode: 'raw',
        raw: 'name=Ada',
        rawContentType: 'text/plain',
        json: '',
        form: [],
        multipart: [],
      },
    }),
  );
  await runCode(page, READ_ALL);
  expect(await page.evaluate(() => window.__wsgiPlayground?.findings)).toEqual([]);
  const tab = await showTab(page, 'Findings');
  await expect(tab).toContainText(
    'No findings: this run follows PEP 3333 as far as the rules can see.',
  );

  const compare = tab.getByRole('switch', { name: 'Compare with wsgiref.validate' });
  await expect(compare).not.toBeChecked();
  await compare.check();
  const ours = tab.getByRole('region', { name: 'Our verdict' });
  const theirs = tab.getByRole('region', { name: "wsgiref.validate's verdict" });
  await expect(ours).toContainText('Passes');
  await expect(theirs).toContainText('Fails');
  await expect(theirs).toContainText('read: assert_(len(args) == 1)');
  await expect(tab).toContainText('Only wsgiref.validate fails this run');
  await expect(tab.getByRole('list', { name: 'Where they differ' })).toContainText(
    'without an argument',
  );
  const trace = await page.evaluate(() => window.__wsgiPlayground?.lastTrace);
  expect(trace?.settings.compareValidate).toBe(true);
  expect(trace?.validate?.passed).toBe(false);

  // Switched off, the comparison goes away.
  await compare.uncheck();
  await expect(ours).toHaveCount(0);
});
