import { describe, expect, it } from 'vitest';
import {
  EMPTY_BODY,
  loadHistory,
  textToBase64,
  type KeyValueStorage,
  type Trace,
  singleFileProject,
} from '../../src/index.ts';
import { memoryStorage } from '../../src/share/memoryStorage.ts';
import { createPlaygroundStore, DEFAULT_RUN_SETTINGS } from '../state/playgroundStore.ts';
import { createStateStore } from '../state/stateStore.ts';
import { createRunHistory, type RunHistoryState } from './runHistory.ts';
import type { Workbench } from './startup.ts';

const bench = (code: string): Workbench => ({
  project: singleFileProject(code),
  request: { method: 'GET', target: '/', headers: [], body: EMPTY_BODY },
  settings: DEFAULT_RUN_SETTINGS,
});
const finished = (seq: number, outcome: Trace['outcome'] = 'complete') => ({
  kind: 'trace' as const,
  seq,
  trace: { outcome, response: { status: '200 OK', bodyBase64: textToBase64('hi') } } as Trace,
  roundTripMs: 1,
});

function setup(storage: KeyValueStorage | null = memoryStorage()) {
  const engine = { run: () => new Promise<never>(() => {}) };
  const store = createPlaygroundStore({ engine, ...bench('on screen'), live: false });
  const state = createStateStore<RunHistoryState>({ history: [] });
  let time = 5000;
  const history = createRunHistory({ store, storage, state, now: () => time++ });
  return { store, state, history };
}

describe('the run history', () => {
  it('keeps the inputs of the newest run and those in flight, forgetting older ones', () => {
    const { history } = setup();
    for (const seq of [1, 2, 3]) history.runQueued(seq, bench(`run ${seq}`));
    history.runFinished(finished(2), bench('on screen'));
    expect(history.runRecord(1)).toBeUndefined();
    expect(history.runRecord(2)).toEqual({ bench: bench('run 2'), startedAt: new Date(5001) });
    expect(history.runRecord(3)?.bench.project.files['app.py']).toBe('run 3');
  });

  it('records a run with the code it ran, or what is on screen for a run it never saw', () => {
    const { state, history } = setup();
    history.runQueued(1, bench('ran'));
    history.runFinished(finished(1), bench('edited since'));
    history.runFinished(finished(2, 'app-error'), bench('on screen'));
    expect(state.getState().history.map((entry) => entry.project.files['app.py'])).toEqual([
      'on screen',
      'ran',
    ]);
  });

  it('keeps a run asked for after an edit apart; a live re-run replaces the newest', () => {
    const { state, history } = setup();
    history.runFinished(finished(1), bench('before'));
    history.runFinished(finished(2), bench('after the edit'));
    history.runFinished({ ...finished(3), live: true }, bench('typing'));
    history.runFinished({ ...finished(4), live: true }, bench('typing on'));
    history.runFinished(finished(5), bench('typing on'));
    expect(state.getState().history.map((entry) => entry.project.files['app.py'])).toEqual([
      'typing on',
      'after the edit',
      'before',
    ]);
  });

  it('records no engine failure, and nothing without storage', () => {
    const failed = setup();
    failed.history.runFinished({ kind: 'engine-error', seq: 1, message: 'x' }, bench('a'));
    expect(failed.state.getState().history).toEqual([]);
    const embedded = setup(null);
    embedded.history.runFinished(finished(1), bench('a'));
    expect(embedded.state.getState().history).toEqual([]);
  });

  it('forgets every run when cleared', () => {
    const storage = memoryStorage();
    const { state, history } = setup(storage);
    history.runFinished(finished(1), bench('a'));
    history.clear();
    expect(state.getState().history).toEqual([]);
    expect(loadHistory(storage)).toEqual([]);
  });

  it('restores the code of an entry, and its request and settings where it has them', () => {
    const { store, state, history } = setup();
    store.setRequest({ target: '/kept' });
    history.runFinished(finished(1), bench('old'));
    const [entry] = state.getState().history;
    if (!entry) throw new Error('no entry');
    history.restore({ ...entry, request: undefined, settings: undefined });
    expect(store.getState()).toMatchObject({
      project: { files: { 'app.py': 'old' } },
      request: { target: '/kept' },
    });
    history.restore({ ...entry, project: singleFileProject('new'), settings: { runOnce: true } });
    expect(store.getState()).toMatchObject({
      project: { files: { 'app.py': 'new' } },
      request: { target: '/' },
    });
    expect(store.getState().settings.runOnce).toBe(true);
  });
});
