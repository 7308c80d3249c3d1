/// <reference lib="webworker" />
/**
 * The Python worker's entry: the worker host, wired to a private MessagePort that the page
 * hands over with the boot message. Python code can reach the worker's global scope (`import
 * js`), so nothing is ever posted or received through it: a user's `js.postMessage(...)` goes
 * to a listener the page no longer has, and cannot forge results or fail the engine.
 */
import { loadPyodide, type PyodideConfig } from 'pyodide';
import { withCompiledWasm } from './compiledWasm.ts';
import { createWorkerHost } from './workerHost.ts';
import type { ToWorker } from './workerProtocol.ts';
import { sealWorkerScope } from './workerScope.ts';

declare const self: DedicatedWorkerGlobalScope;

const unsealed = sealWorkerScope(self);
if (unsealed.length > 0) console.warn(`worker: could not remove ${unsealed.join(', ')}`);

/** Boot Pyodide from the site's copy of its files, from the page's compiled module if given. */
async function load(
  indexURL: string,
  options: PyodideConfig,
  wasm: WebAssembly.Module | null,
): Promise<Awaited<ReturnType<typeof loadPyodide>>> {
  const base = { indexURL, stdout: () => {}, stderr: () => {}, ...options };
  if (!wasm) return loadPyodide(base);
  const asm = (await import(/* @vite-ignore */ `${indexURL}pyodide.asm.mjs`)) as {
    default: NonNullable<PyodideConfig['createPyodideModule']>;
  };
  return new Promise((resolve, reject) => {
    const createPyodideModule = withCompiledWasm(asm.default, wasm, reject);
    loadPyodide({ ...base, createPyodideModule }).then(resolve, reject);
  });
}

/**
 * The image's snapshot, unpacked. The file is gzip; a host may also have sent it with
 * `Content-Encoding: gzip` (`vite preview` does), in which case the browser already unpacked
 * it — so look at the bytes, not the name.
 */
async function fetchImage(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(unpacked).arrayBuffer());
}

function onBoot(event: MessageEvent<ToWorker>): void {
  const port = event.ports[0];
  if (event.data.type !== 'boot' || !port) return;
  self.removeEventListener('message', onBoot);
  const handle = createWorkerHost({
    post: (message, transfer = []) => port.postMessage(message, transfer),
    loadPyodide: load,
    fetchImage,
    now: () => performance.now(),
  });
  port.addEventListener('message', (message: MessageEvent<ToWorker>) => handle(message.data));
  port.start();
  handle(event.data);
}
self.addEventListener('message', onBoot);
