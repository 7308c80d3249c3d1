/// <reference lib="webworker" />
/**
 * What a run must not reach from the worker's global scope (`import js` exposes all of it):
 * the site's Cache Storage and IndexedDB — the service worker serves the site from Cache
 * Storage, so a run that could write there could plant code in every later page load — and
 * nested workers, which would bring those back in a fresh scope. They are deleted from the
 * scope's prototype chain before Pyodide boots; nothing in Pyodide needs them.
 */
export const SEALED_GLOBALS = ['caches', 'indexedDB', 'Worker', 'SharedWorker'] as const;

/** Remove the `SEALED_GLOBALS` from `scope`; returns the names still reachable (none, normally). */
export function sealWorkerScope(scope: object): string[] {
  for (const name of SEALED_GLOBALS) {
    for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
      if (Object.getOwnPropertyDescriptor(target, name)) Reflect.deleteProperty(target, name);
    }
  }
  return SEALED_GLOBALS.filter((name) => name in scope);
}
