/**
 * The tracer's overhead, measured in one Pyodide: the same app run by the tracing server and
 * by plain wsgiref (untraced), alternately. `scripts/bench.mjs` reads `window.__chunksResult`.
 */
interface ChunksResult {
  traced: number[];
  untraced: number[];
  events: number;
}

declare global {
  interface Window {
    __chunksResult?: ChunksResult;
  }
}

const worker = new Worker(new URL('./chunksWorker.ts', import.meta.url), { type: 'module' });
worker.addEventListener('message', (event: MessageEvent<ChunksResult>) => {
  window.__chunksResult = event.data;
  const status = document.querySelector('#status');
  if (status) status.textContent = JSON.stringify(event.data);
});
const rounds = Number(new URLSearchParams(location.search).get('rounds') ?? 3);
worker.postMessage({ indexURL: new URL('../pyodide/', document.baseURI).href, rounds });
