import { describe, expect, it } from 'vitest';
import {
  DRAFT_KEY,
  EMPTY_BODY,
  loadDraft,
  loadHistory,
  row,
  saveDraft,
  textToBase64,
  type KeyValueStorage,
  type RequestDraft,
  type RunInput,
  type Trace,
  singleFileProject,
} from '../../src/index.ts';
import { DEFAULT_CODE } from '../state/defaultExample.ts';
import {
  createPlaygroundStore,
  DEFAULT_RUN_SETTINGS,
  stateCode,
} from '../state/playgroundStore.ts';
import { HISTORY_MERGE_MS } from './historyEntry.ts';
import { createShareSession, HUNG_AFTER_MS, SAVE_DELAY_MS } from './shareSession.ts';
import type { Workbench } from './startup.ts';
import { memoryStorage } from '../../src/share/memoryStorage.ts';

/** An engine whose runs reach Python and finish when the test says so. */
function manualEngine() {
  const calls: { input: RunInput; start: () => void; finish: (trace: Trace) => void }[] = [];
  return {
    calls,
    run: (input: RunInput, options?: { onStart?: () => void }) =>
      new Promise<Trace>((resolve) =>
        calls.push({ input, start: () => options?.onStart?.(), finish: resolve }),
      ),
  };
}

/** A scheduler the test drives by hand. */
function manualClock() {
  const tasks: { task: () => void; ms: number; cancelled: boolean }[] = [];
  let time = 1_000_000;
  return {
    now: () => time,
    advance: (ms: number) => void (time += ms),
    pending: () => tasks.filter((t) => !t.cancelled),
    schedule: (task: () => void, ms: number) => {
      const entry = { task, ms, cancelled: false };
      tasks.push(entry);
      return () => (entry.cancelled = true);
    },
    fire: () => tasks.filter((t) => !t.cancelled).forEach((t) => ((t.cancelled = true), t.task())),
  };
}

const fakeTrace = (outcome: Trace['outcome'], body = 'hi') =>
  ({
    outcome,
    stats: { ms: 1 },
    response: { status: '200 OK', bodyBase64: textToBase64(body) },
  }) as unknown as Trace;

const REQUEST: RequestDraft = {
  method: 'GET',
  target: '/',
  headers: [row('Host', 'localhost:8000')],
  body: EMPTY_BODY,
};
const MINE = 'def application(environ, start_response): ...  # mine\n';
const SHARED: Workbench = {
  project: singleFileProject('def application(environ, start_response): ...  # shared\n'),
  request: { ...REQUEST, target: '/shared' },
  settings: { ...DEFAULT_RUN_SETTINGS, personality: 'cgi' },
};

function setup(storage: KeyValueStorage | null = memoryStorage(), code = MINE) {
  const engine = manualEngine();
  const clock = manualClock();
  const store = createPlaygroundStore({
    engine,
    project: singleFileProject(code),
    request: REQUEST,
    live: false,
  });
  let leftLink = 0;
  const session = createShareSession({
    store,
    storage,
    now: clock.now,
    schedule: clock.schedule,
    onLeaveLink: () => void leftLink++,
  });
  return { engine, clock, store, session, leftLink: () => leftLink };
}

