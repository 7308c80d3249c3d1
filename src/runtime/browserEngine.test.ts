/**
 * The browser engine's client side, driven through the real worker host and a real Pyodide
 * (in Node). The "worker" here is an in-process channel with the Worker's shape.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createBrowserEngine, type EngineStatus } from './browserEngine.ts';
import {
  bootPyodide,
  makeNodeImage,
  readNodeImage,
  restorePyodide,
  type NodeImage,
} from './nodeImage.ts';
import { createWorkerHost } from './workerHost.ts';
import { syntheticTrace } from './syntheticTrace.ts';
import type { WorkerLink } from './workerLink.ts';
import type { FromWorker, RuntimeFiles, ToWorker } from './workerProtocol.ts';

/** What the sandbox frame gives each worker; the stand-ins here boot from Node's Pyodide. */
const NO_RUNTIME: RuntimeFiles = {
  asm: new ArrayBuffer(0),
  stdlib: new ArrayBuffer(0),
  lock: '{}',
  wasm: undefined as unknown as WebAssembly.Module,
};

interface ChannelOptions {
  /** Give the worker an interrupt buffer (as the frame does when it is isolated). */
  interruptible?: boolean;
  /** The image the frame hands the worker; absent: none. */
  image?: () => Promise<Uint8Array>;
}

/**
 * A WorkerLink whose other end is the worker host (or a hostile stand-in), booted the way the
 * sandbox frame boots a worker: a boot message with the interrupt buffer and the image.
 */
function channel(
  other: (toPage: (data: unknown) => void) => (message: ToWorker) => void,
  options: ChannelOptions = {},
): WorkerLink {
  const { port1, port2 } = new MessageChannel();
  const buffer = options.interruptible ? new Int32Array(new SharedArrayBuffer(4)) : null;
  const handle = other((data) => port2.postMessage(data));
  port2.addEventListener('message', (event: MessageEvent<ToWorker>) => handle(event.data));
  port2.start();
  void (async () => {
    const bytes = await options.image?.();
    handle({
      type: 'boot',
      interruptBuffer: buffer,
      pauseBuffer: null,
      runtime: NO_RUNTIME,
      image: bytes ? { bytes: bytes.slice().buffer } : null,
      connect: [],
    });
  })();
  return {
    port: port1,
    interrupt: () => (buffer ? (Atomics.store(buffer, 0, 2), true) : false),
    resume: () => false,
    terminate: () => port1.close(),
    onCrash: () => {},
  };
}

let image: NodeImage;
beforeAll(async () => {
  image = (await readNodeImage()) ?? (await makeNodeImage());
});

/** A worker host over a real Pyodide; `imageServed` is the image the frame hands it. */
const realWorker =
  (imageServed: () => Promise<Uint8Array> = async () => image.bytes) =>
  (): WorkerLink =>
    channel(
      (toPage) =>
        createWorkerHost({
          post: (message: FromWorker) => toPage(message),
          loadPyodide: async ({ _loadSnapshot: snapshot }) =>
            snapshot ? restorePyodide(new Uint8Array(await snapshot)) : bootPyodide(),
          now: () => performance.now(),
        }),
      { image: imageServed },
    );

const READY = { type: 'ready', bootMs: 1, pythonVersion: '3.14.0', source: 'plain' } as const;

const REQUEST = { method: 'GET', target: '/', headers: [] as [string, string][], bodyBase64: '' };
const HELLO = "def application(e, s):\n    s('200 OK', [])\n    return [b'hi']\n";

