/**
 * Start the Python worker before anything else on the page: a tiny entry script calls this so
 * Pyodide begins booting while the main bundle is still loading, and the engine adopts the
 * worker later. Messages the worker sends meanwhile wait in the port's queue.
 */
import type { ToWorker } from './workerProtocol.ts';

/** A worker already told to boot, with its private port and interrupt buffer. */
export interface EarlyWorker {
  worker: Worker;
  port: MessagePort;
  interrupt: Int32Array | null;
}

/** Create the worker, hand it a private MessagePort and the interrupt buffer, and boot it. */
export function startWorkerEarly(options: {
  createWorker: () => Worker;
  indexURL: string;
  /** The interrupt buffer to share; by default one is made when the page is isolated. */
  interrupt?: Int32Array | null;
}): EarlyWorker {
  const interrupt =
    options.interrupt !== undefined
      ? options.interrupt
      : globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function'
        ? new Int32Array(new SharedArrayBuffer(4))
        : null;
  const worker = options.createWorker();
  const channel = new MessageChannel();
  const boot: ToWorker = { type: 'boot', indexURL: options.indexURL, interruptBuffer: interrupt };
  worker.postMessage(boot, [channel.port2]);
  return { worker, port: channel.port1, interrupt };
}
