import { createBrowserEngine, type BrowserEngine } from '../src/index.ts';

/** Start the engine at once: a module worker that boots Pyodide from this site's own files. */
export function startEngine(): BrowserEngine {
  return createBrowserEngine({
    createWorker: () =>
      new Worker(new URL('../src/runtime/worker.ts', import.meta.url), { type: 'module' }),
    indexURL: new URL(`${import.meta.env.BASE_URL}pyodide/`, document.baseURI).href,
  });
}
