/**
 * Starting the Python worker before the page's main bundle (React, the UI) has loaded, so that
 * Pyodide boots meanwhile. `app/main.tsx` calls it first; `app/engine.ts` adopts the worker.
 */
import { startWorkerEarly, type EarlyWorker } from '../src/runtime/earlyWorker.ts';

declare global {
  interface Window {
    __wsgiEarlyWorker?: EarlyWorker | undefined;
  }
}

/** How the page creates its Python worker (also used for restarts). */
export const createPythonWorker = (): Worker =>
  new Worker(new URL('../src/runtime/worker.ts', import.meta.url), { type: 'module' });

/** Where this site serves Pyodide's files. */
export const pyodideIndexURL = (): string =>
  new URL(`${import.meta.env.BASE_URL}pyodide/`, document.baseURI).href;

/** Where this site serves the interpreter image (made by `npm run build`). */
export const imageURL = (): string => `${pyodideIndexURL()}wsgi-image.bin.gz`;

/** Start the worker now; `app/engine.ts` adopts it. */
export function bootPythonEarly(): void {
  window.__wsgiEarlyWorker ??= startWorkerEarly({
    createWorker: createPythonWorker,
    indexURL: pyodideIndexURL(),
    imageURL: imageURL(),
  });
}
