import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row } from '../request/requestDraft.ts';
import {
  DRAFT_KEY,
  HISTORY_LIMIT,
  loadDraft,
  loadHistory,
  recordHistory,
  saveDraft,
  type KeyValueStorage,
  type SavedDraft,
} from './draftStorage.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const DRAFT: SavedDraft = {
  code: 'def application(e, s): ...',
  request: {
    method: 'PUT',
    target: '/x',
    headers: [row('Host', 'h')],
    body: { ...EMPTY_BODY, mode: 'json' },
  },
  settings: { personality: 'cgi' },
  runInFlight: true,
};

describe('draft storage', () => {
  it('saves and restores the draft', () => {
    const storage = memoryStorage();
    expect(saveDraft(storage, DRAFT)).toBe(true);
    expect(loadDraft(storage)).toEqual(DRAFT);
  });

  it('falls back to nothing for unknown versions, damage, or a failing storage', () => {
    const storage = memoryStorage();
    expect(loadDraft(storage)).toBeNull();
    storage.data.set(DRAFT_KEY, JSON.stringify({ version: 2, draft: DRAFT }));
    expect(loadDraft(storage)).toBeNull();
    storage.data.set(DRAFT_KEY, '{not json');
    expect(loadDraft(storage)).toBeNull();
    storage.data.set(DRAFT_KEY, JSON.stringify({ version: 1, draft: { ...DRAFT, code: 42 } }));
    expect(loadDraft(storage)).toBeNull();
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(loadDraft(broken)).toBeNull();
    expect(saveDraft(broken, DRAFT)).toBe(false);
  });

  it('keeps a bounded history, newest first', () => {
    const storage = memoryStorage();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      recordHistory(storage, {
        at: i,
        method: 'GET',
        target: `/${i}`,
        outcome: 'complete',
        status: '200 OK',
        bodyPreview: 'hi',
        code: 'x',
      });
    }
    const history = loadHistory(storage);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.target).toBe(`/${HISTORY_LIMIT + 4}`);
  });
});
