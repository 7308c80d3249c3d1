/// <reference lib="webworker" />
/** The Python worker's entry: the worker host, wired to this worker's global scope. */
import { loadPyodide } from 'pyodide';
import { createWorkerHost } from './workerHost.ts';
import type { ToWorker } from './workerProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const handle = createWorkerHost({
  post: (message) => self.postMessage(message),
  loadPyodide: (indexURL) => loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} }),
  now: () => performance.now(),
});
self.addEventListener('message', (event: MessageEvent<ToWorker>) => handle(event.data));
