import { describe, expect, it } from 'vitest';
import {
  EMPTY_BODY,
  row,
  singleFileProject,
  type PauseCommand,
  type PausePlan,
  type RequestDraft,
  type Trace,
} from '../../src/index.ts';
import { createPlaygroundStore } from './playgroundStore.ts';

const request: RequestDraft = {
  method: 'GET',
  target: '/',
  headers: [row('Host', 'localhost')],
  body: EMPTY_BODY,
};

/** A Trace so far as the worker sends it: events up to `kinds`, then `complete: paused`. */
const soFar = (...kinds: string[]) =>
  ({
    outcome: 'paused',
    stats: { ms: 1, events: kinds.length + 1 },
    events: [
      ...kinds.map((kind, seq) => ({ seq, t: seq, kind, actor: 'app' })),
      { seq: kinds.length, t: 9, kind: 'complete', actor: 'server', outcome: 'paused' },
    ],
  }) as unknown as Trace;
const done = { outcome: 'complete', stats: { ms: 1 }, events: [] } as unknown as Trace;

/** An engine whose runs the test holds and ends by hand. */
function holdingEngine() {
  const runs: {
    plan: PausePlan | undefined;
    hold: (trace: Trace) => void;
    finish: (trace: Trace) => void;
  }[] = [];
  const commands: PauseCommand[] = [];
  let stops = 0;
  return {
    runs,
    commands,
    stops: () => stops,
    run: (
      _input: unknown,
      options?: { pause?: { plan: PausePlan; onPause: (trace: Trace) => void } },
    ) =>
      new Promise<Trace>((resolve) =>
        runs.push({
          plan: options?.pause?.plan,
          hold: (trace) => options?.pause?.onPause(trace),
          finish: resolve,
        }),
      ),
    resume: (command: PauseCommand) => (commands.push(command), true),
    stop: () => void stops++,
  };
}

const storeOver = (engine: ReturnType<typeof holdingEngine>, canHold = true) =>
  createPlaygroundStore({
    engine,
    canHold,
    project: singleFileProject('app'),
    request,
    live: true,
  });

describe('holding a live run', () => {
  it('Step starts a run held at its first event, shows it, and steps it on', async () => {
    const engine = holdingEngine();
    const store = storeOver(engine);
    const running = store.step();
    expect(engine.runs[0]?.plan).toEqual({ start: 'step', kinds: [], lines: [] });
    engine.runs[0]?.hold(soFar('app.call', 'start_response'));
    const { held, shownTrace, selectedSeq } = store.getState();
    expect(held?.event?.kind).toBe('start_response');
    expect(shownTrace?.events.map((e) => e.kind)).toEqual(['app.call', 'start_response']);
    expect(selectedSeq).toBe(1);
    expect(store.step()).toBeNull(); // a step of the held run, not a new run
    expect(store.continueRun()).toBe(true);
    expect(engine.commands).toEqual(['step', 'continue']);
    expect(engine.runs).toHaveLength(1);
    engine.runs[0]?.finish(done);
    await running;
    expect(store.getState().held).toBeNull();
    expect(store.continueRun()).toBe(false);
  });

  it('Run holds at the breakpoints; typing does not throw a held run away; a new Run ends it', () => {
    const engine = holdingEngine();
    const store = storeOver(engine);
    void store.run();
    expect(engine.runs[0]?.plan).toBeUndefined(); // no breakpoints: not held
    engine.runs[0]?.finish(done);
    store.toggleBreakKind('yield');
    store.toggleBreakLine('app.py', 7);
    store.toggleBreakKind('start_response');
    void store.run();
    expect(engine.runs[1]?.plan).toEqual({
      start: 'continue',
      kinds: ['start_response', 'yield'],
      lines: [{ file: 'app.py', line: 7 }],
    });
    engine.runs[1]?.hold(soFar('yield'));
    store.setCode('changed while held');
    expect(engine.runs).toHaveLength(2); // no live re-run while held
    void store.run();
    expect(engine.stops()).toBe(1);
    expect(engine.runs).toHaveLength(3);
  });

  it('is unavailable where runs cannot be held', () => {
    const engine = holdingEngine();
    const store = storeOver(engine, false);
    expect(store.canHold).toBe(false);
    expect(store.step()).toBeNull();
    store.toggleBreakKind('yield');
    void store.run();
    expect(engine.runs[0]?.plan).toBeUndefined();
  });
});
