/// <reference lib="webworker" />
/**
 * The Python worker's entry: the worker host, wired to a private MessagePort that the page
 * hands over with the boot message. Python code can reach the worker's global scope (`import
 * js`), so nothing is ever posted or received through it: a user's `js.postMessage(...)` goes
 * to a listener the page no longer has, and cannot forge results or fail the engine.
 */
import { loadPyodide } from 'pyodide';
import { createWorkerHost } from './workerHost.ts';
import type { ToWorker } from './workerProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

function onBoot(event: MessageEvent<ToWorker>): void {
  const port = event.ports[0];
  if (event.data.type !== 'boot' || !port) return;
  self.removeEventListener('message', onBoot);
  const handle = createWorkerHost({
    post: (message) => port.postMessage(message),
    loadPyodide: (indexURL) => loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} }),
    now: () => performance.now(),
  });
  port.addEventListener('message', (message: MessageEvent<ToWorker>) => handle(message.data));
  port.start();
  handle(event.data);
}
self.addEventListener('message', onBoot);
