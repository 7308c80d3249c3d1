/**
 * User story: I step through a run one event at a time, as in Python Tutor — forward and
 * back with the buttons and the keys — and at each step I see the line that acted, whether
 * start_response has been called and the headers committed, and the wire growing to what
 * the client had by then; the embed steps too.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';
import { STREAM_APP } from './support/apps.ts';

/** The editor's rendered line holding `text`. */
function editorLine(page: Page, text: string): Locator {
  return page.locator('.monaco-editor .view-line', { hasText: text });
}

/** Whether the editor's selected-event highlight sits on the line holding `text`. */
async function expectHighlightOn(page: Page, text: string): Promise<void> {
  const line = editorLine(page, text);
  const highlight = page.locator('.monaco-editor .editor-selected-line');
  await expect(line).toBeInViewport();
  await expect(highlight).toHaveCount(1);
  await expect
    .poll(async () => {
      const [a, b] = await Promise.all([line.boundingBox(), highlight.boundingBox()]);
      return Math.round((a?.y ?? -100) - (b?.y ?? 100));
    })
    .toBe(0);
}

/** The Wire tab's note, read as numbers: step N of M, X of Y bytes. */
async function wireAt(
  page: Page,
): Promise<{ step: number; of: number; sent: number; total: number }> {
  const note = page.getByRole('note', { name: 'Wire at this step' });
  await expect(note).toBeVisible();
  const text = (await note.textContent()) ?? '';
  const match = /As of step ([\d,]+) of ([\d,]+): ([\d,]+) of ([\d,]+) bytes/.exec(text);
  expect(match, text).not.toBeNull();
  const [step, of, sent, total] = match!.slice(1).map((n) => Number(n.replaceAll(',', '')));
  return { step: step!, of: of!, sent: sent!, total: total! };
}

