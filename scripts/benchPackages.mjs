// The package budgets of issue 14, measured beside the default example in the same run
// (`npm run bench`, figure `packages`): a Flask app's warm re-run against the default
// example's, and its first trace after a reload with a warm cache against the default
// example's first trace after a reload. The wheels are Debian 13's (scripts/debian-wheels.mjs),
// served by a local index (scripts/packageIndexServer.mjs): no machine here reaches PyPI.
import { existsSync } from 'node:fs';
import { startPackageIndex } from './packageIndexServer.mjs';

const WHEELS = process.env.DEBIAN_WHEELS ?? 'node_modules/.cache/debian-wheels';

const FLASK_APP = (marker) =>
  `from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route('/hello')\ndef index():\n    return {'marker': '${marker}'}\n`;
const PLAIN_APP = (marker) =>
  `def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'${marker}']\n`;

/** Wait until the Timeline shows `marker`, and one more frame (the one that shows it). */
const renderedIn = async (page, run) =>
  page.evaluate(async ({ code, marker }) => {
    const hook = window.__wsgiPlayground;
    const started = performance.now();
    hook.setCode(code);
    const trace = await hook.run();
    const timeline = document.querySelector('[aria-label="Timeline"]');
    for (;;) {
      if (timeline?.textContent?.includes('start_response')) break;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => requestAnimationFrame(r));
    if (!atob(trace.response.bodyBase64).includes(marker)) {
      throw new Error(
        `the run did not answer ${marker}: ${trace.outcome} ${atob(trace.response.bodyBase64).slice(0, 600)} ${trace.response.status} ${JSON.stringify(trace.request.target)}`,
      );
    }
    return performance.now() - started;
  }, run);

/** Set the project's packages through the test hook (none: `[]`). */
const usePackages = (page, indexUrl, requirements) =>
  page.evaluate(
    ([url, wanted]) => {
      const hook = window.__wsgiPlayground;
      hook.setPackageIndex(url);
      hook.setRequirements(wanted);
    },
    [indexUrl, requirements],
  );

/**
 * Re-runs after an edit, a person's pace apart (so that each finds its standby restored, as
 * the default example's do): click → timeline rendered.
 */
async function warmRuns(page, make, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    await page.waitForFunction(
      () => window.__wsgiPlayground.interpreters().includes('ready'),
      null,
      {
        timeout: 60_000,
        polling: 100,
      },
    );
    const marker = `warm ${i} ${Math.random()}`;
    times.push(await renderedIn(page, { code: make(marker), marker }));
    await new Promise((r) => setTimeout(r, 300));
  }
  return times;
}

/** The first trace after a reload of a page whose draft is `make`'s app with `requirements`. */
async function firstTraceAfterReload(ctx, page, indexUrl, requirements, make) {
  await ctx.waitForPlayground(page);
  await usePackages(page, indexUrl, requirements);
  await renderedIn(page, { code: make('before reload'), marker: 'before reload' });
  await new Promise((r) => setTimeout(r, 1500)); // the draft is saved, the image stored
  await page.reload();
  await ctx.waitForMark(page, 'wsgi-playground:first-trace', 120_000);
  return page.evaluate(() => ({
    ms: performance.getEntriesByName('wsgi-playground:first-trace')[0].startTime,
    body: atob(window.__wsgiPlayground.lastTrace?.response.bodyBase64 ?? ''),
    marks: Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .map((mark) => [mark.name.replace('wsgi-playground:', ''), Math.round(mark.startTime)]),
    ),
  }));
}

/**
 * Print the package figures. `ctx` brings the benchmark's helpers: inFreshContext, waitForMark,
 * waitForPlayground, BASE, ROUNDS, f, median, verdict.
 */
export async function packageFigures(browser, ctx) {
  if (!existsSync(WHEELS)) {
    console.log(`packages      skipped: no wheels at ${WHEELS} (node scripts/debian-wheels.mjs)`);
    return;
  }
  const index = await startPackageIndex({ wheelsDir: WHEELS });
  const { f, median, verdict } = ctx;
  try {
    const count = 4 * ctx.ROUNDS;
    const warm = await ctx.inFreshContext(browser, async (page) => {
      await page.goto(ctx.BASE);
      await ctx.waitForPlayground(page);
      const plain = await warmRuns(page, PLAIN_APP, count);
      await usePackages(page, index.url, ['flask']);
      const started = Date.now();
      await renderedIn(page, { code: FLASK_APP('first'), marker: 'first' });
      const firstFlask = Date.now() - started;
      const flask = await warmRuns(page, FLASK_APP, count);
      return { plain, flask, firstFlask };
    });
    const ratio = median(warm.flask) / median(warm.plain);
    console.log(
      `packages      warm re-run: Flask ${f(median(warm.flask))} vs the default example ${f(median(warm.plain))} (p50 over ${count} each): ratio ${ratio.toFixed(2)} (budget ≤ 2) ${verdict(ratio <= 2)}`,
    );
    console.log(
      `              the first Flask run on a cold cache (resolve, download, verify, make its image): ${f(warm.firstFlask)}`,
    );
    const plainFirst = [];
    const flaskFirst = [];
    const flaskMarks = [];
    for (let round = 0; round < ctx.ROUNDS; round++) {
      plainFirst.push(
        await ctx.inFreshContext(browser, async (page) => {
          await page.goto(ctx.BASE);
          return (await firstTraceAfterReload(ctx, page, index.url, [], PLAIN_APP)).ms;
        }),
      );
      flaskFirst.push(
        await ctx.inFreshContext(browser, async (page) => {
          await page.goto(ctx.BASE);
          const after = await firstTraceAfterReload(ctx, page, index.url, ['flask'], FLASK_APP);
          if (!after.body.includes('before reload')) {
            throw new Error(
              `the reloaded page's first trace was not the Flask app's: ${after.body}`,
            );
          }
          flaskMarks.push(after.marks);
          return after.ms;
        }),
      );
    }
    const firstRatio = median(flaskFirst) / median(plainFirst);
    console.log(`              (Flask's marks, last round: ${JSON.stringify(flaskMarks.at(-1))})`);
    console.log(
      `              first trace after a reload, warm cache: Flask ${f(median(flaskFirst))} vs the default example ${f(median(plainFirst))}: ratio ${firstRatio.toFixed(2)} (budget ≤ 1.5) ${verdict(firstRatio <= 1.5)}`,
    );
  } finally {
    await index.close();
  }
}
