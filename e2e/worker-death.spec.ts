/**
 * User story: an app kills or hangs the Python worker — a JavaScript busy loop the interrupt
 * cannot stop, the worker closing itself, a WebAssembly trap, a fatal signal, memory
 * exhaustion. The run ends with a clear outcome and message, and the next run works at once,
 * without a reload, and shows what a fresh tab shows — whether or not the site is served
 * cross-origin isolated.
 *
 * Each case runs in the same tab after the one before (that is the point); when a case fails,
 * its problems are reported and the tab is reloaded, so that the next case is judged on its own.
 */
import type { Browser, Page } from '@playwright/test';
import { CLEAN_TRACEBACK, type CleanApp } from './hostile/cleanApps.ts';
import {
  HOSTILE_REQUEST,
  defaultApp,
  differences,
  runApp,
  summarize,
  type RunResult,
  type Summary,
} from './hostile/runComparison.ts';
import { WORKER_DEATH_CASES } from './hostile/workerDeathCases.ts';
import { expect, openPlayground, plainSiteUrl, test } from './support/playground.ts';

type Setup = 'isolated' | 'not isolated';

/** The per-run time limit (seconds), unless a case sets its own. */
const TIME_LIMIT_S = '5';
/** The next run after a death, from its start to its result, must take less than this. */
const NEXT_RUN_BUDGET_MS = 5000;

function siteUrl(setup: Setup, baseURL: string | undefined): string {
  return setup === 'isolated' ? new URL('/', baseURL).href : plainSiteUrl(baseURL);
}

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
  await setTimeLimit(page, TIME_LIMIT_S);
}

async function setTimeLimit(page: Page, seconds: string): Promise<void> {
  await page.getByRole('tab', { name: /^Settings/ }).click();
  await page.getByLabel('Time limit').fill(seconds);
}

/** Each clean app's result in a fresh tab of its own (run twice there: it is deterministic). */
async function baselines(
  browser: Browser,
  setup: Setup,
  url: string,
): Promise<{ apps: CleanApp[]; expected: Map<string, Summary> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await prepare(page, setup, url);
  const apps = [await defaultApp(page), CLEAN_TRACEBACK];
  const expected = new Map<string, Summary>();
  for (const app of apps) {
    const first = summarize(await runApp(page, app));
    expect(first.run, `"${app.name}" runs in a fresh tab`).toBe('a trace');
    expect(differences(first, summarize(await runApp(page, app))), 'deterministic').toEqual([]);
    expected.set(app.name, first);
  }
  await context.close();
  expect(errors, 'errors thrown in the baseline tab').toEqual([]);
  return { apps, expected };
}

function describeRun(result: RunResult): string {
  if (result.kind === 'trace') {
    const message = result.trace.error?.message;
    return `${result.trace.outcome}${message ? ` ("${message}")` : ''} after ${result.ms} ms`;
  }
  return result.kind === 'rejected'
    ? `rejected after ${result.ms} ms: ${result.message.slice(0, 300)}`
    : `no result within ${result.ms} ms`;
}

for (const setup of ['isolated', 'not isolated'] as const) {
  test(`served ${setup}: after a worker dies or hangs, the next run works without a reload`, async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(20 * 60_000);
    const url = siteUrl(setup, baseURL);
    const { apps, expected } = await baselines(browser, setup, url);
    const [next, after] = apps as [CleanApp, CleanApp];

    await prepare(page, setup, url);
    const report: string[] = [];
    const failed: string[] = [];
    for (const death of WORKER_DEATH_CASES) {
      const problems: string[] = [];
      if (death.timeLimitS) await setTimeLimit(page, String(death.timeLimitS));
      const run = await runApp(page, { code: death.code, request: HOSTILE_REQUEST }, 90_000);
      if (death.timeLimitS) await setTimeLimit(page, TIME_LIMIT_S);
      if (run.kind !== 'trace') {
        problems.push(`  the run itself: ${describeRun(run)}`);
      } else {
        const { outcome, error } = run.trace;
        if (!death.outcomes.includes(outcome)) {
          problems.push(`  the run ended as ${outcome}, not ${death.outcomes.join(' or ')}`);
        }
        if (outcome !== 'complete' && (error?.message.length ?? 0) < 10) {
          problems.push(`  the run ended as ${outcome} without a message saying why`);
        }
      }
      // The next run: timed from its start to its result, compared with a fresh tab's.
      const nextRun = await runApp(page, next, 90_000);
      if (nextRun.ms >= NEXT_RUN_BUDGET_MS) {
        problems.push(`  the next run took ${nextRun.ms} ms (budget ${NEXT_RUN_BUDGET_MS} ms)`);
      }
      const nextDiff = differences(expected.get(next.name) ?? {}, summarize(nextRun));
      if (nextDiff.length > 0)
        problems.push(`  the next run ("${next.name}") differs from a fresh tab:`, ...nextDiff);
      const afterDiff = differences(
        expected.get(after.name) ?? {},
        summarize(await runApp(page, after)),
      );
      if (afterDiff.length > 0)
        problems.push(
          `  the run after it ("${after.name}") differs from a fresh tab:`,
          ...afterDiff,
        );

      const line = `${death.name}: ${describeRun(run)}; the next run's result came ${nextRun.ms} ms after its start`;
      console.log(`[${setup}] ${line}`);
      if (problems.length === 0) {
        report.push(`ok     ${line}`);
        continue;
      }
      failed.push(death.name);
      report.push(`FAILED ${line}`, ...problems);
      await page.goto('about:blank');
      await prepare(page, setup, url);
    }

    const summary = [
      `Worker death, served ${setup}: ${failed.length} of ${WORKER_DEATH_CASES.length} cases fail.`,
      ...report,
    ].join('\n');
    console.log(summary);
    await testInfo.attach(`worker-death report (${setup})`, {
      body: summary,
      contentType: 'text/plain',
    });
    const brief = report.filter((line) => /^(FAILED|ok {5})|^ {2}the /.test(line));
    expect(failed, [summary.split('\n')[0], ...brief].join('\n')).toEqual([]);
  });
}
