import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DEFAULT_TIMEOUT_MS,
  EMPTY_BODY,
  row,
  singleFileProject,
  type RequestDraft,
  type RunInput,
  type Trace,
} from '../../src/index.ts';
import {
  createPlaygroundStore,
  DEFAULT_RUN_SETTINGS,
  DEFAULT_TIME_LIMIT_MS,
  LIVE_DELAY_MS,
} from './playgroundStore.ts';

const request: RequestDraft = {
  method: 'GET',
  target: '/',
  headers: [row('Host', 'localhost:8000')],
  body: EMPTY_BODY,
};

/** An engine whose runs finish when the test says so. */
function manualEngine() {
  const calls: { input: RunInput; finish: (trace: Trace) => void }[] = [];
  return {
    calls,
    run: (input: RunInput) =>
      new Promise<Trace>((resolve) => calls.push({ input, finish: resolve })),
  };
}

/** A scheduler the test drives by hand. */
function manualClock() {
  const tasks: { task: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    tasks,
    schedule: (task: () => void, ms: number) => {
      const entry = { task, ms, cancelled: false };
      tasks.push(entry);
      return () => (entry.cancelled = true);
    },
    fire: () => tasks.filter((t) => !t.cancelled).forEach((t) => ((t.cancelled = true), t.task())),
  };
}

const fakeTrace = (outcome: Trace['outcome'], ms = 1) =>
  ({ outcome, stats: { ms } }) as unknown as Trace;

describe('the editable settings', () => {
  it("default to the engine's own defaults and time limit", () => {
    for (const [key, value] of Object.entries(DEFAULT_RUN_SETTINGS)) {
      expect(value, key).toBe(DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS]);
    }
    expect(Object.keys(DEFAULT_RUN_SETTINGS)).toContain('compareValidate');
    expect(DEFAULT_TIME_LIMIT_MS).toBe(DEFAULT_TIMEOUT_MS);
  });
});

describe('createPlaygroundStore', () => {
  it('runs the current code, request and settings, and keeps the result', async () => {
    const engine = manualEngine();
    const store = createPlaygroundStore({
      engine,
      project: singleFileProject('app'),
      request,
      live: false,
    });
    store.setCode('new app');
    store.setRequest({ target: '/x' });
    store.setSettings({ personality: 'cgi' });
    const running = store.run();
    expect(store.getState().pendingRun).toBe(1);
    expect(engine.calls[0]?.input).toEqual({
      project: { files: { 'app.py': 'new app' }, entry: 'app' },
      request: {
        method: 'GET',
        target: '/x',
        headers: [['Host', 'localhost:8000']],
        bodyBase64: '',
      },
      settings: { ...DEFAULT_RUN_SETTINGS, personality: 'cgi' },
    });
    engine.calls[0]?.finish(fakeTrace('complete'));
    await running;
    expect(store.getState().pendingRun).toBeNull();
    expect(store.getState().result).toMatchObject({ kind: 'trace', seq: 1 });
  });

  it('drops the reply to a run that is no longer the newest', async () => {
    const engine = manualEngine();
    const store = createPlaygroundStore({
      engine,
      project: singleFileProject('app'),
      request,
      live: false,
    });
    const first = store.run();
    const second = store.run();
    engine.calls[1]?.finish(fakeTrace('complete'));
    await second;
    engine.calls[0]?.finish(fakeTrace('app-error'));
    expect((await first).outcome).toBe('app-error');
    expect(store.getState().result).toMatchObject({ seq: 2, trace: { outcome: 'complete' } });
  });

  it('keeps an engine failure as a result and rejects the run', async () => {
    const store = createPlaygroundStore({
      engine: { run: () => Promise.reject(new Error('Python failed to start')) },
      project: singleFileProject('app'),
      request,
    });
    await expect(store.run()).rejects.toThrow('Python failed to start');
    expect(store.getState().result).toEqual({
      kind: 'engine-error',
      seq: 1,
      message: 'Python failed to start',
    });
  });

  it('keeps the previous results shown while the code has a syntax error', async () => {
    const engine = manualEngine();
    const store = createPlaygroundStore({
      engine,
      project: singleFileProject('app'),
      request,
      live: false,
    });
    const good = fakeTrace('app-error');
    const ran = store.run();
    engine.calls[0]?.finish(good);
    await ran;
    store.select(3);
    const broken = store.run();
    engine.calls[1]?.finish(fakeTrace('syntax-error'));
    await broken;
    expect(store.getState().shownTrace).toBe(good);
    expect(store.getState().selectedSeq).toBe(3);
    expect(store.getState().result).toMatchObject({ trace: { outcome: 'syntax-error' } });
  });

  it('re-runs in live mode after typing stops, once, and pauses for slow apps', async () => {
    const engine = manualEngine();
    const clock = manualClock();
    const store = createPlaygroundStore({
      engine,
      project: singleFileProject('a'),
      request,
      schedule: clock.schedule,
    });
    store.setCode('ab');
    store.setCode('abc');
    expect(clock.tasks.map((t) => t.ms)).toEqual([LIVE_DELAY_MS, LIVE_DELAY_MS]);
    clock.fire();
    expect(engine.calls.map((c) => c.input.project?.files['app.py'])).toEqual(['abc']);
    engine.calls[0]?.finish(fakeTrace('complete', 5000));
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().live).toBe(false);
    expect(store.getState().liveNote).toMatch(/paused.*5000 ms/);
    store.setCode('abcd');
    expect(clock.tasks.filter((t) => !t.cancelled)).toEqual([]);
  });
});

