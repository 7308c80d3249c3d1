import { createBrowserEngine, type BrowserEngine } from '../src/index.ts';
import { createPythonWorker, imageURL, pyodideIndexURL } from './earlyBoot.ts';

/** Compile Pyodide's wasm once, for the standby interpreters after the first. */
const compileWasm = (): Promise<WebAssembly.Module> =>
  WebAssembly.compileStreaming(fetch(`${pyodideIndexURL()}pyodide.asm.wasm`));

/** Start the engine, adopting the worker `earlyBoot.ts` already set booting. */
export function startEngine(): BrowserEngine {
  const early = window.__wsgiEarlyWorker;
  window.__wsgiEarlyWorker = undefined; // a second engine (e.g. in tests) boots its own
  return createBrowserEngine({
    createWorker: createPythonWorker,
    indexURL: pyodideIndexURL(),
    imageURL: imageURL(),
    compileWasm,
    ...(early ? { early } : {}),
  });
}
