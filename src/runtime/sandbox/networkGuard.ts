/**
 * The worker's network calls, guarded before any user code runs: a connection the sandbox's
 * policy forbids (see sandboxPolicy.ts) throws at once with a message that says why, so the
 * trace shows the app's line and the reason instead of a bare "Failed to fetch". The policy
 * itself is what enforces it — this only explains; code that gets past it still cannot connect.
 */
import { connectionAllowed } from './sandboxPolicy.ts';

/** The error a blocked connection throws. */
export function blockedMessage(api: string, url: string, origins: readonly string[]): string {
  const allowed = origins.length > 0 ? origins.join(', ') : 'nowhere';
  return `The sandbox blocked ${api} to ${url}: a run may connect only to ${allowed} (the sandbox's Content-Security-Policy, connect-src).`;
}

type Scope = Record<string, unknown> & { location?: { href: string } };

/** Replace `name` on `scope` (and where its prototype chain defines it) with `make(original)`. */
function wrap(scope: object, name: string, make: (original: never) => unknown): void {
  let owner: object | null = scope;
  while (owner && !Object.getOwnPropertyDescriptor(owner, name)) {
    owner = Object.getPrototypeOf(owner);
  }
  const original = (scope as Record<string, unknown>)[name];
  if (typeof original !== 'function') return;
  const replacement = make(original as never);
  for (let at: object | null = scope; at; at = Object.getPrototypeOf(at)) {
    if (Object.getOwnPropertyDescriptor(at, name)) Reflect.deleteProperty(at, name);
  }
  Object.defineProperty(scope, name, { value: replacement, writable: true, configurable: true });
}

/** The URL a call names: a string, a URL, or a Request's `url`. */
function urlOf(target: unknown): string {
  if (typeof target === 'string') return target;
  if (target && typeof target === 'object' && 'url' in target) return String(target.url);
  return String(target);
}

/**
 * Guard `fetch`, `XMLHttpRequest`, `WebSocket`, `EventSource` and `navigator.sendBeacon` on
 * `scope` so that they refuse, with `blockedMessage`, any URL outside `origins`.
 */
export function guardNetwork(scope: Scope, origins: readonly string[]): void {
  const base = scope.location?.href ?? 'about:blank';
  const check = (api: string, target: unknown): void => {
    const url = urlOf(target);
    if (!connectionAllowed(url, base, origins)) throw new Error(blockedMessage(api, url, origins));
  };
  wrap(
    scope,
    'fetch',
    (original: (...args: unknown[]) => unknown) =>
      function fetch(this: unknown, ...args: unknown[]) {
        check('fetch', args[0]);
        return original.apply(this, args);
      },
  );
  for (const [name, api] of [
    ['WebSocket', 'a WebSocket'],
    ['EventSource', 'an EventSource'],
  ] as const) {
    wrap(scope, name, (Original: new (...args: unknown[]) => object) => {
      const Guarded = function (this: unknown, ...args: unknown[]) {
        check(api, args[0]);
        return new Original(...args);
      };
      Guarded.prototype = Original.prototype;
      return Guarded;
    });
  }
  const request = scope.XMLHttpRequest as { prototype?: Record<string, unknown> } | undefined;
  if (request?.prototype) {
    wrap(
      request.prototype,
      'open',
      (original: (...args: unknown[]) => unknown) =>
        function open(this: unknown, ...args: unknown[]) {
          check('an XMLHttpRequest', args[1]);
          return original.apply(this, args);
        },
    );
  }
  const navigator = scope.navigator as object | undefined;
  if (navigator) {
    // Workers have no sendBeacon: say why it fails, rather than "is not a function".
    Object.defineProperty(navigator, 'sendBeacon', {
      value: (url: unknown) => {
        check('navigator.sendBeacon', url);
        throw new Error('navigator.sendBeacon does not exist in a worker; use fetch.');
      },
      configurable: true,
    });
  }
}
