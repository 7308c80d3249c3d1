/**
 * Starting the Python sandbox and its first worker before the page's main bundle (React, the
 * UI) has loaded, so that Pyodide boots meanwhile. `app/main.tsx` calls it first;
 * `app/engine.ts` adopts both.
 */
import type { WorkerLink } from '../src/runtime/workerLink.ts';
import {
  createSandbox,
  type RuntimeFileURLs,
  type Sandbox,
} from '../src/runtime/sandbox/pageSandbox.ts';
import { DEFAULT_PACKAGE_ORIGINS } from '../src/runtime/sandbox/sandboxPolicy.ts';

/** The sandbox and the worker started early, for the engine to adopt. */
export interface EarlySandbox {
  sandbox: Sandbox;
  first: WorkerLink;
}

declare global {
  interface Window {
    __wsgiEarlySandbox?: EarlySandbox | undefined;
  }
}

const siteURL = (path: string): string =>
  new URL(`${import.meta.env.BASE_URL}${path}`, document.baseURI).href;

/**
 * The files the sandbox boots Python from, all served by this site: Pyodide's (copied into
 * public/pyodide by `npm run build`), the interpreter image, and the worker's own bundle
 * (scripts/build-worker.mjs).
 */
export const runtimeFiles = (): RuntimeFileURLs => ({
  worker: siteURL('sandbox/python-worker.js'),
  asm: siteURL('pyodide/pyodide.asm.mjs'),
  wasm: siteURL('pyodide/pyodide.asm.wasm'),
  stdlib: siteURL('pyodide/python_stdlib.zip'),
  lock: siteURL('pyodide/pyodide-lock.json'),
  image: siteURL('pyodide/wsgi-image.bin.gz'),
});

/** What a run may connect to: this site and the package index. */
export const sandboxConnect = (): string[] => [location.origin, ...DEFAULT_PACKAGE_ORIGINS];

/** A sandbox in this page. */
export const createPageSandbox = (): Sandbox =>
  createSandbox({ document, files: runtimeFiles(), connect: sandboxConnect() });

/** Start the sandbox and its first worker now; `app/engine.ts` adopts them. */
export function bootPythonEarly(): void {
  if (window.__wsgiEarlySandbox) return;
  const sandbox = createPageSandbox();
  window.__wsgiEarlySandbox = { sandbox, first: sandbox.launch() };
}
