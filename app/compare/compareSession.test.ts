import { describe, expect, it } from 'vitest';
import {
  EMPTY_BODY,
  singleFileProject,
  type HistoryEntry,
  type RunInput,
  type Trace,
} from '../../src/index.ts';
import { createPlaygroundStore, DEFAULT_RUN_SETTINGS } from '../state/playgroundStore.ts';
import { createCompareSession } from './compareSession.ts';
import { serverSource } from './compareSources.ts';

/** An engine whose runs finish when the test says so. */
function manualEngine() {
  const calls: { input: RunInput; finish: (trace: Trace) => void; fail: (e: Error) => void }[] = [];
  return {
    calls,
    run: (input: RunInput) =>
      new Promise<Trace>((finish, fail) => {
        calls.push({ input, finish, fail });
      }),
  };
}

const traceOf = (status: string) => ({ outcome: 'complete', response: { status } }) as Trace;

const entry = (code: string, at: number): HistoryEntry => ({
  at,
  method: 'GET',
  target: '/',
  outcome: 'complete',
  status: '200 OK',
  bodyPreview: '',
  project: singleFileProject(code),
  request: { method: 'GET', target: '/', headers: [], body: EMPTY_BODY },
  settings: { personality: 'cgi' },
});

function setup() {
  const engine = manualEngine();
  const store = createPlaygroundStore({
    engine: { run: () => new Promise<never>(() => {}) },
    project: singleFileProject('on screen'),
    request: { method: 'GET', target: '/', headers: [], body: EMPTY_BODY },
    live: false,
  });
  const history = [entry('older', 1), entry('newer', 2)];
  const share = { getState: () => ({ history }), runRecord: () => undefined };
  return { engine, store, history, compare: createCompareSession({ engine, store, share }) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the compare session', () => {
  it('runs a history entry again, with its settings, and the code on screen beside it', async () => {
    const { engine, history, compare } = setup();
    compare.compareEntry(history[0] as HistoryEntry);
    expect(compare.getState()).toMatchObject({
      open: true,
      a: { status: 'running' },
      b: { status: 'running' },
    });
    expect(engine.calls.map((call) => call.input.project?.files['app.py'])).toEqual([
      'older',
      'on screen',
    ]);
    expect(engine.calls[0]?.input.settings).toEqual({
      ...DEFAULT_RUN_SETTINGS,
      personality: 'cgi',
    });
    engine.calls[0]?.finish(traceOf('200 OK'));
    engine.calls[1]?.fail(new Error('no Python'));
    await flush();
    expect(compare.getState().a).toMatchObject({
      status: 'done',
      trace: { response: { status: '200 OK' } },
    });
    expect(compare.getState().b).toMatchObject({ status: 'failed', message: 'no Python' });
  });

  it('drops the reply for a side picked over since', async () => {
    const { engine, history, compare } = setup();
    compare.compareEntry(history[0] as HistoryEntry);
    const [newer] = compare.sources().filter((source) => source.id === 'history:2');
    if (!newer) throw new Error('the newer entry is not on offer');
    compare.pick('a', newer);
    engine.calls[2]?.finish(traceOf('201 Created'));
    engine.calls[0]?.finish(traceOf('500 Stale'));
    await flush();
    expect(compare.getState().a).toMatchObject({
      status: 'done',
      trace: { response: { status: '201 Created' } },
    });
  });

  it('offers the sides, the run on screen and the history, each once', () => {
    const { compare } = setup();
    compare.openPair(
      {
        project: singleFileProject('a'),
        request: { method: 'GET', target: '/', headers: [], body: EMPTY_BODY },
        settings: DEFAULT_RUN_SETTINGS,
      },
      {
        project: singleFileProject('b'),
        request: { method: 'GET', target: '/', headers: [], body: EMPTY_BODY },
        settings: DEFAULT_RUN_SETTINGS,
      },
    );
    expect(compare.sources().map((source) => source.id)).toEqual([
      'link:a',
      'link:b',
      'this-run',
      'server:http',
      'server:cgi',
      'server:gunicorn',
      'server:waitress',
      'history:1',
      'history:2',
    ]);
    compare.close();
    expect(compare.getState().open).toBe(false);
  });

  it('runs the code on screen under two servers, only the personality changed', () => {
    const { engine, store, compare } = setup();
    store.setSettings({ scriptName: '/mnt' });
    compare.compareServers();
    expect(compare.getState()).toMatchObject({
      open: true,
      a: { status: 'running', source: { id: 'server:http', label: 'This run under wsgiref' } },
      b: { source: { id: 'server:gunicorn', label: 'This run under gunicorn 20.1.0' } },
    });
    expect(engine.calls.map((call) => call.input.settings)).toEqual([
      { ...DEFAULT_RUN_SETTINGS, scriptName: '/mnt', personality: 'http' },
      { ...DEFAULT_RUN_SETTINGS, scriptName: '/mnt', personality: 'gunicorn' },
    ]);
    expect(engine.calls.map((call) => call.input.project?.files['app.py'])).toEqual([
      'on screen',
      'on screen',
    ]);
    const waitress = compare.sources().find((source) => source.id === 'server:waitress');
    expect(waitress?.label).toBe('This run under waitress 2.1.2');
    if (waitress) compare.pick('b', waitress);
    expect(engine.calls[2]?.input.settings?.personality).toBe('waitress');
  });

  it('keeps the run’s own trace for the server it ran under', () => {
    const trace = traceOf('200 OK');
    const bench = {
      project: singleFileProject('x'),
      request: { method: 'GET', target: '/', headers: [], body: EMPTY_BODY },
      settings: { ...DEFAULT_RUN_SETTINGS, personality: 'gunicorn' as const },
    };
    const thisRun = { id: 'this-run', label: 'This run (on screen)', bench, trace };
    expect(serverSource(thisRun, 'gunicorn').trace).toBe(trace);
    expect(serverSource(thisRun, 'http').trace).toBeUndefined();
  });
});
