/**
 * The browser engine's client side, driven through the real worker host and a real Pyodide
 * (in Node). The "worker" here is an in-process channel with the Worker's shape.
 */
import { loadPyodide } from 'pyodide';
import { describe, expect, it } from 'vitest';
import { createBrowserEngine, type EngineStatus } from './browserEngine.ts';
import { createWorkerHost } from './workerHost.ts';
import { syntheticTrace } from './syntheticTrace.ts';
import type { FromWorker, ToWorker } from './workerProtocol.ts';

type Listener = (event: { data?: unknown; message?: string }) => void;

/**
 * A Worker-shaped stand-in whose other end is the worker host (or a hostile stand-in). Like
 * the real worker, it answers through the MessagePort handed over with the boot message; what
 * it posts on its global scope (`toGlobal`) is what user code could forge.
 */
function channel(
  other: (
    toPage: (data: unknown) => void,
    toGlobal: (data: unknown) => void,
  ) => (message: ToWorker) => void,
): Worker {
  const listeners: Record<string, Listener[]> = { message: [], error: [] };
  let port: MessagePort | undefined;
  const toPage = (data: unknown): void => port?.postMessage(data);
  const toGlobal = (data: unknown): void => {
    setTimeout(() => listeners.message?.forEach((l) => l({ data })), 0);
  };
  const handle = other(toPage, toGlobal);
  return {
    postMessage: (message: ToWorker, transfer?: Transferable[]) => {
      const given = transfer?.[0];
      if (given instanceof MessagePort) {
        port = given;
        port.addEventListener('message', (event: MessageEvent<ToWorker>) => handle(event.data));
        port.start();
      }
      setTimeout(() => handle(message), 0);
    },
    addEventListener: (type: string, listener: Listener) => listeners[type]?.push(listener),
    terminate: () => port?.close(),
  } as unknown as Worker;
}

const realWorker = (): Worker =>
  channel((toPage) =>
    createWorkerHost({
      post: (message: FromWorker) => toPage(message),
      loadPyodide: () => loadPyodide({ stdout: () => {}, stderr: () => {} }),
      now: () => performance.now(),
    }),
  );

const REQUEST = { method: 'GET', target: '/', headers: [] as [string, string][], bodyBase64: '' };
const HELLO = "def application(e, s):\n    s('200 OK', [])\n    return [b'hi']\n";

