/** The page's IndexedDB, or undefined where the browser refuses it (a sandboxed frame). */
export function pageIndexedDb(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB;
  } catch {
    return undefined;
  }
}
