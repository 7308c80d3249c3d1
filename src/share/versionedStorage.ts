/**
 * A value kept under one storage key as a JSON envelope `{ version, … }`. Reading never throws:
 * an unreadable storage, damaged JSON or a version no schema knows all read as nothing, so that
 * data written by another version of the page cannot break this one.
 */
import * as v from 'valibot';

/** The subset of `Storage` this module uses (passed in, so tests use a Map). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** An envelope: what is stored, with the version of the format it was written in. */
export type Envelope = { version: number };

function readJson(storage: KeyValueStorage, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null; // unreadable storage or damaged JSON: as if nothing was saved
  }
}

/**
 * Read the envelope under `key` as any version `schema` knows and `migrate` it to the current
 * shape; null when there is none, or it fits no known version.
 */
export function loadVersioned<S extends v.GenericSchema<unknown, Envelope>, T>(
  storage: KeyValueStorage,
  key: string,
  schema: S,
  migrate: (stored: v.InferOutput<S>) => T,
): T | null {
  const parsed = v.safeParse(schema, readJson(storage, key));
  return parsed.success ? migrate(parsed.output) : null;
}

/** Write an envelope; returns false when the storage refused it. */
export function saveVersioned<E extends Envelope>(
  storage: KeyValueStorage,
  key: string,
  envelope: E,
): boolean {
  try {
    storage.setItem(key, JSON.stringify(envelope));
    return true;
  } catch {
    return false; // quota exceeded or storage disabled: keep working without saving
  }
}

/** Forget what is stored under `key`. */
export function removeVersioned(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}
