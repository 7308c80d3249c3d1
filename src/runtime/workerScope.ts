/**
 * What a run must not reach from the worker's global scope (`import js` exposes all of it):
 * the site's Cache Storage and IndexedDB — the service worker serves the site from Cache
 * Storage, so a run that could write there could plant code in every later page load — the
 * service worker itself and the origin's storage manager, and nested workers, which would
 * bring all of it back in a fresh scope. They are deleted from the prototype chains before
 * Pyodide boots; nothing in Pyodide needs them.
 */
export const SEALED_GLOBALS = ['caches', 'indexedDB', 'Worker', 'SharedWorker'] as const;
/** The same, on `navigator`. */
export const SEALED_NAVIGATOR = ['serviceWorker', 'storage'] as const;

/** Delete `name` wherever it is defined along `target`'s prototype chain. */
function remove(target: object, name: string): void {
  for (let at: object | null = target; at; at = Object.getPrototypeOf(at)) {
    if (Object.getOwnPropertyDescriptor(at, name)) Reflect.deleteProperty(at, name);
  }
}

/** Remove what a run must not reach from `scope`; returns the names still reachable (none). */
export function sealWorkerScope(scope: { navigator?: object }): string[] {
  const { navigator } = scope;
  for (const name of SEALED_GLOBALS) remove(scope, name);
  if (navigator) for (const name of SEALED_NAVIGATOR) remove(navigator, name);
  return [
    ...SEALED_GLOBALS.filter((name) => name in scope),
    ...SEALED_NAVIGATOR.filter((name) => navigator && name in navigator).map(
      (name) => `navigator.${name}`,
    ),
  ];
}
