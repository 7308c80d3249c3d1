/**
 * The benchmark baseline: a page that only boots Pyodide in a module worker and runs the
 * playground's default app under plain wsgiref — no editor, no tracer, no UI. `npm run bench`
 * compares the playground's page load → first trace with this page's load → first result.
 */
interface BareResult {
  bootMs: number;
  firstResultMs: number;
  body: string;
}

declare global {
  interface Window {
    __bareResult?: BareResult;
  }
}

const worker = new Worker(new URL('./bareBootWorker.ts', import.meta.url), { type: 'module' });
worker.addEventListener('message', (event: MessageEvent<{ bootMs: number; body: string }>) => {
  const result = { ...event.data, firstResultMs: performance.now() };
  window.__bareResult = result;
  const status = document.querySelector('#status');
  if (status) status.textContent = `Booted in ${Math.round(result.bootMs)} ms: ${result.body}`;
});
worker.postMessage(new URL('../pyodide/', document.baseURI).href);
