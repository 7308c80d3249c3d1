/**
 * User story: I open a link from a stranger, its code runs, and then I run my own code in the
 * same tab. Whatever the stranger's code changed while it ran — the stdlib, the server's own
 * modules, builtins, `sys`, `os`, files, the worker's JavaScript globals — my runs show exactly
 * what they would show in a fresh tab: the same status, headers, body, wire bytes, outcome,
 * error, tracebacks and events (DESIGN.md, "The interpreter's life" and "Security model").
 *
 * For each setup (cross-origin isolated, and not) one tab runs every hostile case in turn, each
 * followed by the clean apps; a baseline tab opened first gives each clean app's result in a
 * fresh tab. When a case leaks, its differences are reported and the tab is reloaded, so that
 * the next case is judged on its own (when isolation works, no reload ever happens). A case
 * whose hostile app fails to load changed nothing and is reported as void, so that a renamed
 * internal cannot silently turn a case into one that tests nothing.
 */
import type { Browser, Page } from '@playwright/test';
import { CLEAN_PROBE, CLEAN_STREAM, CLEAN_TRACEBACK, type CleanApp } from './hostile/cleanApps.ts';
import { CROSS_RUN_CASES } from './hostile/crossRunCases.ts';
import {
  HOSTILE_REQUEST,
  defaultApp,
  changedFields,
  differences,
  runApp,
  summarize,
  type RunResult,
  type Summary,
} from './hostile/runComparison.ts';
import { expect, openPlayground, plainSiteUrl, test } from './support/playground.ts';

type Setup = 'isolated' | 'not isolated';

/** Per run, the time limit set in the page (seconds), as hostile-input.spec.ts does. */
const TIME_LIMIT_S = '3';

function siteUrl(setup: Setup, baseURL: string | undefined): string {
  return setup === 'isolated' ? new URL('/', baseURL).href : plainSiteUrl(baseURL);
}

/** Open the playground, check the setup, switch Live off and set a short time limit. */
async function prepare(page: Page, setup: Setup, url: string): Promise<void> {
  await openPlayground(page, url);
  expect(await page.evaluate(() => crossOriginIsolated), 'cross-origin isolated').toBe(
    setup === 'isolated',
  );
  // Live off (retried: a click during the first run's render can be lost).
  const live = page.getByLabel('Live');
  await expect(async () => {
    await live.uncheck({ timeout: 2000 });
    await expect(live).not.toBeChecked({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await page.getByLabel('Time limit').fill(TIME_LIMIT_S);
}

/** A fresh tab in its own browser context, its page errors collected. */
async function freshTab(browser: Browser, setup: Setup, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await prepare(page, setup, url);
  return { page, errors, close: () => context.close() };
}

function describeRun(result: RunResult): string {
  if (result.kind === 'trace') {
    const message = result.trace.error?.message;
    return `${result.trace.outcome}${message ? ` (${message.slice(0, 120)})` : ''}, ${result.ms} ms`;
  }
  return result.kind === 'rejected'
    ? `rejected: ${result.message.slice(0, 160)}, ${result.ms} ms`
    : `no result within ${result.ms} ms`;
}

/** Each clean app's result in a fresh tab, run twice there to show it is deterministic. */
async function baselines(page: Page, apps: CleanApp[]): Promise<Map<string, Summary>> {
  const out = new Map<string, Summary>();
  for (const app of apps) {
    const first = summarize(await runApp(page, app));
    const again = summarize(await runApp(page, app));
    expect(
      differences(first, again),
      `"${app.name}" gives the same result twice in a fresh tab`,
    ).toEqual([]);
    expect(first.run, `"${app.name}" runs in a fresh tab`).toBe('a trace');
    out.set(app.name, first);
  }
  return out;
}

for (const setup of ['isolated', 'not isolated'] as const) {
  test(`served ${setup}: no hostile run changes what a later run in the tab shows`, async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(40 * 60_000);
    const started = Date.now();
    const url = siteUrl(setup, baseURL);

    const fresh = await freshTab(browser, setup, url);
    const apps = [await defaultApp(fresh.page), CLEAN_TRACEBACK, CLEAN_STREAM, CLEAN_PROBE];
    const expected = await baselines(fresh.page, apps);
    expect(
      expected.get(CLEAN_TRACEBACK.name)?.tracebacks,
      'the baseline has a traceback',
    ).toContain('parse_amount');
    expect(expected.get(CLEAN_STREAM.name)?.body, 'the baseline shows the refusal').toContain(
      "Hop-by-hop header, 'Connection: close', not allowed",
    );
    await fresh.close();

    await prepare(page, setup, url);
    const report: string[] = [];
    const failed: string[] = [];
    const reloadMs: number[] = [];
    for (const hostile of CROSS_RUN_CASES) {
      const hostileRun = await runApp(page, { code: hostile.code, request: HOSTILE_REQUEST });
      const found: string[] = [];
      const where: string[] = [];
      const times: number[] = [];
      for (const app of apps) {
        const result = await runApp(page, app);
        times.push(result.ms);
        const want = expected.get(app.name) ?? {};
        const got = summarize(result);
        const diff = differences(want, got);
        if (diff.length > 0) {
          where.push(`"${app.name}" in ${changedFields(want, got).join(', ')}`);
          found.push(` after it, "${app.name}" differs from a fresh tab:`, ...diff);
        }
      }
      const title =
        `${hostile.name} [mutates ${hostile.mutates}] — hostile run: ${describeRun(hostileRun)}; ` +
        `clean runs: ${times.join(', ')} ms`;
      // A hostile app whose module failed to load applied nothing: the case would test nothing.
      const vacuous =
        hostileRun.kind === 'trace' &&
        ['load-error', 'syntax-error'].includes(hostileRun.trace.outcome);
      if (found.length === 0 && !vacuous) {
        report.push(`ok    ${title}`);
        continue;
      }
      failed.push(hostile.name);
      if (found.length === 0) {
        report.push(
          `VOID  ${title}`,
          '  the hostile app did not load, so it changed nothing: update the case',
        );
        continue;
      }
      report.push(`LEAKS ${title}`, `  later runs differ: ${where.join('; ')}`, ...found);
      // Judge the next case on its own: start from a freshly loaded tab.
      const reloadStarted = Date.now();
      await page.goto('about:blank');
      await prepare(page, setup, url);
      reloadMs.push(Date.now() - reloadStarted);
    }

    const summary = [
      `Cross-run isolation, served ${setup}: ${failed.length} of ${CROSS_RUN_CASES.length} cases leak ` +
        `into later runs or are void (${Math.round((Date.now() - started) / 1000)} s in all; ${reloadMs.length} ` +
        `reloads after a leak, ${Math.round(reloadMs.reduce((a, b) => a + b, 0) / 1000)} s of them).`,
      ...report,
    ].join('\n');
    console.log(summary);
    await testInfo.attach(`cross-run report (${setup})`, {
      body: summary,
      contentType: 'text/plain',
    });
    expect(fresh.errors, 'errors thrown in the baseline tab').toEqual([]);
    // The message lists each leaking case and where later runs differ; the full diffs are in
    // the attachment and the log.
    const brief = report.filter((line) =>
      /^(LEAKS|VOID|ok {4})|^ {2}(later runs differ|the hostile app)/.test(line),
    );
    expect(failed, [summary.split('\n')[0], ...brief].join('\n')).toEqual([]);
  });
}
