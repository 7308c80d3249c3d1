/**
 * Boot one interpreter: restore it from the image when there is one, else (or when the restore
 * fails) boot Pyodide plainly and install the server object. The same steps serve the browser
 * worker and the Node host; where Pyodide comes from is passed in.
 */
import type { PyodideAPI, PyodideConfig } from 'pyodide';
import { checkRestored } from './image.ts';
import { installServer, warmUp, type PyodideSession } from './pyodideSession.ts';
import type { BootStage } from './workerProtocol.ts';

/** What to boot from. */
export interface BootPlan {
  /** The image's snapshot bytes (uncompressed) and the key it must carry; null: boot plainly. */
  image: { bytes: () => Promise<Uint8Array>; key: string } | null;
}

/** Boot Pyodide with these options (the host adds its own: indexURL, streams, wasm module). */
export type LoadPyodide = (options: PyodideConfig) => Promise<PyodideAPI>;

/** A booted interpreter, and how it was booted. */
export interface BootedInterpreter {
  session: PyodideSession;
  source: 'image' | 'plain';
  /** Why the image was not used, when there was one. */
  fallback?: string;
}

/**
 * Boot as `plan` says; `onStage` hears each stage as it begins.
 *
 * @example
 * const { session, source } = await bootInterpreter(loadPyodide, { image: null }, () => {});
 */
export async function bootInterpreter(
  load: LoadPyodide,
  plan: BootPlan,
  onStage: (stage: BootStage) => void,
): Promise<BootedInterpreter> {
  onStage('runtime');
  let fallback: string | undefined;
  if (plan.image) {
    try {
      // Given as a promise, so Pyodide loads its script and wasm while the image arrives.
      const snapshot = plan.image.bytes().then((bytes) => {
        onStage('image');
        return bytes;
      });
      snapshot.catch(() => {}); // reported by load()
      const pyodide = await load({ _loadSnapshot: snapshot });
      checkRestored(pyodide, plan.image.key);
      return { session: installServer(pyodide), source: 'image' };
    } catch (error) {
      fallback = `the interpreter image could not be restored (${describe(error)}), so Python booted plainly`;
    }
  }
  const pyodide = await load({});
  onStage('server');
  const session = installServer(pyodide);
  onStage('warmup');
  warmUp(session);
  return { session, source: 'plain', ...(fallback ? { fallback } : {}) };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
