import { describe, expect, it } from 'vitest';
import type { RunInput, Trace } from '../src/index.ts';
import { createPlaygroundStore } from './playgroundStore.ts';
import { toHttpRequest, type RequestDraft } from './requestDraft.ts';

const request: RequestDraft = {
  method: 'GET',
  target: '/',
  headers: [['Host', 'localhost:8000']],
  body: '',
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

const fakeTrace = (outcome: Trace['outcome']) => ({ outcome }) as Trace;

describe('createPlaygroundStore', () => {
  it('runs the current code and request, and keeps the result', async () => {
    const engine = manualEngine();
    const store = createPlaygroundStore({ engine, code: 'app', request });
    store.setCode('new app');
    store.setRequest({ target: '/x' });
    const running = store.run();
    expect(store.getState().pendingRun).toBe(1);
    expect(engine.calls[0]?.input).toEqual({
      code: 'new app',
      request: {
        method: 'GET',
        target: '/x',
        headers: [['Host', 'localhost:8000']],
        bodyBase64: '',
      },
    });
    engine.calls[0]?.finish(fakeTrace('complete'));
    await running;
    expect(store.getState().pendingRun).toBeNull();
    expect(store.getState().result).toMatchObject({ kind: 'trace', seq: 1 });
  });

  it('drops the reply to a run that is no longer the newest', async () => {
    const engine = manualEngine();
    const store = createPlaygroundStore({ engine, code: 'app', request });
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
      code: 'app',
      request,
    });
    await expect(store.run()).rejects.toThrow('Python failed to start');
    expect(store.getState().result).toEqual({
      kind: 'engine-error',
      seq: 1,
      message: 'Python failed to start',
    });
  });
});

describe('toHttpRequest', () => {
  it('encodes the body and adds its Content-Length', () => {
    expect(toHttpRequest({ ...request, method: 'POST', body: 'é' })).toEqual({
      method: 'POST',
      target: '/',
      headers: [
        ['Host', 'localhost:8000'],
        ['Content-Length', '2'],
      ],
      bodyBase64: 'w6k=',
    });
  });
});