describe('the browser engine', () => {
  it('restores from the image in named stages, then runs queued and later jobs in order', async () => {
    const seen: EngineStatus['state'][] = [];
    const stages: string[] = [];
    const engine = createBrowserEngine({
      launch: realWorker(),
    });
    engine.subscribe((status) => {
      seen.push(status.state);
      if (status.state === 'booting') stages.push(status.stage);
    });
    const early = engine.run({ code: HELLO, request: REQUEST }); // before Python is ready
    await engine.ready;
    expect(stages).toEqual(['runtime', 'image']);
    expect(engine.status).toMatchObject({
      state: 'ready',
      source: 'image',
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
      launch: () =>
        channel((toPage) => (message) => {
          if (message.type === 'boot') return toPage(READY);
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
      launch: () => channel((toPage) => () => toPage({ type: 'result', id: 'x<script>' })),
    });
    await expect(hostile.ready).rejects.toThrow(/malformed message/);
    const broken = createBrowserEngine({
      launch: () =>
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

  it('stops a run that never answers at its time limit, retires the worker, and goes on', async () => {
    let workers = 0;
    const served: string[] = [];
    const engine = createBrowserEngine({
      launch: () => {
        const name = `worker ${++workers}`;
        return channel((toPage) => (message) => {
          if (message.type === 'boot') return toPage(READY);
          served.push(name);
          if (message.job.files['app.py'] === 'hang') return; // like `while True: pass`
          toPage({
            type: 'result',
            id: message.id,
            traceJson: JSON.stringify(syntheticTrace(message.job, 'complete', name, 1)),
          });
        });
      },
    });
    const hung = await engine.run({ code: 'hang', request: REQUEST }, { timeoutMs: 50 });
    expect(hung.outcome).toBe('timeout');
    expect(hung.error?.message).toMatch(/0\.05 s time limit.*retired/);
    const next = await engine.run({ code: 'fine', request: REQUEST });
    expect(next.outcome).toBe('complete');
    const stopping = engine.run({ code: 'hang', request: REQUEST }, { timeoutMs: 0 });
    // It has reached a worker (which may boot only 2.5 s after the kill: see killDelayMs).
    await vi.waitFor(() => expect(served).toHaveLength(3), { timeout: 5000 });
    engine.stop();
    expect((await stopping).outcome).toBe('stopped');
    expect(new Set(served).size).toBe(3); // each run on a worker of its own
    expect(engine.interpreters().length).toBeLessThanOrEqual(2);
  });

  it('interrupts Python through the shared buffer and keeps the trace so far', async () => {
    const buffers: Int32Array[] = [];
    const engine = createBrowserEngine({
      launch: () => {
        let buffer: Int32Array | null = null;
        return channel(
          (toPage) => (message) => {
            if (message.type === 'boot') {
              buffer = message.interruptBuffer;
              if (buffer) buffers.push(buffer);
              return toPage(READY);
            }
            // Like Pyodide: notice the interrupt at the next check and end the run as stopped.
            const poll = setInterval(() => {
              if (buffer && Atomics.load(buffer, 0) === 2) {
                clearInterval(poll);
                const trace = syntheticTrace(message.job, 'stopped', 'interrupted', 3);
                toPage({ type: 'result', id: message.id, traceJson: JSON.stringify(trace) });
              }
            }, 5);
          },
          { interruptible: true },
        );
      },
    });
    const trace = await engine.run({ code: 'loop', request: REQUEST }, { timeoutMs: 30 });
    expect(trace.outcome).toBe('timeout');
    expect(trace.events.at(-1)).toMatchObject({ kind: 'complete', outcome: 'timeout' });
    expect(trace.error?.message).toMatch(/time limit/);
    expect(trace.error?.message).not.toMatch(/did not respond/); // Python's own trace, not a stand-in
    expect(buffers[0]?.[0]).toBe(2);
    // The next interpreter has a buffer of its own, so the stop cannot linger into its run.
    await engine.run({ code: 'loop', request: REQUEST }, { timeoutMs: 30 });
    expect(buffers[1]).not.toBe(buffers[0]);
  });

  it('counts a run that grew memory past the limit as limit, and replaces the worker', async () => {
    let workers = 0;
    const engine = createBrowserEngine({
      launch: () => {
        workers++;
        return channel((toPage) => (message) => {
          if (message.type === 'boot') return toPage(READY);
          const trace = JSON.stringify(syntheticTrace(message.job, 'complete', 'ran', 1));
          const overMemory = message.job.files['app.py'] === 'hog' ? 'grew to 1500 MB' : undefined;
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
    expect(workers).toBeGreaterThanOrEqual(2);
  });

  it('falls back to a plain boot when the image cannot be restored, and says why', async () => {
    const stages: string[] = [];
    const engine = createBrowserEngine({
      launch: realWorker(async () => new Uint8Array(64)), // not a snapshot
    });
    engine.subscribe((status) => status.state === 'booting' && stages.push(status.stage));
    await engine.ready;
    expect(stages).toEqual(['runtime', 'image', 'server', 'warmup']);
    expect(engine.status).toMatchObject({
      state: 'ready',
      source: 'plain',
      fallback: expect.stringMatching(/image could not be restored \(.*magic number/),
    });
    const trace = await engine.run({ code: HELLO, request: REQUEST });
    expect(atob(trace.response.bodyBase64)).toBe('hi');
    engine.dispose();
  });

  it('gives every run a pristine interpreter: what one run changes, the next never sees', async () => {
    const engine = createBrowserEngine({
      launch: realWorker(),
    });
    const clean = await engine.run({ code: HELLO, request: REQUEST });
    const hostile = [
      'import json, sys, wsgiref.handlers, wsgiref.util',
      "json.dumps = lambda *a, **k: '{}'",
      "wsgiref.handlers.BaseHandler.server_software = 'forged'",
      "wsgiref.util._hoppish.__defaults__[0].pop('connection', None)",
      'sys.setrecursionlimit(60)',
      "sys.modules['wsgi_playground.bridge'].run_json = lambda text: '{}'",
      HELLO,
    ].join('\n');
    let most = 0;
    for (const code of [hostile, HELLO, HELLO]) {
      const trace = await engine.run({ code, request: REQUEST });
      most = Math.max(most, engine.interpreters().length);
      if (code === hostile) continue;
      const wire = (t: typeof trace) => atob(t.response.wireBase64).replace(/Date: .*\r\n/, '');
      expect(wire(trace)).toBe(wire(clean));
      expect(trace.events.map((e) => [e.kind, e.line])).toEqual(
        clean.events.map((e) => [e.kind, e.line]),
      );
    }
    expect(most).toBeLessThanOrEqual(2);
    engine.dispose();
  });
});
