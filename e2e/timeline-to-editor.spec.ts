/**
 * User story: I click an event in the timeline and the editor moves to the line that caused
 * it; I click the note beside a line in the editor and the timeline selects that line's event;
 * I move through the events with the keyboard; an exception is marked on its line.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, showTab, test } from './support/playground.ts';

/** An app whose start_response sits below the editor's first screen. */
const PADDING = Array.from({ length: 40 }, (_, i) => `    # ${i + 2}: room, so the editor scrolls`);
const LONG_APP = [
  'def application(environ, start_response):',
  ...PADDING,
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    yield b'one'",
  "    yield b'two'",
  '',
].join('\n');

/** Set the code and run it, as the test hook does (no typing into Monaco needed). */
async function runCode(page: Page, code: string) {
  await page.evaluate((text) => window.__wsgiPlayground?.setCode(text), code);
  return page.evaluate(() => window.__wsgiPlayground?.run());
}

/** The editor's rendered line holding `text` (Monaco renders only the lines in view). */
function editorLine(page: Page, text: string) {
  return page.locator('.monaco-editor .view-line', { hasText: text });
}

test('selecting an event reveals its line; a line note selects its event', async ({ page }) => {
  await openPlayground(page);
  const trace = await runCode(page, LONG_APP);
  expect(trace?.outcome).toBe('complete');
  const timeline = await showTab(page, 'Timeline');
  const rows = timeline.getByRole('row');
  const ofKind = (kind: string) =>
    rows.filter({ has: page.getByRole('cell', { name: kind, exact: true }) });

  // The start_response line (42) is out of view until its event is selected.
  const startLine = editorLine(page, "start_response('200 OK'");
  await expect(startLine).toHaveCount(0);
  await ofKind('start_response').click();
  await expect(ofKind('start_response')).toHaveAttribute('aria-selected', 'true');
  await expect(startLine).toBeInViewport();
  const highlight = page.locator('.monaco-editor .editor-selected-line');
  await expect(highlight).toHaveCount(1);
  const [lineBox, highlightBox] = await Promise.all([
    startLine.boundingBox(),
    highlight.boundingBox(),
  ]);
  expect(highlightBox?.y).toBeCloseTo(lineBox?.y ?? -1, 0);
  const details = timeline.getByRole('region', { name: 'Event details' });
  await expect(details).toContainText('Content-Type');
  await expect(details).toContainText('"200 OK"');

  // Back in the editor: the note after `yield b'two'` selects that chunk in the timeline.
  const note = editorLine(page, "yield b'two'").locator('.editor-event-note');
  await expect(note).toHaveText(/yield/);
  await note.click();
  const secondChunk = ofKind('yield').filter({ hasText: 'chunk #1' });
  await expect(secondChunk).toHaveAttribute('aria-selected', 'true');
  await expect(details).toContainText("b'two'");

  // The keyboard moves the selection, and the editor follows.
  await secondChunk.focus();
  await page.keyboard.press('ArrowUp');
  await expect(ofKind('headers.commit')).toHaveAttribute('aria-selected', 'true');
  await expect(ofKind('headers.commit')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(ofKind('app.call')).toHaveAttribute('aria-selected', 'true');
  await expect(editorLine(page, 'def application')).toBeInViewport();
  await page.keyboard.press('End');
  await expect(ofKind('complete')).toHaveAttribute('aria-selected', 'true');
  await expect(ofKind('complete')).toContainText('complete');

  // Enter jumps into the editor at the selected event's line.
  await page.keyboard.press('Home');
  await page.keyboard.press('PageDown');
  await expect(ofKind('complete')).toHaveAttribute('aria-selected', 'true');
  await ofKind('start_response').click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Application code' })).toBeFocused();
});

test('an exception is marked on its line with its message and traceback', async ({ page }) => {
  await openPlayground(page);
  const trace = await runCode(
    page,
    [
      'def helper(n):',
      '    return 10 / n',
      '',
      '',
      'def application(environ, start_response):',
      "    start_response('200 OK', [])",
      '    return [str(helper(0)).encode()]',
      '',
    ].join('\n'),
  );
  expect(trace?.outcome).toBe('app-error');

  // The squiggle sits on line 2, where the exception was raised; its hover tells the story.
  await expect(page.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0);
  await editorLine(page, 'return 10 / n').getByText('10').hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'ZeroDivisionError' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('division by zero');
  await expect(hover).toContainText('in helper');

  // Its event in the timeline shows the trimmed traceback, each frame a link to its line.
  const timeline = await showTab(page, 'Timeline');
  await timeline
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'exception', exact: true }) })
    .click();
  const details = timeline.getByRole('region', { name: 'Event details' });
  await expect(details).toContainText('ZeroDivisionError: division by zero');
  await expect(details).toContainText('Traceback (most recent call last)');
  await expect(details.getByRole('button', { name: 'line 7' })).toBeVisible();
  await expect(editorLine(page, 'return 10 / n').locator('.editor-event-note')).toHaveText(
    /exception/,
  );
});

test('notes stay with the code they were recorded for', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Live').uncheck();
  const code = [
    'def application(environ, start_response):',
    "    start_response('200 OK', [('Content-Type', 'text/plain')])",
    '    # a comment',
    "    yield b'one'",
    '    # another',
    "    yield b'two'",
    '',
  ].join('\n');
  expect((await runCode(page, code))?.outcome).toBe('complete');
  const notes = page.locator('.monaco-editor .editor-event-note');
  await expect(notes).toHaveCount(4); // app.call, start_response, two yields
  // Deleting a noted line (Ctrl+Shift+K, as a user would) takes its note away; the others
  // stay on their lines.
  await editorLine(page, "yield b'one'").click();
  await page.keyboard.press('Control+Shift+K');
  await expect(editorLine(page, "yield b'one'")).toHaveCount(0);
  await expect(notes).toHaveCount(3);
  await expect(editorLine(page, "yield b'two'").locator('.editor-event-note')).toHaveText(/yield/);
  // A shorter text over the code: no old note piles up on its last line.
  await page.evaluate(() => window.__wsgiPlayground?.setCode('print("short")\n'));
  await expect(editorLine(page, 'print("short")')).toBeVisible();
  await expect(notes).toHaveCount(0);
});
