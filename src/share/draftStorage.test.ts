import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row } from '../request/requestDraft.ts';
import {
  clearHistory,
  DRAFT_KEY,
  HISTORY_KEY,
  HISTORY_LIMIT,
  loadDraft,
  loadHistory,
  recordHistory,
  saveDraft,
  type KeyValueStorage,
  type SavedDraft,
} from './draftStorage.ts';
import { memoryStorage } from './memoryStorage.ts';

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

/** A history entry of a GET to `/<at>`. */
const entryAt = (at: number) => ({
  at,
  method: 'GET',
  target: `/${at}`,
  outcome: 'complete',
  status: '200 OK',
  bodyPreview: '',
  code: 'x',
});

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

  it('keeps the request and settings of a run, and reads entries written without them', () => {
    const storage = memoryStorage();
    const old = { at: 1, method: 'GET', target: '/old', outcome: 'complete', status: null };
    storage.data.set(
      HISTORY_KEY,
      JSON.stringify({ version: 1, entries: [{ ...old, bodyPreview: '', code: 'x' }] }),
    );
    const entry = {
      ...old,
      at: 2,
      bodyPreview: 'hi',
      code: 'y',
      request: DRAFT.request,
      settings: { personality: 'cgi' as const },
    };
    const history = recordHistory(storage, entry);
    expect(loadHistory(storage)).toEqual(history);
    expect(history[0]).toEqual(entry);
    expect(history[1]).toEqual({ ...old, bodyPreview: '', code: 'x' });
  });

  it('can replace the newest entry, and forget them all', () => {
    const storage = memoryStorage();
    recordHistory(storage, entryAt(1));
    recordHistory(storage, entryAt(2));
    expect(recordHistory(storage, entryAt(3), { replaceNewest: true }).map((e) => e.at)).toEqual([
      3, 1,
    ]);
    clearHistory(storage);
    expect(loadHistory(storage)).toEqual([]);
  });

  it('keeps fewer runs when the storage is full', () => {
    const storage = memoryStorage();
    const full: KeyValueStorage = {
      ...storage,
      setItem: (key, value) => {
        if (value.length > 2000) throw new Error('QuotaExceededError');
        storage.setItem(key, value);
      },
    };
    for (let i = 0; i < 10; i++) recordHistory(full, { ...entryAt(i), code: 'x'.repeat(300) });
    const history = loadHistory(storage);
    expect(history.length).toBeGreaterThan(0);
    expect(history.length).toBeLessThan(10);
    expect(history[0]?.target).toBe('/9');
  });
});
