import type { KeyValueStorage } from './draftStorage.ts';

/** A `KeyValueStorage` kept in a Map (tests, and anywhere nothing may persist), with its data. */
export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}
