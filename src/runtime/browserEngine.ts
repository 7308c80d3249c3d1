import type { Outcome, Trace } from '../trace/schema.ts';
import { EngineError, traceFromJson, type Engine } from './engine.ts';
import { toRunJob, type RunInput, type RunJob } from './runInput.ts';
import { startWorkerEarly, type EarlyWorker } from './earlyWorker.ts';
import { syntheticTrace } from './syntheticTrace.ts';
import { parseFromWorker, type BootStage, type ToWorker } from './workerProtocol.ts';

/** Where the engine is in its life: booting (with its stage), ready, or failed. */
export type EngineStatus =
  | { state: 'booting'; stage: BootStage | 'starting'; ms: number; restartReason?: string }
  | { state: 'ready'; bootMs: number; pythonVersion: string }
  | { state: 'failed'; message: string };

/** Per-run options. */
export interface RunOptions {
  /** Stop the run after this many milliseconds (0: no limit). */
  timeoutMs?: number;
}

/** The default per-run time limit. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** An engine whose Python runs in a Web Worker. */
export interface BrowserEngine extends Engine {
  /** The current status. */
  readonly status: EngineStatus;
  /** Call `listener` on each status change; returns the unsubscribe function. */
  subscribe(listener: (status: EngineStatus) => void): () => void;
  /** Resolves when Python is first ready; rejects when it failed to boot. */
  readonly ready: Promise<void>;
  /** Run one app on one request; runs queue and execute one at a time. */
  run(input: RunInput, options?: RunOptions): Promise<Trace>;
  /** Stop the run in flight (its trace so far ends with outcome `stopped`). */
  stop(): void;
  /** True when runs are stopped by interrupting Python, false when by replacing the worker. */
  readonly interruptible: boolean;
}

/** What the browser engine needs from its surroundings (passed in, so it can be tested). */
export interface BrowserEngineOptions {
  /** Create the module worker running `worker.ts`. */
  createWorker: () => Worker;
  /** The URL of the folder holding Pyodide's files, served by this site. */
  indexURL: string;
  /**
   * Interrupt Python through a shared buffer (needs cross-origin isolation). Default: whether
   * the page is cross-origin isolated. Without it a stop replaces the worker (~2 s to reboot).
   */
  interruptible?: boolean;
  /** How long an interrupted run may take to wind down before the worker is replaced. */
  graceMs?: number;
  /** A worker started before the engine (see `startWorkerEarly`), adopted as the first one. */
  early?: EarlyWorker;
}

interface Job {
  id: number;
  job: RunJob;
  timeoutMs: number;
  resolve: (trace: Trace) => void;
  reject: (error: Error) => void;
}

interface ActiveJob extends Job {
  started: number;
  reason: 'timeout' | 'stopped' | null;
  timers: ReturnType<typeof setTimeout>[];
}

const STOP_MESSAGES: Record<'timeout' | 'stopped', (job: ActiveJob) => string> = {
  timeout: (job) => `The run was stopped after the ${job.timeoutMs / 1000} s time limit.`,
  stopped: () => 'The run was stopped.',
};

/**
 * Start a worker, boot Python in it at once, and return an engine over it. Runs execute one
 * at a time with a time limit; a runaway app is interrupted (or its worker replaced), and the
 * engine stays usable.
 *
 * @example
 * const engine = createBrowserEngine({
 *   createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
 *   indexURL: new URL('pyodide/', document.baseURI).href,
 * });
 * const trace = await engine.run({ code, request }, { timeoutMs: 5000 });
 */
