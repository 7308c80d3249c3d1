import { createBrowserEngine, type BrowserEngine } from '../src/index.ts';
import { createPythonWorker, pyodideIndexURL } from './earlyBoot.ts';

/** Start the engine, adopting the worker `earlyBoot.ts` already set booting. */
export function startEngine(): BrowserEngine {
  const early = window.__wsgiEarlyWorker;
  window.__wsgiEarlyWorker = undefined; // a second engine (e.g. in tests) boots its own
  return createBrowserEngine({
    createWorker: createPythonWorker,
    indexURL: pyodideIndexURL(),
    ...(early ? { early } : {}),
  });
}
