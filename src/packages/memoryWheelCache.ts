/**
 * A WheelCache in memory: for tests, and for a browser where IndexedDB cannot be opened (a
 * private window) — the wheels then last as long as the page.
 */
import type { WheelCache } from './prepareWorld.ts';

const key = (sha256: string, filename: string) => `${sha256}-${filename}`;

/** A WheelCache kept in a Map, holding copies so no caller can change what it keeps. */
export function memoryWheelCache(): WheelCache & { readonly size: number } {
  const files = new Map<string, Uint8Array>();
  return {
    get size() {
      return files.size;
    },
    get: async (sha256, filename) => files.get(key(sha256, filename))?.slice() ?? null,
    put: async (sha256, filename, bytes) => void files.set(key(sha256, filename), bytes.slice()),
    delete: async (sha256, filename) => void files.delete(key(sha256, filename)),
  };
}
