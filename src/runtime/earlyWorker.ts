/**
 * Start a Python worker: create it, hand it a private MessagePort and an interrupt buffer of
 * its own, and tell it to boot. A tiny entry script calls this for the first interpreter so
 * Pyodide begins booting while the main bundle is still loading, and the engine adopts it
 * later; messages the worker sends meanwhile wait in the port's queue.
 */
import type { ToWorker } from './workerProtocol.ts';

/** A worker already told to boot, with its private port and interrupt buffer. */
export interface EarlyWorker {
  worker: Worker;
  port: MessagePort;
  interrupt: Int32Array | null;
}

/** How to start a worker. */
export interface StartWorkerOptions {
  createWorker: () => Worker;
  /** The folder of Pyodide's files. */
  indexURL: string;
  /** The interpreter image to restore; null or absent: boot plainly. */
  imageURL?: string | null;
  /** Whether to give the worker an interrupt buffer; by default, when the page is isolated. */
  interruptible?: boolean;
  /** `pyodide.asm.wasm`, already compiled. */
  wasm?: WebAssembly.Module | null;
  /** The image's snapshot bytes, unpacked by an earlier worker; transferred to this one. */
  imageBytes?: ArrayBuffer | null;
}

/** Whether this page can share memory with its workers (it is cross-origin isolated). */
export const canShareMemory = (): boolean =>
  globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';

/** Create the worker, hand it a private MessagePort and its interrupt buffer, and boot it. */
export function startWorkerEarly(options: StartWorkerOptions): EarlyWorker {
  const interrupt =
    (options.interruptible ?? canShareMemory()) ? new Int32Array(new SharedArrayBuffer(4)) : null;
  const worker = options.createWorker();
  const channel = new MessageChannel();
  const boot: ToWorker = {
    type: 'boot',
    indexURL: options.indexURL,
    interruptBuffer: interrupt,
    imageURL: options.imageURL ?? null,
    wasm: options.wasm ?? null,
    imageBytes: options.imageBytes ?? null,
  };
  worker.postMessage(boot, [channel.port2, ...(boot.imageBytes ? [boot.imageBytes] : [])]);
  return { worker, port: channel.port1, interrupt };
}