describe('the browser engine', () => {
  it('boots in named stages, then runs queued and later jobs in order', async () => {
    const seen: EngineStatus['state'][] = [];
    const stages: string[] = [];
    const engine = createBrowserEngine({ createWorker: realWorker, indexURL: 'unused' });
    engine.subscribe((status) => {
      seen.push(status.state);
      if (status.state === 'booting') stages.push(status.stage);
    });
    const early = engine.run({ code: HELLO, request: REQUEST }); // before Python is ready
    await engine.ready;
    expect(stages).toEqual(['runtime', 'server', 'warmup']);
    expect(engine.status).toMatchObject({
      state: 'ready',
      pythonVersion: expect.stringMatching(/^3\.1\d/),
    });
    const [first, second] = await Promise.all([
      early,
      engine.run({ code: HELLO.replace('hi', 'yo'), request: REQUEST }),
    ]);
    expect(atob(first.response.bodyBase64)).toBe('hi');
    expect(atob(second.response.bodyBase64)).toBe('yo');
    expect(seen.at(-1)).toBe('ready');
  });

  it('rejects a run whose reply is not a valid trace, and stays usable', async () => {
    let calls = 0;
    const engine = createBrowserEngine({
      indexURL: 'unused',
      createWorker: () =>
        channel((toPage) => (message) => {
          if (message.type === 'boot')
            return toPage({ type: 'ready', bootMs: 1, pythonVersion: '3.14.0' });
          calls++;
          toPage({
            type: 'result',
            id: message.id,
            traceJson: calls === 1 ? '{"version": 99}' : 'not json',
          });
        }),
    });
    await expect(engine.run({ code: HELLO, request: REQUEST })).rejects.toThrow(
      /Malformed trace at version/,
    );
    await expect(engine.run({ code: HELLO, request: REQUEST })).rejects.toThrow(/not JSON/);
  });

  it('fails clearly when the worker posts something malformed or Python cannot boot', async () => {
    const hostile = createBrowserEngine({
      indexURL: 'unused',
      createWorker: () => channel((toPage) => () => toPage({ type: 'result', id: 'x<script>' })),
    });
    await expect(hostile.ready).rejects.toThrow(/malformed message/);
    const broken = createBrowserEngine({
      indexURL: 'unused',
      createWorker: () =>
        channel((toPage) =>
          createWorkerHost({
            post: toPage,
            loadPyodide: () => Promise.reject(new Error('wasm missing')),
            now: () => 0,
          }),
        ),
    });
    await expect(broken.ready).rejects.toThrow(/Python failed to start: Error: wasm missing/);
    expect(broken.status).toEqual({
      state: 'failed',
      message: expect.stringContaining('wasm missing'),
    });
    await expect(broken.run({ code: HELLO, request: REQUEST })).rejects.toThrow(/wasm missing/);
  });

  it('stops a run that never answers at its time limit, replaces the worker, and goes on', async () => {
    let workers = 0;
    const engine = createBrowserEngine({
      indexURL: 'unused',
      interruptible: false,
      createWorker: () => {
        workers++;
        return channel((toPage) => (message) => {
          if (message.type === 'boot')
            return toPage({ type: 'ready', bootMs: 1, pythonVersion: '3.14.0' });
          if (message.job.code === 'hang') return; // like `while True: pass`
          toPage({
            type: 'result',
            id: message.id,
            traceJson: JSON.stringify(syntheticTrace(message.job, 'complete', 'ok', 1)),
          });
        });
      },
    });
    const hung = await engine.run({ code: 'hang', request: REQUEST }, { timeoutMs: 50 });
    expect(hung.outcome).toBe('timeout');
    expect(hung.error?.message).toMatch(/0\.05 s time limit.*restarted/);
    expect(workers).toBe(2);
    const next = await engine.run({ code: 'fine', request: REQUEST });
    expect(next.outcome).toBe('complete');
    const stopping = engine.run({ code: 'hang', request: REQUEST }, { timeoutMs: 0 });
    setTimeout(() => engine.stop(), 20);
    expect((await stopping).outcome).toBe('stopped');
    expect(workers).toBe(3);
  });

  it('interrupts Python through the shared buffer and keeps the trace so far', async () => {
    let workers = 0;
    const engine = createBrowserEngine({
      indexURL: 'unused',
      interruptible: true,
      createWorker: () => {
        workers++;
        let buffer: Int32Array | null = null;
        return channel((toPage) => (message) => {
          if (message.type === 'boot') {
            buffer = message.interruptBuffer;
            return toPage({ type: 'ready', bootMs: 1, pythonVersion: '3.14.0' });
          }
          // Like Pyodide: notice the interrupt at the next check and end the run as stopped.
          const poll = setInterval(() => {
            if (buffer && Atomics.load(buffer, 0) === 2) {
              clearInterval(poll);
              const trace = syntheticTrace(message.job, 'stopped', 'interrupted', 3);
              toPage({ type: 'result', id: message.id, traceJson: JSON.stringify(trace) });
            }
          }, 5);
        });
      },
    });
    const trace = await engine.run({ code: 'loop', request: REQUEST }, { timeoutMs: 30 });
    expect(trace.outcome).toBe('timeout');
    expect(trace.events.at(-1)).toMatchObject({ kind: 'complete', outcome: 'timeout' });
    expect(trace.error?.message).toMatch(/time limit/);
    expect(workers).toBe(1); // no restart was needed
  });

  it('ignores what user code posts on the worker global scope (it cannot forge or fail runs)', async () => {
    const engine = createBrowserEngine({
      indexURL: 'unused',
      interruptible: false,
      createWorker: () =>
        channel((toPage, toGlobal) => (message) => {
          if (message.type === 'boot')
            return toPage({ type: 'ready', bootMs: 1, pythonVersion: '3.14.0' });
          // What `import js; js.postMessage(...)` in an app would do:
          toGlobal({ type: 'failed', id: null, message: 'forged: the engine is dead' });
          toGlobal({ type: 'result', id: message.id, traceJson: '{"forged": true}' });
          setTimeout(() => {
            const trace = syntheticTrace(message.job, 'complete', 'genuine', 1);
            toPage({ type: 'result', id: message.id, traceJson: JSON.stringify(trace) });
          }, 20);
        }),
    });
    const trace = await engine.run({ code: 'x', request: REQUEST });
    expect(trace.error?.message).toBe('genuine');
    expect(engine.status.state).toBe('ready');
  });

  it('counts a run that grew memory past the limit as limit, and replaces the worker', async () => {
    let workers = 0;
    const engine = createBrowserEngine({
      indexURL: 'unused',
      interruptible: false,
      createWorker: () => {
        workers++;
        return channel((toPage) => (message) => {
          if (message.type === 'boot')
            return toPage({ type: 'ready', bootMs: 1, pythonVersion: '3.14.0' });
          const trace = JSON.stringify(syntheticTrace(message.job, 'complete', 'ran', 1));
          const overMemory = message.job.code === 'hog' ? 'grew to 1500 MB' : undefined;
          toPage({
            type: 'result',
            id: message.id,
            traceJson: trace,
            ...(overMemory ? { overMemory } : {}),
          });
        });
      },
    });
    const hog = await engine.run({ code: 'hog', request: REQUEST });
    expect(hog.outcome).toBe('limit');
    expect(hog.error?.message).toBe('grew to 1500 MB');
    expect(hog.events.at(-1)).toMatchObject({ kind: 'complete', outcome: 'limit' });
    expect((await engine.run({ code: 'fine', request: REQUEST })).outcome).toBe('complete');
    expect(workers).toBe(2);
  });
});
