import type { Trace } from '../trace/schema.ts';
import { EngineError, traceFromJson, type Engine } from './engine.ts';
import { toRunJob, type RunInput } from './runInput.ts';
import { parseFromWorker, type BootStage, type ToWorker } from './workerProtocol.ts';

/** Where the engine is in its life: booting (with its stage), ready, or failed. */
export type EngineStatus =
  | { state: 'booting'; stage: BootStage | 'starting'; ms: number }
  | { state: 'ready'; bootMs: number; pythonVersion: string }
  | { state: 'failed'; message: string };

/** An engine whose Python runs in a Web Worker. */
export interface BrowserEngine extends Engine {
  /** The current status. */
  readonly status: EngineStatus;
  /** Call `listener` on each status change; returns the unsubscribe function. */
  subscribe(listener: (status: EngineStatus) => void): () => void;
  /** Resolves when Python is ready; rejects when it failed to boot. */
  readonly ready: Promise<void>;
}

/** What the browser engine needs from its surroundings (passed in, so it can be tested). */
export interface BrowserEngineOptions {
  /** Create the module worker running `worker.ts`. */
  createWorker: () => Worker;
  /** The URL of the folder holding Pyodide's files, served by this site. */
  indexURL: string;
}

/**
 * Start a worker, boot Python in it at once, and return an engine over it.
 *
 * @example
 * const engine = createBrowserEngine({
 *   createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
 *   indexURL: new URL('pyodide/', document.baseURI).href,
 * });
 * const trace = await engine.run({ code, request });
 */
export function createBrowserEngine(options: BrowserEngineOptions): BrowserEngine {
  const listeners = new Set<(status: EngineStatus) => void>();
  const pending = new Map<number, { resolve: (t: Trace) => void; reject: (e: Error) => void }>();
  let status: EngineStatus = { state: 'booting', stage: 'starting', ms: 0 };
  let nextId = 1;
  let settleReady: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  ready.catch(() => {}); // observed through status; avoid an unhandled rejection

  const setStatus = (next: EngineStatus): void => {
    status = next;
    for (const listener of listeners) listener(next);
  };
  const fail = (message: string): void => {
    setStatus({ state: 'failed', message });
    settleReady?.reject(new EngineError(message));
    for (const { reject } of pending.values()) reject(new EngineError(message));
    pending.clear();
  };

  const worker = options.createWorker();
  const send = (message: ToWorker): void => worker.postMessage(message);
  worker.addEventListener('error', (event) =>
    fail(`The Python worker crashed: ${event.message || 'unknown error'}`),
  );
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseFromWorker(event.data);
    if (!message) return fail('The Python worker sent a malformed message.');
    switch (message.type) {
      case 'progress':
        return setStatus({ state: 'booting', stage: message.stage, ms: message.ms });
      case 'ready':
        setStatus({ state: 'ready', bootMs: message.bootMs, pythonVersion: message.pythonVersion });
        return settleReady?.resolve();
      case 'result': {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (!waiter) return; // a reply nobody waits for any more
        try {
          waiter.resolve(traceFromJson(message.traceJson));
        } catch (error) {
          waiter.reject(error instanceof Error ? error : new EngineError(String(error)));
        }
        return;
      }
      case 'failed': {
        if (message.id === null) return fail(message.message);
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        waiter?.reject(new EngineError(message.message));
        return;
      }
    }
  });
  send({ type: 'boot', indexURL: options.indexURL });

  return {
    get status() {
      return status;
    },
    ready,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async run(input: RunInput): Promise<Trace> {
      await ready;
      const id = nextId++;
      const result = new Promise<Trace>((resolve, reject) => pending.set(id, { resolve, reject }));
      send({ type: 'run', id, job: toRunJob(input) });
      return result;
    },
    dispose() {
      worker.terminate();
      fail('The engine was disposed.');
    },
  };
}
