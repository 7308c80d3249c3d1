/**
 * What the Python worker does, apart from where it runs: boot one interpreter (restored from
 * the image, or plainly), then serve exactly one run — the page retires the worker after it,
 * so that no run can leave anything behind for the next (DESIGN.md, "The interpreter's life").
 * `worker.ts` wires it to the worker's global scope; tests wire it to a Node Pyodide.
 */
import type { PyodideAPI, PyodideConfig } from 'pyodide';
import { version as pyodideVersion } from 'pyodide';
import { bootInterpreter } from './bootInterpreter.ts';
import { importEach, imageKey, makeImage, packageImageKey } from './image.ts';
import { installWheels } from './installWheels.ts';
import { isPausePlan, waitForCommand } from './livePause.ts';
import { warmUp, type PyodideSession } from './pyodideSession.ts';
import type { PackageBoot } from './workerLink.ts';
import type { BootMessage, FromWorker, ToWorker } from './workerProtocol.ts';

/** What the host needs: a way to post messages and to boot Pyodide. */
export interface WorkerHostWorld {
  /** Post to the page; what `transfer` lists is moved, not copied. */
  post: (message: FromWorker, transfer?: Transferable[]) => void;
  /** Boot Pyodide with `options`, from the runtime files the boot message brought. */
  loadPyodide: (options: PyodideConfig, boot: BootMessage) => Promise<PyodideAPI>;
  now: () => number;
  /**
   * The key an image for this server must carry (see image.ts). By default it is computed here;
   * the sandbox's worker is no secure context (no `crypto.subtle`), so its bundle brings it.
   */
  imageKey?: () => Promise<string>;
}

/** Past this much WebAssembly memory a run counts as `limit` (the worker is retired anyway). */
export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

/** The size of Pyodide's WebAssembly heap (0 where it cannot be read). */
function heapBytes(pyodide: PyodideAPI): number {
  const internals = pyodide as unknown as { _module?: { HEAP8?: Int8Array } };
  return internals._module?.HEAP8?.byteLength ?? 0;
}

/** Create the worker's message handler. */
export function createWorkerHost(world: WorkerHostWorld): (message: ToWorker) => void {
  const { post } = world;
  const started = world.now();
  const since = (): number => Math.round(world.now() - started);
  let session: PyodideSession | null = null;
  let pauseBuffer: Int32Array | null = null;
  let served = false;

  const baseKey = (): Promise<string> => (world.imageKey ?? (() => imageKey(pyodideVersion)))();

  /** Make a package set's image (the boot message's `packages.make`), post it, serve nothing. */
  async function makePackageImage(message: BootMessage, set: PackageBoot): Promise<void> {
    served = true;
    try {
      post({ type: 'progress', stage: 'runtime', ms: since() });
      const pyodide = await world.loadPyodide({ _makeSnapshot: true }, message);
      post({ type: 'progress', stage: 'server', ms: since() });
      const snapshot = makeImage(pyodide, packageImageKey(await baseKey(), set.key), set);
      const bytes = snapshot.buffer.slice(
        snapshot.byteOffset,
        snapshot.byteOffset + snapshot.byteLength,
      ) as ArrayBuffer;
      post({ type: 'image', bytes }, [bytes]);
    } catch (error) {
      post({ type: 'failed', id: null, message: `The packages' image failed: ${String(error)}` });
    }
  }

  async function boot(message: BootMessage): Promise<void> {
    const set = message.packages;
    if (set?.make) return makePackageImage(message, set);
    try {
      const file = message.image;
      const key = await baseKey();
      const image = file
        ? {
            key: set ? packageImageKey(key, set.key) : key,
            bytes: async () => {
              if ('missing' in file) throw new Error(file.missing);
              return new Uint8Array(file.bytes);
            },
          }
        : null;
      const booted = await bootInterpreter(
        (options) => world.loadPyodide(options, message),
        { image },
        (stage) => post({ type: 'progress', stage, ms: since() }),
      );
      // The page writes 2 (SIGINT) here to stop a runaway app; Python raises KeyboardInterrupt.
      // Each worker has a buffer of its own, so a stop aimed at an earlier run cannot linger.
      if (message.interruptBuffer)
        booted.session.pyodide.setInterruptBuffer(message.interruptBuffer);
      session = booted.session;
      pauseBuffer = message.pauseBuffer;
      if (set) {
        // The image has them imported but not their files (a snapshot holds no files).
        installWheels(session.pyodide, set.wheels);
        if (booted.source === 'plain') importEach(session.pyodide, set.imports);
      }
      if (booted.source === 'image') warmUp(session, false); // see warmUp

      const version = String(session.pyodide.runPython('import sys; sys.version.split()[0]'));
      post({
        type: 'ready',
        bootMs: since(),
        pythonVersion: version,
        source: booted.source,
        ...(booted.fallback ? { fallback: booted.fallback } : {}),
      });
    } catch (error) {
      post({ type: 'failed', id: null, message: `Python failed to start: ${String(error)}` });
    }
  }

  return (message) => {
    if (message.type === 'boot') {
      void boot(message);
      return;
    }
    if (!session || served) {
      const why = served ? 'This interpreter has served its run.' : 'Python is not ready yet.';
      post({ type: 'failed', id: message.id, message: why });
      return;
    }
    served = true;
    const { id, pause: plan } = message;
    const buffer = pauseBuffer;
    // A plan without the buffer to wait on (not isolated) runs the app through unheld.
    const pause =
      plan && buffer && isPausePlan(plan)
        ? {
            plan,
            wait: (traceJson: string) => {
              post({ type: 'paused', id, traceJson });
              return waitForCommand(buffer);
            },
          }
        : undefined;
    try {
      const traceJson = session.runJson(message.job, pause);
      const heap = heapBytes(session.pyodide);
      post(
        heap > MEMORY_LIMIT_BYTES
          ? {
              type: 'result',
              id: message.id,
              traceJson,
              overMemory: `The app grew Python's memory to ${Math.round(heap / 2 ** 20)} MB (the limit is ${MEMORY_LIMIT_BYTES / 2 ** 20} MB).`,
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