describe('the share session', () => {
  it('saves the draft a moment after the person stops typing', () => {
    const storage = memoryStorage();
    const { store, clock } = setup(storage);
    store.setCode(MINE + '# 1\n');
    store.setCode(MINE + '# 2\n');
    expect(storage.data.has(DRAFT_KEY)).toBe(false);
    expect(clock.pending().map((t) => t.ms)).toEqual([SAVE_DELAY_MS]);
    store.setSettings({ httpVersion: '1.0' });
    clock.fire();
    expect(loadDraft(storage)).toEqual({
      project: singleFileProject(MINE + '# 2\n'),
      request: REQUEST,
      settings: { httpVersion: '1.0' },
      runInFlight: false,
    });
  });

  it('marks a run in flight once it is in Python, and clears it when it ends by itself', async () => {
    const storage = memoryStorage();
    const { store, engine, clock } = setup(storage);
    const running = store.run();
    // Waiting for its interpreter, a run cannot hang: not marked yet.
    expect(loadDraft(storage)?.runInFlight ?? false).toBe(false);
    engine.calls[0]?.start();
    // A reload in the middle of a quick run is not a hang; a second in Python may be.
    expect(loadDraft(storage)?.runInFlight ?? false).toBe(false);
    expect(clock.pending().map((t) => t.ms)).toContain(HUNG_AFTER_MS);
    clock.fire();
    expect(loadDraft(storage)?.runInFlight).toBe(true);
    engine.calls[0]?.finish(fakeTrace('complete'));
    await running;
    expect(loadDraft(storage)?.runInFlight).toBe(false);
  });

  it('keeps the mark when the run had to be stopped', async () => {
    const storage = memoryStorage();
    const { store, engine, clock } = setup(storage);
    const running = store.run();
    engine.calls[0]?.start();
    clock.fire();
    engine.calls[0]?.finish(fakeTrace('timeout'));
    await running;
    expect(loadDraft(storage)?.runInFlight).toBe(true);
  });

  it('records finished runs, merging quick re-runs of the same request with the same outcome', async () => {
    const storage = memoryStorage();
    const { store, engine, clock, session } = setup(storage);
    for (const [i, target] of ['/a', '/a', '/b'].entries()) {
      store.setRequest({ target });
      const running = store.run();
      engine.calls[i]?.finish(fakeTrace('complete', `body ${i}`));
      await running;
      clock.advance(1000);
    }
    expect(session.getState().history.map((e) => [e.target, e.bodyPreview])).toEqual([
      ['/b', 'body 2'],
      ['/a', 'body 1'],
    ]);
    clock.advance(HISTORY_MERGE_MS);
    const running = store.run();
    engine.calls[3]?.finish(fakeTrace('complete'));
    await running;
    expect(loadHistory(storage)).toHaveLength(3);
    // A different outcome is a run worth keeping, however soon it comes.
    const failing = store.run();
    engine.calls[4]?.finish(fakeTrace('app-error'));
    await failing;
    expect(loadHistory(storage).map((e) => e.outcome)).toEqual([
      'app-error',
      'complete',
      'complete',
      'complete',
    ]);
    expect(loadHistory(storage)[1]).toMatchObject({
      method: 'GET',
      target: '/b',
      status: '200 OK',
      outcome: 'complete',
      project: singleFileProject(MINE),
      request: { ...REQUEST, target: '/b' },
      settings: {},
    });
  });

  it('keeps the code of each run for exports, even after an edit', async () => {
    const { store, engine, session } = setup();
    const running = store.run();
    store.setCode('edited');
    engine.calls[0]?.finish(fakeTrace('complete'));
    await running;
    const result = store.getState().result;
    expect(session.runRecord(result?.seq ?? -1)?.bench.project.files['app.py']).toBe(MINE);
  });

  it('opens a shared run without saving it over the draft, until the person edits it', async () => {
    const storage = memoryStorage();
    saveDraft(storage, {
      project: singleFileProject(MINE),
      request: REQUEST,
      settings: {},
      runInFlight: false,
    });
    const saved = storage.data.get(DRAFT_KEY);
    const { store, engine, clock, session, leftLink } = setup(storage);
    session.openShared(SHARED, 1);
    expect(stateCode(store.getState())).toBe(SHARED.project.files['app.py']);
    expect(session.getState()).toMatchObject({
      shared: { changed: [] },
      draftAside: true,
      notices: [{ kind: 'shared', version: 1 }],
    });
    // Running it, even a run that hangs, leaves the draft alone.
    const running = store.run();
    engine.calls[0]?.start();
    clock.fire();
    engine.calls[0]?.finish(fakeTrace('timeout'));
    await running;
    clock.fire();
    expect(storage.data.get(DRAFT_KEY)).toBe(saved);
    expect(leftLink()).toBe(0);

    store.setCode(SHARED.project.files['app.py'] + '# edited\n');
    expect(leftLink()).toBe(1);
    expect(session.getState().shared?.changed).toEqual(['code']);
    expect(session.getState().draftAside).toBe(false);
    store.setRequest({ target: '/other' });
    expect(session.getState().shared?.changed).toEqual(['code', 'request']);
    clock.fire();
    expect(loadDraft(storage)?.project.files['app.py']).toBe(
      SHARED.project.files['app.py'] + '# edited\n',
    );

    session.revertToShared();
    expect(session.getState().shared?.changed).toEqual([]);
    expect(store.getState().request.target).toBe('/shared');
  });

  it('goes back to the saved draft from a link', () => {
    const storage = memoryStorage();
    saveDraft(storage, {
      project: singleFileProject(MINE),
      request: REQUEST,
      settings: { runOnce: true },
      runInFlight: false,
    });
    const { store, session, leftLink } = setup(storage, DEFAULT_CODE);
    session.openShared(SHARED, 1);
    session.backToDraft();
    expect(store.getState()).toMatchObject({
      project: singleFileProject(MINE),
      request: REQUEST,
      settings: { ...DEFAULT_RUN_SETTINGS, runOnce: true },
    });
    expect(session.getState()).toMatchObject({ shared: null, draftAside: false, notices: [] });
    expect(leftLink()).toBe(1);
  });

  it("never replaces the person's own code with the default app or an example", () => {
    const storage = memoryStorage();
    saveDraft(storage, {
      project: singleFileProject(MINE),
      request: REQUEST,
      settings: {},
      runInFlight: false,
    });
    const { store, clock } = setup(storage, DEFAULT_CODE);
    store.setRequest({ target: '/changed' });
    clock.fire();
    expect(loadDraft(storage)?.project.files['app.py']).toBe(MINE);
    store.setCode(DEFAULT_CODE + '# now mine\n');
    clock.fire();
    expect(loadDraft(storage)?.project.files['app.py']).toBe(DEFAULT_CODE + '# now mine\n');
  });

  it('writes nothing without storage (embed mode)', async () => {
    const { store, engine, clock, session } = setup(null);
    store.setCode('x');
    const running = store.run();
    engine.calls[0]?.finish(fakeTrace('complete'));
    await running;
    clock.fire();
    expect(session.getState().history).toEqual([]);
  });

  it('drops a bad link from the address once the person edits the draft under it', () => {
    const { store, session, leftLink } = setup();
    session.notify({ kind: 'bad-link', message: 'x' });
    expect(leftLink()).toBe(0);
    store.setCode(MINE + '# more\n');
    expect(leftLink()).toBe(1);
    expect(session.getState().notices).toHaveLength(1);
  });

  it('drops the notice about a hung draft once a run starts', () => {
    const { store, session } = setup();
    session.notify({ kind: 'hung' });
    session.notify({ kind: 'bad-link', message: 'x' });
    void store.run().catch(() => {});
    expect(session.getState().notices).toEqual([{ kind: 'bad-link', message: 'x' }]);
  });
});
