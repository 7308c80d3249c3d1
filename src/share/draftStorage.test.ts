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

/** A project of one file. */
const only = (code: string) => ({ files: { 'app.py': code }, entry: 'app' });

const DRAFT: SavedDraft = {
  project: {
    files: {
      'app.py': 'from pkg.views import application\n',
      'pkg/views.py': 'def application(e, s): ...',
    },
    entry: 'app',
  },
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
  project: only('x'),
});

describe('draft storage', () => {
  it('saves and restores the draft', () => {
    const storage = memoryStorage();
    expect(saveDraft(storage, DRAFT)).toBe(true);
    expect(loadDraft(storage)).toEqual(DRAFT);
  });

  it('restores a modelled server (gunicorn, waitress) as the personality', () => {
    for (const personality of ['gunicorn', 'waitress'] as const) {
      const storage = memoryStorage();
      const draft: SavedDraft = { ...DRAFT, settings: { personality } };
      expect(saveDraft(storage, draft)).toBe(true);
      expect(loadDraft(storage)?.settings).toEqual({ personality });
    }
  });

  it('falls back to nothing for unknown versions, damage, or a failing storage', () => {
    const storage = memoryStorage();
    expect(loadDraft(storage)).toBeNull();
    storage.data.set(DRAFT_KEY, JSON.stringify({ version: 3, draft: DRAFT }));
    expect(loadDraft(storage)).toBeNull();
    storage.data.set(DRAFT_KEY, '{not json');
    expect(loadDraft(storage)).toBeNull();
    storage.data.set(
      DRAFT_KEY,
      JSON.stringify({ version: 2, draft: { ...DRAFT, project: { files: {} } } }),
    );
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
        project: only('x'),
      });
    }
    const history = loadHistory(storage);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.target).toBe(`/${HISTORY_LIMIT + 4}`);
  });

  it('keeps the project, request and settings of a run, and reads entries of one file', () => {
    const storage = memoryStorage();
    const old = { at: 1, method: 'GET', target: '/old', outcome: 'complete', status: null };
    const v1 = [
      { ...old, bodyPreview: '', code: 'x' },
      { ...old, at: 0, bodyPreview: '', code: 'z', settings: { callable: 'h', runOnce: true } },
    ];
    storage.data.set(HISTORY_KEY, JSON.stringify({ version: 1, entries: v1 }));
    const entry = {
      ...old,
      at: 2,
      bodyPreview: 'hi',
      project: DRAFT.project,
      request: DRAFT.request,
      settings: { personality: 'cgi' as const },
    };
    const history = recordHistory(storage, entry);
    expect(loadHistory(storage)).toEqual(history);
    expect(JSON.parse(storage.data.get(HISTORY_KEY) ?? '').version).toBe(2);
    expect(history).toEqual([
      entry,
      { ...old, bodyPreview: '', project: only('x') },
      {
        ...old,
        at: 0,
        bodyPreview: '',
        project: { files: { 'app.py': 'z' }, entry: 'app:h' },
        settings: { runOnce: true },
      },
    ]);
  });

  it('reads nothing of a history whose version or project it cannot read', () => {
    const storage = memoryStorage();
    for (const history of [
      { version: 3, entries: [entryAt(1)] },
      {
        version: 2,
        entries: [{ ...entryAt(1), project: { files: { '/etc': '' }, entry: 'app' } }],
      },
      { version: 1, entries: [entryAt(1)] },
    ]) {
      storage.data.set(HISTORY_KEY, JSON.stringify(history));
      expect(loadHistory(storage)).toEqual([]);
    }
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
    for (let i = 0; i < 10; i++)
      recordHistory(full, { ...entryAt(i), project: only('x'.repeat(300)) });
    const history = loadHistory(storage);
    expect(history.length).toBeGreaterThan(0);
    expect(history.length).toBeLessThan(10);
    expect(history[0]?.target).toBe('/9');
  });
});
