/**
 * When the page registers its service worker (made by vite-plugin-pwa, see vite.config.ts),
 * which caches the site and Pyodide's files so that a repeat visit works offline: once the
 * first trace is on screen, or 10 s after the load event if none comes, and then when the main
 * thread is idle. On a first visit its precaching (~18 MB, fetched again from the network)
 * would otherwise compete with the boot. Never in dev mode, which has no service worker.
 */

/** The mark the page sets once its first timeline is in the DOM (app/timeline/TimelineTab.tsx). */
const FIRST_TRACE = 'wsgi-playground:first-trace';
const AFTER_LOAD_MS = 10_000;

/** Load the registration and the update notice (workbox-window, ~6 KB) and register. */
const register = (): void => void import('./serviceWorkerUpdates.ts').then((m) => m.register());

export function registerServiceWorkerLater(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName(FIRST_TRACE).length > 0) start();
  });
  function start(): void {
    if (started) return;
    started = true;
    observer.disconnect();
    clearTimeout(timer);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: 2000 });
    else setTimeout(register, 0);
  }
  observer.observe({ type: 'mark', buffered: true });
  const afterLoad = () => (timer = setTimeout(start, AFTER_LOAD_MS));
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}
