// The performance budget, measured against the built site in headless Chromium, in one run:
//   npm run build && npm run bench [-- rounds]
// 1. page load → first trace rendered, vs a bare page that only boots Pyodide plainly in a
//    worker and runs the same kind of app (alternating, each in a fresh browser context); and
//    a repeat visit served by the service worker, vs the same cold bare page;
// 2. warm edit → timeline rendered, p50 and p95, at live-typing pace (an edit every 400 ms)
//    and back to back — every run on a fresh interpreter; then the first run after hostile
//    runs, and the most interpreters (workers) alive at once;
// 3. a 100,000-chunk app traced vs untraced in the same Pyodide, and in the playground the
//    time until its timeline is scrollable;
// 4. the gzipped size of the JavaScript needed to paint the shell;
// 5. a Flask app's warm re-run and first trace after a reload, beside the default example's
//    (scripts/benchPackages.mjs).
// The site is served by scripts/staticServer.mjs, as a static host serves it (files as they
// are, isolation headers, no per-request work); BENCH_SERVER=vite uses `vite preview`, which
// gzips every response again on the machine under test.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { packageFigures } from './benchPackages.mjs';
import { countPythonWorkers } from './pythonWorkers.mjs';

const ROUNDS = Number(process.argv[2] ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4179);
// BENCH_DIST: a build elsewhere than dist/; BENCH_ONLY=chunks,shell: some figures only.
const DIST = process.env.BENCH_DIST ?? 'dist';
const SERVER = process.env.BENCH_SERVER === 'vite' ? 'vite preview' : 'a plain static server';
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? 'first,warm,hostile,chunks,shell,packages').split(','),
);
const BASE = `http://localhost:${PORT}/`;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const BUDGET = {
  firstTraceRatio: 0.5,
  repeatVisitRatio: 0.3,
  warmP50: 16,
  afterHostileMs: 1000,
  interpreters: 2,
  chunkRatio: 3,
  shellKB: 150,
};

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const median = (xs) => quantile(xs, 0.5);
const verdict = (ok) => (ok ? 'MET' : 'NOT MET');
const f = (ms) => `${Math.round(ms)} ms`;

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

async function inFreshContext(browser, work) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * Resolve once the page has set a global, without polling: Playwright's `waitForFunction`
 * polls on every animation frame by default, which makes the page paint frames it would not
 * otherwise paint and steals main-thread time from the very boot being measured.
 */
const waitForGlobal = (page, name, timeout) =>
  page.evaluate(
    ([key, ms]) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const check = () => {
          if (window[key] !== undefined) resolve(window[key]);
          else if (performance.now() - started > ms) reject(new Error(`no ${key} after ${ms} ms`));
          else setTimeout(check, 250);
        };
        check();
      }),
    [name, timeout],
  );