export function createBrowserEngine(options: BrowserEngineOptions): BrowserEngine {
  let early = options.early;
  const interrupt = early
    ? early.interrupt
    : (options.interruptible ??
        (globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function'))
      ? new Int32Array(new SharedArrayBuffer(4))
      : null;
  const interruptible = interrupt !== null;
  const graceMs = options.graceMs ?? 1500;
  const listeners = new Set<(status: EngineStatus) => void>();
  const queue: Job[] = [];
  let active: ActiveJob | null = null;
  let status: EngineStatus = { state: 'booting', stage: 'starting', ms: 0 };
  let workerReady = false;
  let nextId = 1;
  let worker: Worker;
  let port: MessagePort;
  let settleReady: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  ready.catch(() => {}); // observed through status; avoid an unhandled rejection

  const setStatus = (next: EngineStatus): void => {
    status = next;
    for (const listener of listeners) listener(next);
  };
  const fail = (message: string): void => {
    setStatus({ state: 'failed', message });
    settleReady?.reject(new EngineError(message));
    for (const job of [...(active ? [active] : []), ...queue.splice(0)]) {
      job.reject(new EngineError(message));
    }
    if (active) active.timers.forEach(clearTimeout);
    active = null;
  };

  const finish = (settle: (job: ActiveJob) => void): void => {
    const job = active;
    if (!job) return;
    job.timers.forEach(clearTimeout);
    active = null;
    settle(job);
    pump();
  };

  const pump = (): void => {
    if (!workerReady || active || queue.length === 0 || status.state === 'failed') return;
    const job = queue.shift();
    if (!job) return;
    active = { ...job, started: performance.now(), reason: null, timers: [] };
    port.postMessage({ type: 'run', id: job.id, job: job.job } satisfies ToWorker);
    if (job.timeoutMs > 0) {
      active.timers.push(setTimeout(() => halt('timeout'), job.timeoutMs));
    }
  };

  /** Stop the active run: interrupt Python, and replace the worker if that does not work. */
  const halt = (reason: 'timeout' | 'stopped'): void => {
    if (!active || active.reason) return;
    active.reason = reason;
    if (interrupt) {
      Atomics.store(interrupt, 0, 2);
      active.timers.push(setTimeout(() => replaceWorker(reason), graceMs));
    } else {
      replaceWorker(reason);
    }
  };

  /** Terminate a stuck worker, end its run with what is known, and boot a fresh one. */
  const replaceWorker = (outcome: Outcome, why?: string): void => {
    const job = active;
    worker.terminate();
    port.close();
    workerReady = false;
    if (job) {
      job.timers.forEach(clearTimeout);
      active = null;
      const message =
        why ??
        (job.reason ? STOP_MESSAGES[job.reason](job) : 'The run ended.') +
          ' Python did not respond, so it was restarted; no events could be recovered.';
      job.resolve(syntheticTrace(job.job, outcome, message, performance.now() - job.started));
    }
    setStatus({ state: 'booting', stage: 'starting', ms: 0, restartReason: 'Restarting Python…' });
    startWorker();
  };

  let firstResult = true;
  const onMessage = (data: unknown): void => {
    const message = parseFromWorker(data);
    if (!message) return fail('The Python worker sent a malformed message.');
    // Where the first trace's time goes (`npm run bench` prints these marks).
    if (message.type === 'progress') performance.mark(`wsgi-playground:boot-${message.stage}`);
    if (message.type === 'ready') performance.mark('wsgi-playground:python-ready');
    if (message.type === 'result' && firstResult) {
      firstResult = false;
      performance.mark('wsgi-playground:first-result');
    }
    switch (message.type) {
      case 'progress':
        return setStatus({ state: 'booting', stage: message.stage, ms: message.ms });
      case 'ready':
        workerReady = true;
        setStatus({ state: 'ready', bootMs: message.bootMs, pythonVersion: message.pythonVersion });
        settleReady?.resolve();
        return pump();
      case 'result':
        if (active?.id !== message.id) return; // a reply nobody waits for any more
        if (message.overMemory !== undefined) {
          const job = active;
          job.timers.forEach(clearTimeout);
          active = null;
          try {
            job.resolve(limited(traceFromJson(message.traceJson), message.overMemory));
          } catch (error) {
            job.reject(error instanceof Error ? error : new EngineError(String(error)));
          }
          return replaceWorker('limit');
        }
        return finish((job) => {
          try {
            job.resolve(stopped(traceFromJson(message.traceJson), job));
          } catch (error) {
            job.reject(error instanceof Error ? error : new EngineError(String(error)));
          }
        });
      case 'failed':
        if (message.id === null) return fail(message.message);
        if (active?.id !== message.id) return;
        if (active.reason) {
          return finish((job) =>
            job.resolve(
              syntheticTrace(
                job.job,
                job.reason ?? 'stopped',
                STOP_MESSAGES[job.reason ?? 'stopped'](job),
                0,
              ),
            ),
          );
        }
        // The interpreter itself broke (e.g. the app called os.abort()): start a fresh one.
        return replaceWorker(
          'crash',
          `The server object crashed (${message.message}). Python was restarted; your code and request are kept.`,
        );
    }
  };

  function startWorker(): void {
    const started =
      early ??
      startWorkerEarly({
        createWorker: options.createWorker,
        indexURL: options.indexURL,
        interrupt, // a restarted worker shares the page's interrupt buffer
      });
    early = undefined;
    const current = started.worker;
    worker = current;
    port = started.port;
    // Only the private port carries results: user code can post on the worker's global scope.
    port.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (current === worker) onMessage(event.data);
    });
    port.start();
    current.addEventListener('error', (event) => {
      if (current !== worker) return;
      const text = `The Python worker crashed: ${event.message || 'unknown error'}`;
      if (workerReady && active) replaceWorker('crash', text);
      else fail(text);
    });
  }
  startWorker();

  return {
    get status() {
      return status;
    },
    ready,
    interruptible,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run(input: RunInput, runOptions: RunOptions = {}): Promise<Trace> {
      if (status.state === 'failed') return Promise.reject(new EngineError(status.message));
      const id = nextId++;
      const timeoutMs = runOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      return new Promise<Trace>((resolve, reject) => {
        queue.push({ id, job: toRunJob(input), timeoutMs, resolve, reject });
        pump();
      });
    },
    stop() {
      halt('stopped');
    },
    dispose() {
      worker.terminate();
      fail('The engine was disposed.');
    },
  };
}

/** A trace from an interrupted run, labelled with why it was interrupted. */
function stopped(trace: Trace, job: ActiveJob): Trace {
  if (!job.reason || trace.outcome !== 'stopped') return trace;
  const outcome = job.reason;
  return {
    ...trace,
    outcome,
    error: { kind: outcome, message: STOP_MESSAGES[outcome](job) },
    events: trace.events.map((event) =>
      event.kind === 'complete' ? { ...event, outcome } : event,
    ),
  };
}

/** A trace whose run pushed Python's memory past the limit. */
function limited(trace: Trace, message: string): Trace {
  return {
    ...trace,
    outcome: 'limit',
    error: { kind: 'limit', message },
    events: trace.events.map((event) =>
      event.kind === 'complete' ? { ...event, outcome: 'limit' } : event,
    ),
  };
}
