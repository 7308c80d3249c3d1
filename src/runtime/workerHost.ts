/**
 * What the Python worker does, apart from where it runs: boot Pyodide once, install the
 * server object, warm it up, then run jobs. `worker.ts` wires it to the worker's global
 * scope; tests wire it to a Node Pyodide.
 */
import type { PyodideAPI } from 'pyodide';
import { installServer, type PyodideSession } from './pyodideSession.ts';
import { DEFAULT_SETTINGS } from './runInput.ts';
import type { FromWorker, ToWorker } from './workerProtocol.ts';

/** What the host needs: a way to post messages and to boot Pyodide from a URL. */
export interface WorkerHostWorld {
  post: (message: FromWorker) => void;
  loadPyodide: (indexURL: string) => Promise<PyodideAPI>;
  now: () => number;
}

/** Past this much WebAssembly memory a run counts as `limit` and the worker is replaced. */
export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

/** The size of Pyodide's WebAssembly heap (0 where it cannot be read). */
function heapBytes(pyodide: PyodideAPI): number {
  const internals = pyodide as unknown as { _module?: { HEAP8?: Int8Array } };
  return internals._module?.HEAP8?.byteLength ?? 0;
}

const WARMUP_APP = 'def application(e, s):\n    s("200 OK", [])\n    return [b""]\n';

/** Create the worker's message handler. */
export function createWorkerHost(world: WorkerHostWorld): (message: ToWorker) => void {
  const { post } = world;
  const started = world.now();
  const since = (): number => Math.round(world.now() - started);
  let session: PyodideSession | null = null;

  let interrupt: Int32Array | null = null;

  async function boot(indexURL: string, interruptBuffer: Int32Array | null): Promise<void> {
    try {
      post({ type: 'progress', stage: 'runtime', ms: since() });
      const pyodide = await world.loadPyodide(indexURL);
      if (interruptBuffer) {
        // The page writes 2 (SIGINT) here to stop a runaway app; Python raises KeyboardInterrupt.
        pyodide.setInterruptBuffer(interruptBuffer);
        interrupt = interruptBuffer;
      }
      post({ type: 'progress', stage: 'server', ms: since() });
      session = installServer(pyodide);
      post({ type: 'progress', stage: 'warmup', ms: since() });
      // One throwaway run imports wsgiref and friends, so the person's first run is quick.
      session.runJson({
        code: WARMUP_APP,
        request: { method: 'GET', target: '/', headers: [], bodyBase64: '' },
        settings: DEFAULT_SETTINGS,
      });
      const version = String(pyodide.runPython('import sys; sys.version.split()[0]'));
      post({ type: 'ready', bootMs: since(), pythonVersion: version });
    } catch (error) {
      post({ type: 'failed', id: null, message: `Python failed to start: ${String(error)}` });
    }
  }

  return (message) => {
    if (message.type === 'boot') {
      void boot(message.indexURL, message.interruptBuffer);
      return;
    }
    if (!session) {
      post({ type: 'failed', id: message.id, message: 'Python is not ready yet.' });
      return;
    }
    if (interrupt) Atomics.store(interrupt, 0, 0); // a stop aimed at an earlier run is void
    try {
      const traceJson = session.runJson(message.job);
      const heap = heapBytes(session.pyodide);
      post(
        heap > MEMORY_LIMIT_BYTES
          ? {
              type: 'result',
              id: message.id,
              traceJson,
              overMemory: `The app grew Python's memory to ${Math.round(heap / 2 ** 20)} MB (the limit is ${MEMORY_LIMIT_BYTES / 2 ** 20} MB); Python was restarted to free it.`,
            }
          : { type: 'result', id: message.id, traceJson },
      );
    } catch (error) {
      post({
        type: 'failed',
        id: message.id,
        message: `The server object failed: ${String(error)}`,
      });
    }
  };
}
