/// <reference lib="webworker" />
/**
 * The Python worker's entry: the worker host, wired to a private MessagePort handed over with
 * the boot message. The worker runs in the sandbox frame (sandbox/frameMain.ts), an opaque
 * origin with no storage of the site's and a policy that lets it connect only to the site and
 * the package index; everything it boots from arrives as bytes in the boot message.
 *
 * Python code can reach the worker's global scope (`import js`), so nothing is ever posted or
 * received through it: a user's `js.postMessage(...)` goes to the frame, which does not listen,
 * and cannot forge results or fail the engine.
 */
import { loadPyodide, type PyodideConfig } from 'pyodide';
import { withCompiledWasm } from './compiledWasm.ts';
import { createWorkerHost } from './workerHost.ts';
import type { BootMessage, ToWorker } from './workerProtocol.ts';
import { sealWorkerScope } from './workerScope.ts';
import { guardNetwork } from './sandbox/networkGuard.ts';

declare const self: DedicatedWorkerGlobalScope;
/** The interpreter image's key, worked out when the bundle was built (scripts/build-worker.mjs). */
declare const __WSGI_IMAGE_KEY__: string;

const unsealed = sealWorkerScope(self);
if (unsealed.length > 0) console.warn(`worker: could not remove ${unsealed.join(', ')}`);

/**
 * Where Pyodide believes its files are. Everything comes from the boot message instead; the one
 * fetch Pyodide still starts (of `pyodide.asm.wasm`, whose result goes unused) gets a data URL.
 */
const NO_INDEX = 'data:,';

const blobURL = (bytes: ArrayBuffer, type: string): string =>
  URL.createObjectURL(new Blob([bytes], { type }));

/** Boot Pyodide from the runtime files in the boot message. */
async function load(
  options: PyodideConfig,
  { runtime }: BootMessage,
): Promise<Awaited<ReturnType<typeof loadPyodide>>> {
  const asm = (await import(/* @vite-ignore */ blobURL(runtime.asm, 'text/javascript'))) as {
    default: NonNullable<PyodideConfig['createPyodideModule']>;
  };
  return new Promise((resolve, reject) => {
    const createPyodideModule = withCompiledWasm(asm.default, runtime.wasm, reject);
    loadPyodide({
      indexURL: NO_INDEX,
      stdLibURL: blobURL(runtime.stdlib, 'application/zip'),
      lockFileContents: runtime.lock,
      stdout: () => {},
      stderr: () => {},
      ...options,
      createPyodideModule,
    }).then(resolve, reject);
  });
}

function onBoot(event: MessageEvent<ToWorker>): void {
  const port = event.ports[0];
  if (event.data.type !== 'boot' || !port) return;
  self.removeEventListener('message', onBoot);
  guardNetwork(self as unknown as Parameters<typeof guardNetwork>[0], event.data.connect);
  const handle = createWorkerHost({
    post: (message, transfer = []) => port.postMessage(message, transfer),
    loadPyodide: load,
    now: () => performance.now(),
    imageKey: async () => __WSGI_IMAGE_KEY__,
  });
  port.addEventListener('message', (message: MessageEvent<ToWorker>) => handle(message.data));
  port.start();
  handle(event.data);
}
self.addEventListener('message', onBoot);
// The boot message came before this module loaded: the sandbox's bootstrap script kept it.
const bootstrap = self as unknown as { takeBootMessages?: () => MessageEvent<ToWorker>[] };
for (const early of bootstrap.takeBootMessages?.() ?? []) onBoot(early);