test('stepping through the default example: the line, start_response, the commit, the wire', async ({
  page,
}) => {
  await openPlayground(page);
  const trace = await page.evaluate(() => window.__wsgiPlayground?.run());
  expect(trace?.outcome).toBe('complete');
  const count = trace?.events.length ?? 0;
  expect(count).toBe(7);
  const wireSize = trace?.response.wireSize ?? 0;
  await expect(page.locator('.monaco-editor')).toBeVisible();

  const toggle = page.getByRole('button', { name: 'Step through' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const bar = page.getByRole('group', { name: 'Step through the run' });
  const card = page.getByRole('region', { name: 'State at this step' });
  const next = bar.getByRole('button', { name: 'Next step' });
  const previous = bar.getByRole('button', { name: 'Previous step' });

  // Nothing was selected: stepping starts at the first event, the server's call of the app.
  await expect(bar).toContainText(`Step 1 of ${count}`);
  await expect(bar).toContainText('app.call');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const row = (kind: string) =>
    timeline.getByRole('row').filter({ has: page.getByRole('cell', { name: kind, exact: true }) });
  await expect(row('app.call')).toHaveAttribute('aria-selected', 'true');
  await expectHighlightOn(page, 'def application');
  await expect(card).toContainText('Not called yet.');
  await expect(card).toContainText('Not committed');

  // Step 2: start_response — the timeline row and the editor line follow the cursor.
  await next.click();
  await expect(bar).toContainText(`Step 2 of ${count}`);
  await expect(row('start_response')).toHaveAttribute('aria-selected', 'true');
  await expectHighlightOn(page, 'start_response("200 OK"');
  await expect(card).toContainText('Called once at step 2 (line 15): "200 OK", 2 headers');
  await expect(card).toContainText('Not committed: start_response only stores them');

  // The Wire tab grows as the run goes on, from nothing to every byte at the commit.
  await showTab(page, 'Wire');
  const counts: number[] = [];
  counts.push((await wireAt(page)).sent);
  for (let step = 3; step <= count; step++) {
    await next.click();
    const wire = await wireAt(page);
    expect(wire).toMatchObject({ step, of: count, total: wireSize });
    counts.push(wire.sent);
  }
  expect(counts).toEqual([0, 0, 0, wireSize, wireSize, wireSize]);
  await expect(card).toContainText('Committed at step 5');
  await expect(page.getByRole('note', { name: 'Wire at this step' })).toContainText('all of them');
  await expect(page.getByLabel('Wire bytes')).toContainText('Hello, World!');

  // Going back shrinks it: before the commit the client has nothing.
  await previous.click();
  await previous.click();
  expect(await wireAt(page)).toMatchObject({ step: 5, sent: wireSize });
  await previous.click();
  expect(await wireAt(page)).toMatchObject({ step: 4, sent: 0 });
  await expect(page.getByLabel('Wire bytes')).toHaveCount(0);
  await expect(card).toContainText('Not committed');
  await expectHighlightOn(page, 'return [body]');

  // The keys: → and ← step, Home and End go to the ends (the focus on a step button).
  await next.focus();
  await page.keyboard.press('ArrowRight');
  expect(await wireAt(page)).toMatchObject({ step: 5, sent: wireSize });
  await page.keyboard.press('Home');
  expect(await wireAt(page)).toMatchObject({ step: 1, sent: 0 });
  await expect(card).toContainText('Not called yet.');
  await page.keyboard.press('End');
  expect(await wireAt(page)).toMatchObject({ step: count, sent: wireSize });
  await page.keyboard.press('ArrowLeft');
  expect((await wireAt(page)).step).toBe(count - 1);

  // Not while typing: → in the target field moves the caret, not the cursor.
  await page.getByLabel('Target').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  expect((await wireAt(page)).step).toBe(count - 1);

  // The Response tab has what the client had: nothing before the commit, then the body.
  await page.keyboard.press('Tab'); // out of the field
  await bar.getByRole('button', { name: 'First step' }).click();
  const response = await showTab(page, 'Response');
  await expect(response).toContainText('No response yet');
  await bar.getByRole('button', { name: 'Last step' }).click();
  await expect(response.getByLabel('Response body')).toHaveText('Hello, World!');

  // Leaving step mode shows the whole run again.
  await toggle.click();
  await expect(card).toHaveCount(0);
  await showTab(page, 'Wire');
  await expect(page.getByRole('note', { name: 'Wire at this step' })).toHaveCount(0);
  await expect(page.getByLabel('Wire bytes')).toContainText('Hello, World!');
});

test('a generator’s wire grows chunk by chunk; the timeline keeps its own keys', async ({
  page,
}) => {
  await openPlayground(page);
  await page.evaluate((code) => window.__wsgiPlayground?.setCode(code), STREAM_APP);
  const trace = await page.evaluate(() => window.__wsgiPlayground?.run());
  expect(trace?.outcome).toBe('complete');
  const kinds = trace?.events.map((event) => event.kind) ?? [];

  await page.getByRole('button', { name: 'Step through' }).click();
  const bar = page.getByRole('group', { name: 'Step through the run' });
  await expect(bar).toContainText(`Step 1 of ${kinds.length}`);

  // ↓ in the timeline's list still moves its selection — which is the step cursor.
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('row', { selected: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(bar).toContainText(`Step 2 of ${kinds.length}`);
  await page.keyboard.press('End');
  await expect(bar).toContainText(`Step ${kinds.length} of ${kinds.length}`);
  await page.keyboard.press('Home');
  await expect(bar).toContainText(`Step 1 of ${kinds.length}`);

  await showTab(page, 'Wire');
  const counts: number[] = [];
  for (let index = 0; index < kinds.length; index++) {
    if (index > 0) await bar.getByRole('button', { name: 'Next step' }).click();
    counts.push((await wireAt(page)).sent);
  }
  // After the commit, each of the later yields adds its chunk.
  const yields = kinds.flatMap((kind, index) => (kind === 'yield' ? [index] : []));
  expect(yields).toHaveLength(3);
  expect(counts[yields[1]!]! - counts[yields[1]! - 1]!).toBe('two '.length);
  expect(counts[yields[2]!]! - counts[yields[2]! - 1]!).toBe('three'.length);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  expect(counts.at(-1)).toBe(trace?.response.wireSize);
  await expect(page.getByRole('region', { name: 'State at this step' })).toContainText(
    'None: every call has returned.',
  );
});

test('the embed steps too', async ({ page }) => {
  await openPlayground(page, '/?embed#example/streaming-chunks');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('cell', { name: 'complete', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Step through' }).click();
  const bar = page.getByRole('group', { name: 'Step through the run' });
  await expect(bar).toContainText('Step 1 of');
  const card = page.getByRole('region', { name: 'State at this step' });
  await expect(card).toContainText('Not called yet.');
  await page.keyboard.press('End');
  await expect(card).toContainText('bytes sent — all of it.');
  await bar.getByRole('button', { name: 'First step' }).click();
  await expect(card).toContainText('Not called yet.');
  await expect(card).not.toContainText('all of it');
});