/** Resolve once the page has set the performance mark `name` (an observer, no polling). */
const waitForMark = (page, name, timeout) =>
  page.evaluate(
    ([mark, ms]) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mark ${mark} after ${ms} ms`)), ms);
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName(mark).length === 0) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        }).observe({ type: 'mark', buffered: true });
      }),
    [name, timeout],
  );

const bareFirstResult = (browser) =>
  inFreshContext(browser, async (page) => {
    await page.goto(`${BASE}bench/bare-boot.html`);
    return waitForGlobal(page, '__bareResult', 60_000);
  });

/**
 * Page load → first trace rendered, as the page marks it (`wsgi-playground:first-trace`, set
 * once the first timeline is in the DOM), as the bare page notes its own first result; with
 * the page's other marks, to show where the time went.
 */
const playgroundFirstTrace = (browser) =>
  inFreshContext(browser, async (page) => {
    await page.goto(BASE);
    // The default example runs as soon as Python is ready.
    await waitForMark(page, 'wsgi-playground:first-trace', 60_000);
    return page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .map((mark) => [mark.name.replace('wsgi-playground:', ''), mark.startTime]),
      ),
    );
  });

/**
 * A repeat visit: the first visit's service worker has precached the site and controls the
 * page; the page is loaded again (served from the cache) until its first trace renders.
 */
const repeatVisitFirstTrace = (browser) =>
  inFreshContext(browser, async (page) => {
    await page.goto(BASE);
    await waitForMark(page, 'wsgi-playground:first-trace', 60_000);
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, {
      timeout: 120_000,
      polling: 250,
    });
    await page.goto(BASE);
    await waitForMark(page, 'wsgi-playground:first-trace', 60_000);
    return page.evaluate(() => ({
      firstTrace: performance.getEntriesByName('wsgi-playground:first-trace')[0].startTime,
      controlled: navigator.serviceWorker.controller !== null,
    }));
  });

/** Edits through the test hook, one every `paceMs` (0: back to back). */
async function warmEdits(browser, count, paceMs) {
  return inFreshContext(browser, async (page) => {
    const workers = countPythonWorkers(page);
    await page.goto(BASE);
    await page.waitForFunction(() => window.__wsgiPlayground?.lastTrace, null, { timeout: 60_000 });
    await new Promise((r) => setTimeout(r, 2000)); // the standbys boot after the first run
    const times = [];
    for (let i = 0; i < count; i++) {
      const editStarted = Date.now();
      times.push(
        await page.evaluate(async (n) => {
          const hook = window.__wsgiPlayground;
          const marker = `warm edit ${n}`;
          const started = performance.now();
          hook.setCode(
            `def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'${marker}']\n`,
          );
          await hook.run();
          const timeline = document.querySelector('[aria-label="Timeline"]');
          for (;;) {
            if (timeline?.textContent?.includes(marker)) break;
            await new Promise((r) => requestAnimationFrame(r));
          }
          await new Promise((r) => requestAnimationFrame(r)); // the frame that shows it
          return performance.now() - started;
        }, i),
      );
      const rest = paceMs - (Date.now() - editStarted);
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    }
    return { times, workers };
  });
}

const HOSTILE_APPS = {
  'a JavaScript busy loop (the worker is retired at the time limit)':
    "import js\njs.eval('while (true) {}')\n",
  'rebinding json.dumps and wsgiref internals':
    "import json, wsgiref.handlers\njson.dumps = lambda *a, **k: '{}'\nwsgiref.handlers.BaseHandler.server_software = 'forged'\ndef application(e, s):\n    s('200 OK', [])\n    return [b'x']\n",
  'Python runaway loop (interrupted or retired)': 'while True:\n    pass\n',
};

/** The first clean run after each hostile run: its time from run() to the result. */
async function afterHostile(browser) {
  return inFreshContext(browser, async (page) => {
    const workers = countPythonWorkers(page);
    await page.goto(BASE);
    await page.waitForFunction(() => window.__wsgiPlayground?.lastTrace, null, { timeout: 60_000 });
    await page.getByRole('tab', { name: /^Settings/ }).click();
    await page.getByLabel('Time limit').fill('1');
    await new Promise((r) => setTimeout(r, 2000));
    const results = [];
    for (const [name, code] of Object.entries(HOSTILE_APPS)) {
      const ms = await page.evaluate(async (hostile) => {
        const hook = window.__wsgiPlayground;
        hook.setCode(hostile);
        await hook.run();
        hook.setCode("def application(e, s):\n    s('200 OK', [])\n    return [b'clean']\n");
        const started = performance.now();
        const trace = await hook.run();
        if (atob(trace.response.bodyBase64) !== 'clean') throw new Error('the clean run was not');
        return performance.now() - started;
      }, code);
      results.push({ name, ms });
      await new Promise((r) => setTimeout(r, 1500)); // a person reads the result meanwhile
    }
    return { results, workers };
  });
}

async function chunkOverhead(browser) {
  return inFreshContext(browser, async (page) => {
    await page.goto(`${BASE}bench/chunks.html?rounds=${ROUNDS}`);
    return waitForGlobal(page, '__chunksResult', 180_000);
  });
}

async function bigTimeline(browser) {
  return inFreshContext(browser, async (page) => {
    await page.goto(BASE);
    await page.waitForFunction(() => window.__wsgiPlayground?.lastTrace, null, { timeout: 60_000 });
    // Every run gets a fresh interpreter: measure the run, not the standby's restore.
    await page.waitForFunction(() => window.__wsgiPlayground?.interpreters().includes('ready'));
    return page.evaluate(async () => {
      const hook = window.__wsgiPlayground;
      const started = performance.now();
      hook.setCode(
        "def application(environ, start_response):\n    start_response('200 OK', [])\n    for i in range(100000):\n        yield b'x'\n",
      );
      const trace = await hook.run();
      const timeline = document.querySelector('[aria-label="Timeline"]');
      while (!timeline?.textContent?.includes('chunk #0')) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => requestAnimationFrame(r));
      return {
        ms: performance.now() - started,
        pythonMs: trace.stats.ms,
        events: trace.events.length,
      };
    });
  });
}

/**
 * The JavaScript needed to paint the shell: every script the page had fetched when it marked
 * its first paint (`wsgi-playground:shell-painted`, set two frames after the shell rendered;
 * the panels the page fetches after that are not counted), without the Python worker's own
 * bundle (it runs off the main thread).
 */
async function shellKB(browser) {
  const names = await inFreshContext(browser, async (page) => {
    await page.goto(BASE);
    await waitForMark(page, 'wsgi-playground:shell-painted', 60_000);
    return page.evaluate(() => {
      const painted = performance.getEntriesByName('wsgi-playground:shell-painted')[0].startTime;
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.js') && entry.responseEnd <= painted)
        .map((entry) => new URL(entry.name).pathname.slice(1))
        .filter((path) => !/worker/i.test(path));
    });
  });
  const bytes = names.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(DIST, file))).length,
    0,
  );
  return { kb: bytes / 1024, files: names };
}

const server =
  process.env.BENCH_SERVER === 'vite'
    ? spawn(
        'node_modules/.bin/vite',
        ['preview', '--outDir', DIST, '--port', `${PORT}`, '--strictPort'],
        {
          stdio: 'ignore',
        },
      )
    : spawn(process.execPath, ['scripts/staticServer.mjs', DIST, `${PORT}`], { stdio: 'ignore' });
/** Measure the first trace against a bare page that only boots Pyodide, alternately. */
async function firstTrace(browser) {
  await bareFirstResult(browser); // warm the server's disk cache once
  const bareBoot = [];
  const bareFirst = [];
  const appMarks = [];
  for (let i = 0; i < ROUNDS; i++) {
    const bare = await bareFirstResult(browser);
    if (bare.body !== 'Hello, World!\n') throw new Error(`bare page answered ${bare.body}`);
    bareBoot.push(bare.bootMs);
    bareFirst.push(bare.firstResultMs);
    appMarks.push(await playgroundFirstTrace(browser));
  }
  const appFirst = appMarks.map((marks) => marks['first-trace']);
  const ratio = median(appFirst) / median(bareFirst);
  const repeat = [];
  for (let i = 0; i < Math.max(3, Math.ceil(ROUNDS / 2)); i++) {
    const visit = await repeatVisitFirstTrace(browser);
    if (!visit.controlled) throw new Error('the repeat visit was not served by the service worker');
    repeat.push(visit.firstTrace);
  }
  const repeatRatio = median(repeat) / median(bareFirst);
  console.log(
    `first trace   bare page: Pyodide boot ${f(median(bareBoot))}, load → first result ${f(median(bareFirst))}`,
  );
  console.log(`              playground: load → first trace rendered ${f(median(appFirst))}`);
  const at = (name) => f(median(appMarks.map((marks) => marks[name])));
  console.log(
    `              (medians: shell painted ${at('shell-painted')}, image arrived ${at('boot-image')}, Python ready ${at('python-ready')}, first result ${at('first-result')})`,
  );
  console.log(
    `              ratio ${ratio.toFixed(2)} (budget ≤ ${BUDGET.firstTraceRatio}) ${verdict(ratio <= BUDGET.firstTraceRatio)}`,
  );
  console.log(
    `repeat visit  served by the service worker: first trace ${f(median(repeat))} over ${repeat.length} visits, vs the cold bare page ${f(median(bareFirst))}`,
  );
  console.log(
    `              ratio ${repeatRatio.toFixed(2)} (budget ≤ ${BUDGET.repeatVisitRatio}) ${verdict(repeatRatio <= BUDGET.repeatVisitRatio)}`,
  );
}

async function warmFigures(browser) {
  const paced = await warmEdits(browser, 8 * ROUNDS, 400);
  const p50 = quantile(paced.times, 0.5);
  console.log(
    `warm edit     every 400 ms → timeline rendered: p50 ${p50.toFixed(1)} ms, p95 ${quantile(paced.times, 0.95).toFixed(1)} ms over ${paced.times.length} edits, each on a fresh interpreter (budget p50 ≤ ${BUDGET.warmP50} ms) ${verdict(p50 <= BUDGET.warmP50)}`,
  );
  const burst = await warmEdits(browser, 4 * ROUNDS, 0);
  console.log(
    `              back to back: p50 ${quantile(burst.times, 0.5).toFixed(0)} ms, p95 ${quantile(burst.times, 0.95).toFixed(0)} ms over ${burst.times.length} edits (each waits for its interpreter's restore)`,
  );
  const most = Math.max(paced.workers.most, burst.workers.most);
  console.log(
    `              Python workers alive at once: at most ${most} (budget ≤ ${BUDGET.interpreters}) ${verdict(most <= BUDGET.interpreters)}; ${paced.workers.started + burst.workers.started} started for ${paced.times.length + burst.times.length + 2} runs`,
  );
}

