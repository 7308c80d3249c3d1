import { describe, expect, it } from 'vitest';
import { blockedMessage, guardNetwork } from './networkGuard.ts';

const SITE = 'http://localhost:4173';

/** A scope shaped like a worker's: network APIs on a prototype, as in WorkerGlobalScope. */
function workerLikeScope() {
  const calls: string[] = [];
  class Xhr {
    open(_method: string, url: string) {
      calls.push(`xhr ${url}`);
    }
  }
  class Socket {
    constructor(public url: string) {
      calls.push(`ws ${url}`);
    }
  }
  const proto = {
    fetch: (url: string | { url: string }) => {
      calls.push(`fetch ${typeof url === 'string' ? url : url.url}`);
      return Promise.resolve('response');
    },
  };
  const scope = Object.assign(Object.create(proto) as Record<string, unknown>, {
    location: { href: `blob:null/worker` },
    XMLHttpRequest: Xhr,
    WebSocket: Socket,
    navigator: {},
  });
  return { scope, calls, proto };
}

describe('the network guard', () => {
  const origins = [SITE, 'https://pypi.org'];

  it('refuses, with the reason, what the policy would block, before anything is sent', () => {
    const { scope, calls, proto } = workerLikeScope();
    guardNetwork(scope, origins);
    const exfil = 'http://127.0.0.2:9/exfil?x=1';
    const fetch = scope.fetch as (url: string) => unknown;
    expect(() => fetch(exfil)).toThrow(blockedMessage('fetch', exfil, origins));
    expect(() => fetch(exfil)).toThrow(
      /connect only to http:\/\/localhost:4173, https:\/\/pypi.org/,
    );
    const Socket = scope.WebSocket as new (url: string) => unknown;
    expect(() => new Socket('ws://127.0.0.2:9/')).toThrow(/blocked a WebSocket/);
    const Xhr = scope.XMLHttpRequest as new () => { open(m: string, u: string): void };
    expect(() => new Xhr().open('GET', exfil)).toThrow(/blocked an XMLHttpRequest/);
    const beacon = (scope.navigator as { sendBeacon: (url: string) => boolean }).sendBeacon;
    expect(() => beacon(exfil)).toThrow(/blocked navigator.sendBeacon/);
    expect(calls).toEqual([]);
    // Not left behind on the prototype, where `del fetch` would uncover it.
    expect(Object.getOwnPropertyDescriptor(proto, 'fetch')).toBeUndefined();
  });

  it('lets through what the policy allows', async () => {
    const { scope, calls } = workerLikeScope();
    guardNetwork(scope, origins);
    const fetch = scope.fetch as (url: string | { url: string }) => Promise<unknown>;
    await expect(fetch('https://pypi.org/simple/flask/')).resolves.toBe('response');
    await fetch({ url: `${SITE}/pyodide/pyodide-lock.json` });
    await fetch('blob:null/abc');
    const Socket = scope.WebSocket as new (url: string) => { url: string };
    expect(new Socket('ws://localhost:4173/live')).toBeInstanceOf(Socket);
    expect(calls).toEqual([
      'fetch https://pypi.org/simple/flask/',
      `fetch ${SITE}/pyodide/pyodide-lock.json`,
      'fetch blob:null/abc',
      'ws ws://localhost:4173/live',
    ]);
  });
});
