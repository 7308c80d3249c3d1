/**
 * User story: my app needs Flask. I list `flask` in the project's requirements; the page
 * resolves it against the package index (here one served on 127.0.0.1 from Debian 13's
 * wheels, see scripts/packageIndexServer.mjs), installs the pins it lists under "Installed
 * packages", and runs the app: the timeline's start_response names my view's line. When I come
 * back — and when I come back offline — it runs the same without asking the index again. A
 * requirement that no index has is an error that says so, and my code stays as it was.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startPackageIndex, type PackageIndex } from '../scripts/packageIndexServer.mjs';
import { expect, openPlayground, pythonReady, showTab, test } from './support/playground.ts';
import { serviceWorkerInCharge } from './support/serviceWorker.ts';

const WHEELS = process.env.DEBIAN_WHEELS ?? join('node_modules', '.cache', 'debian-wheels');
const haveWheels = existsSync(WHEELS) && readdirSync(WHEELS).some((n) => n.startsWith('Flask-'));

/** A Flask app; line 9 is the view's return, the line start_response is charged to. */
const FLASK_APP = [
  'from flask import Flask, jsonify, request',
  '',
  'app = Flask(__name__)',
  '',
  '',
  '@app.route("/api/greeting")',
  'def greeting():',
  '    name = request.args.get("name", "world")',
  '    return jsonify(greeting="Hello, %s!" % name)',
  '',
].join('\n');
const VIEW_LINE = 9;
const BODY = '{"greeting":"Hello, Ada!"}\n';

/** The hook's package methods (DESIGN.md, "UI contract"; app/testHook.ts has them with the
 * Packages panel). Either may return a promise: the spec waits for it. */
interface PackageHook {
  setRequirements(requirements: string[]): unknown;
  setPackageIndex(url: string): unknown;
}

/** Point the page at `indexUrl` and set the project: the Flask app, its requirements. */
async function setProject(page: Page, indexUrl: string, requirements: string[]): Promise<void> {
  await page.evaluate(
    async ({ url, code, wanted }) => {
      const hook = window.__wsgiPlayground as
        (Window['__wsgiPlayground'] & PackageHook) | undefined;
      if (!hook) throw new Error('no test hook');
      await hook.setPackageIndex(url);
      hook.setCode(code);
      hook.setRequest({ method: 'GET', target: '/api/greeting?name=Ada' });
      await hook.setRequirements(wanted);
    },
    { url: indexUrl, code: FLASK_APP, wanted: requirements },
  );
}

/** Run as the Run button does; the response's status and body, or the error run() threw. */
function runApp(page: Page) {
  return page.evaluate(async () => {
    const hook = window.__wsgiPlayground;
    if (!hook) throw new Error('no test hook');
    try {
      const trace = await hook.run();
      return {
        outcome: trace.outcome,
        status: trace.response.status,
        body: new TextDecoder().decode(
          Uint8Array.from(atob(trace.response.bodyBase64), (ch) => ch.charCodeAt(0)),
        ),
      };
    } catch (error) {
      return { error: String(error) };
    }
  });
}

/** The run answered with Flask's JSON, and the timeline charges start_response to the view. */
async function flaskAnswered(page: Page): Promise<void> {
  expect(await runApp(page)).toEqual({ outcome: 'complete', status: '200 OK', body: BODY });
  const timeline = await showTab(page, 'Timeline');
  const start = timeline
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'start_response', exact: true }) });
  await expect(start).toHaveCount(1);
  // The framework called it (via werkzeug…), on behalf of the view's line.
  await expect(start.getByTitle(`Show app.py:${VIEW_LINE} in the editor`)).toHaveText(
    String(VIEW_LINE),
  );
  await expect(start).toContainText('via werkzeug/');
}

/** The "Installed packages" list (opening the Packages panel if it is closed). */
async function installedPackages(page: Page) {
  const list = page.getByRole('list', { name: 'Installed packages' });
  if (!(await list.isVisible())) await page.getByRole('button', { name: 'Packages' }).click();
  await expect(list).toBeVisible();
  return list;
}

test.describe('packages from an index', () => {
  test.skip(!haveWheels, `no wheels in ${WHEELS}: node scripts/debian-wheels.mjs builds them`);

  // An index of its own for each test: the first one stops its index halfway.
  let index: PackageIndex;
  test.beforeEach(async () => {
    index = await startPackageIndex({ wheelsDir: WHEELS });
  });
  test.afterEach(async () => {
    await index.close();
  });

  test('flask installs from the index, runs, and runs again offline without it', async ({
    page,
    context,
  }) => {
    test.setTimeout(240_000); // the first run fetches the wheels and makes Flask's image
    await openPlayground(page);
    await page.getByLabel('Live').uncheck();
    await setProject(page, index.url, ['flask']);
    await flaskAnswered(page);
    expect(index.requests).toContain('/simple/flask/');
    const installed = await installedPackages(page);
    await expect(installed).toContainText(/Flask\W+3\.1\.1/);
    await expect(installed).toContainText(/Werkzeug\W+3\.1\.3/);

    // A later visit: the project and its pins come back, and nothing is asked of the index.
    await serviceWorkerInCharge(page);
    const asked = index.requests.length;
    await page.reload();
    await pythonReady(page);
    expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(FLASK_APP);
    await flaskAnswered(page);
    expect(index.requests.slice(asked), 'requests to the index after the reload').toEqual([]);

    // Offline, and the index gone: the same run, from what the page keeps.
    await index.close();
    await context.setOffline(true);
    await page.reload();
    await pythonReady(page);
    await flaskAnswered(page);
    await expect(await installedPackages(page)).toContainText(/Flask\W+3\.1\.1/);
  });

  test('a requirement no index has is an error that names it, and the code stays', async ({
    page,
  }) => {
    await openPlayground(page);
    await page.getByLabel('Live').uncheck();
    await setProject(page, index.url, ['nosuchpackage']);
    await runApp(page); // it may resolve (an error outcome) or reject: the alert is what counts
    const alert = page.getByRole('alert').filter({ hasText: 'nosuchpackage' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/not found/i);
    expect(index.requests).toContain('/simple/nosuchpackage/');
    expect(await page.evaluate(() => window.__wsgiPlayground?.getCode())).toBe(FLASK_APP);
  });
});