describe('the store with a project of several files', () => {
  const project = {
    files: { 'app.py': 'import views\n', 'views.py': 'def index(): ...\n' },
    entry: 'app',
  };

  it('runs every file, and edits the one shown', () => {
    const engine = manualEngine();
    const store = createPlaygroundStore({ engine, project, request, live: false });
    expect(store.getState().activeFile).toBe('app.py');
    store.openFile('views.py');
    store.setFile('views.py', 'def index(): return 1\n');
    void store.run();
    expect(engine.calls[0]?.input.project?.files).toEqual({
      'app.py': 'import views\n',
      'views.py': 'def index(): return 1\n',
    });
  });

  it('adds, renames and deletes files, and says why when it cannot', () => {
    const store = createPlaygroundStore({ engine: manualEngine(), project, request, live: false });
    expect(store.addFile('pkg/__init__.py')).toBeNull();
    expect(store.getState().activeFile).toBe('pkg/__init__.py');
    expect(store.addFile('views.py')).toBe('views.py exists already.');
    expect(store.renameFile('app.py', 'main.py')).toBeNull();
    expect(store.getState().project.entry).toBe('main');
    expect(store.deleteFile('main.py')).toMatch(/holds the entry/);
    store.openFile('views.py');
    expect(store.deleteFile('views.py')).toBeNull();
    expect(store.getState().activeFile).toBe('main.py');
  });

  it('opens the file of a selected event', async () => {
    const engine = manualEngine();
    const store = createPlaygroundStore({ engine, project, request, live: false });
    const running = store.run();
    engine.calls[0]?.finish({
      ...fakeTrace('complete'),
      settings: DEFAULT_SETTINGS,
      project: { entry: 'app', entryFile: 'app.py', files: ['app.py', 'views.py'] },
      events: [
        { seq: 0, t: 0, kind: 'app.call', actor: 'server', line: 1 },
        {
          seq: 1,
          t: 0,
          kind: 'print',
          actor: 'app',
          line: 1,
          file: 'views.py',
          stream: 'stdout',
          text: 'x',
        },
      ],
    } as Trace);
    await running;
    store.select(1);
    expect(store.getState().activeFile).toBe('views.py');
    store.select(0);
    expect(store.getState().activeFile).toBe('app.py');
  });

  it('opens a library file of the shown run read-only, and goes back to the project', async () => {
    const engine = manualEngine();
    const store = createPlaygroundStore({ engine, project, request, live: false });
    const running = store.run();
    engine.calls[0]?.finish({
      ...fakeTrace('complete'),
      settings: DEFAULT_SETTINGS,
      events: [],
      sources: { 'wsgiref/util.py': '# Miscellaneous WSGI-related Utilities\n' },
    } as Trace);
    await running;
    store.openFile('wsgiref/util.py');
    expect(store.getState()).toMatchObject({
      libraryFile: 'wsgiref/util.py',
      activeFile: 'app.py',
    });
    store.openFile('not/in/the/run.py');
    expect(store.getState().libraryFile).toBe('wsgiref/util.py');
    store.openFile('views.py');
    expect(store.getState()).toMatchObject({ libraryFile: null, activeFile: 'views.py' });
    store.openFile('wsgiref/util.py');
    store.closeLibraryFile();
    expect(store.getState().libraryFile).toBeNull();
  });
});
