/**
 * The Content-Security-Policy of the sandbox frame and, inherited, of its Python workers. A run
 * may connect only to the site and the package index: its data cannot leave for anywhere else.
 * `blob:` and `data:` are the worker's own bytes (Pyodide's files, handed over by the page).
 * `'unsafe-eval'` keeps `js.eval` and Pyodide's `run_js` working: eval in the worker can do no
 * more than Python's `js` module can.
 */

/** The package index runs may reach by default (PyPI's simple API and its file host). */
export const DEFAULT_PACKAGE_ORIGINS = ['https://pypi.org', 'https://files.pythonhosted.org'];

/** The origins (scheme://host:port) of `urls`, each once; what is not a URL is left out. */
export function originsOf(urls: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      const { origin } = new URL(url);
      if (origin !== 'null') origins.add(origin);
    } catch {
      // not a URL: nothing to allow
    }
  }
  return [...origins];
}

/** The policy for a sandbox whose runs may connect to `origins`. */
export function sandboxPolicy(origins: readonly string[]): string {
  const connect = ['blob:', 'data:', ...originsOf(origins)].join(' ');
  return [
    "default-src 'none'",
    "script-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
    'worker-src blob:',
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Whether a run may connect to `url` (resolved against `base`): the same rule as the policy's
 * `connect-src`, so the worker can refuse with a clear message before the browser does.
 */
export function connectionAllowed(url: string, base: string, origins: readonly string[]): boolean {
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return false;
  }
  if (target.protocol === 'blob:' || target.protocol === 'data:') return true;
  // As in CSP, an http(s) source also allows WebSockets to the same host (ws, wss).
  const web = target.protocol === 'ws:' || target.protocol === 'wss:';
  const origin = web ? target.origin.replace(/^ws/, 'http') : target.origin;
  return originsOf(origins).includes(origin);
}
