import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from '../../src/index.ts';
import { FULL_EDITOR_KEY, fullEditorChosen, rememberFullEditor } from './fullEditorChoice.ts';

/** A storage backed by a map, and one that throws on every call (a sandboxed frame). */
function mapStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}
const refusing: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {},
};

describe('the full-editor choice', () => {
  // One test: the in-memory fallback is the page's, so the order of these steps matters.
  it('is kept in the session storage, else in memory when storage refuses it', () => {
    const storage = mapStorage();
    expect(fullEditorChosen(storage)).toBe(false);
    rememberFullEditor(storage);
    expect(storage.data.get(FULL_EDITOR_KEY)).toBe('1');
    expect(fullEditorChosen(storage)).toBe(true);
    // Another session: nothing stored, nothing in memory.
    expect(fullEditorChosen(mapStorage())).toBe(false);

    expect(fullEditorChosen(refusing)).toBe(false);
    rememberFullEditor(refusing);
    expect(fullEditorChosen(refusing)).toBe(true);
    expect(fullEditorChosen(null)).toBe(true);
  });
});
