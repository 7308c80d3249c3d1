import { loadPyodide } from 'pyodide';
import type { Engine } from './engine.ts';
import { traceFromJson } from './engine.ts';
import { installServer, type PyodideSession } from './pyodideSession.ts';
import { toRunJob } from './runInput.ts';

/** An engine running Pyodide in this Node process (for tests and the CLI). */
export interface NodeEngine extends Engine {
  /** The Pyodide session, for fidelity checks against plain wsgiref. */
  readonly session: PyodideSession;
  /** Milliseconds Pyodide took to boot. */
  readonly bootMs: number;
}

/**
 * Boot Pyodide in Node (it finds `node_modules/pyodide` itself) and install the server object.
 *
 * @example
 * const engine = await createNodeEngine();
 * const trace = await engine.run({ code, request });
 */
export async function createNodeEngine(): Promise<NodeEngine> {
  const started = performance.now();
  // Python's print() during boot would go to our stdout; keep the CLI's output clean.
  const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  const session = installServer(pyodide);
  const bootMs = performance.now() - started;
  return {
    session,
    bootMs,
    run: async (input) => traceFromJson(session.runJson(toRunJob(input))),
    dispose: () => {},
  };
}