async function hostileFigures(browser) {
  const { results, workers } = await afterHostile(browser);
  for (const { name, ms } of results) {
    console.log(
      `after hostile ${name}: next run ${f(ms)} (budget ≤ ${BUDGET.afterHostileMs} ms) ${verdict(ms <= BUDGET.afterHostileMs)}`,
    );
  }
  console.log(
    `              Python workers alive at once: at most ${workers.most} (budget ≤ ${BUDGET.interpreters}) ${verdict(workers.most <= BUDGET.interpreters)}`,
  );
}

async function chunkFigures(browser) {
  const chunks = await chunkOverhead(browser);
  const big = await bigTimeline(browser);
  const ratio = median(chunks.traced) / median(chunks.untraced);
  console.log(
    `100k chunks   traced ${f(median(chunks.traced))} vs untraced ${f(median(chunks.untraced))} in one Pyodide (${chunks.events} events): ratio ${ratio.toFixed(2)} (budget ≤ ${BUDGET.chunkRatio}) ${verdict(ratio <= BUDGET.chunkRatio)}`,
  );
  console.log(
    `              in the playground: run → timeline scrollable ${f(big.ms)} (${f(big.pythonMs)} in Python)`,
  );
}

async function shellFigures(browser) {
  const shell = await shellKB(browser);
  console.log(
    `shell JS      ${shell.kb.toFixed(1)} KB gzipped in ${shell.files.length} files (budget ≤ ${BUDGET.shellKB} KB) ${verdict(shell.kb <= BUDGET.shellKB)}`,
  );
}

const FIGURES = {
  first: firstTrace,
  warm: warmFigures,
  hostile: hostileFigures,
  chunks: chunkFigures,
  shell: shellFigures,
  packages: (browser) =>
    packageFigures(browser, {
      BASE,
      ROUNDS,
      inFreshContext,
      waitForMark,
      waitForPlayground: (page) =>
        page.waitForFunction(() => window.__wsgiPlayground?.lastTrace, null, { timeout: 60_000 }),
      f,
      median,
      verdict,
    }),
};

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  console.log(
    `WSGI Playground benchmark — ${ROUNDS} rounds, headless Chromium, ${SERVER}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log('');
  for (const [name, measure] of Object.entries(FIGURES)) {
    if (ONLY.has(name)) await measure(browser);
  }
  await browser.close();
} finally {
  server.kill();
}
