/**
 * The browser engine: runs queued one at a time, each on a fresh interpreter from the pool,
 * with a time limit (paused while a live run is held), Stop, and the way back from a worker
 * that hung or crashed. Its public shape is in browserEngineApi.ts.
 */
import type { Outcome, Trace } from '../trace/schema.ts';
import { EngineError, traceFromJson } from './engine.ts';
import { toRunJob, type RunInput, type RunJob } from './runInput.ts';
import { createInterpreterPool, type Interpreter, type PoolListener } from './interpreterPool.ts';
import { PAUSE_CODES } from './livePause.ts';
import { createPackageImages } from './packageImages.ts';
import type { PackageSet } from './packageSet.ts';
import { createRunClock, type RunClock } from './runClock.ts';
import { relabel, stopMessage, stopped } from './runEndings.ts';
import { syntheticTrace } from './syntheticTrace.ts';
import {
  DEFAULT_TIMEOUT_MS,
  type BrowserEngine,
  type BrowserEngineOptions,
  type EngineStatus,
  type RunOptions,
} from './browserEngineApi.ts';
import type { FromWorker } from './workerProtocol.ts';

export * from './browserEngineApi.ts';

interface Job {
  id: number;
  job: RunJob;
  packages?: PackageSet | undefined;
  onProgress?: ((message: string) => void) | undefined;
  timeoutMs: number;
  onStart?: (() => void) | undefined;
  pause?: RunOptions['pause'];
  resolve: (trace: Trace) => void;
  reject: (error: Error) => void;
}

interface ActiveJob extends Job {
  started: number;
  reason: 'timeout' | 'stopped' | null;
  timers: ReturnType<typeof setTimeout>[];
  /** The time limit (paused while the run is held). */
  clock: RunClock | null;
  /** Whether the run is held at an event now. */
  held: boolean;
  interpreter: Interpreter | null;
  withdraw: () => void;
}

const STOP_MESSAGES: Record<'timeout' | 'stopped', (job: ActiveJob) => string> = {
  timeout: (job) => stopMessage('timeout', job.timeoutMs),
  stopped: (job) => stopMessage('stopped', job.timeoutMs),
};

/**
 * Start the first interpreter, and return an engine over the pool of them. Runs execute one
 * at a time with a time limit, each on a fresh interpreter; a runaway app is interrupted (or
 * its worker retired), and the next run goes to the standby.
 *
 * @example
 * const sandbox = createSandbox({ document, files, connect: [location.origin] });
 * const engine = createBrowserEngine({ launch: sandbox.launch });
 * const trace = await engine.run({ code, request }, { timeoutMs: 5000 });
 */
export function createBrowserEngine(options: BrowserEngineOptions): BrowserEngine {
  const graceMs = options.graceMs ?? 1500;
  const listeners = new Set<(status: EngineStatus) => void>();
  const queue: Job[] = [];
  let active: ActiveJob | null = null;
  let status: EngineStatus = { state: 'booting', stage: 'starting', ms: 0 };
  let nextId = 1;
  let firstResult = true;
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
    if (active) {
      active.timers.forEach(clearTimeout);
      active.withdraw();
    }
    active = null;
  };

  /**
   * End the active run with `settle`, retire its interpreter (`killed`: it never finished),
   * and start the next run.
   */
  const finish = (settle: (job: ActiveJob) => void, killed = false): void => {
    const job = active;
    if (!job) return;
    job.timers.forEach(clearTimeout);
    job.clock?.clear();
    job.withdraw();
    active = null;
    if (job.interpreter) pool.retire(job.interpreter, killed);
    settle(job);
    pump();
  };

  const settleWith = (job: ActiveJob, make: () => Trace): void => {
    try {
      job.resolve(make());
    } catch (error) {
      job.reject(error instanceof Error ? error : new EngineError(String(error)));
    }
  };

  /** End the active run without its trace: it hung, crashed, or was stopped the hard way. */
  const abandon = (outcome: Outcome, why?: string): void =>
    finish((job) => {
      const message =
        why ??
        (job.reason ? STOP_MESSAGES[job.reason](job) : 'The run ended.') +
          (job.interpreter
            ? ' Python did not respond, so its worker was retired; no events could be recovered.'
            : '');
      job.resolve(syntheticTrace(job.job, outcome, message, performance.now() - job.started));
    }, true);

  const pump = (): void => {
    if (active || queue.length === 0 || status.state === 'failed') return;
    const job = queue.shift();
    if (!job) return;
    const current: ActiveJob = {
      ...job,
      started: performance.now(),
      reason: null,
      timers: [],
      clock: null,
      held: false,
      interpreter: null,
      withdraw: () => {},
    };
    active = current;
    const { packages } = job;
    if (!packages) return take(current);
    if (!packageImages) {
      return finish(() =>
        job.reject(new EngineError('This engine cannot install packages (no sandbox registry).')),
      );
    }
    packageImages.ensure(packages, job.onProgress).then(
      () => {
        if (active === current && !current.reason) take(current);
      },
      (error: unknown) => {
        if (active !== current) return;
        finish(() =>
          job.reject(new EngineError(`The packages could not be prepared: ${String(error)}`)),
        );
      },
    );
  };

  /** Ask the pool for an interpreter for `current` (of its package set), and start it there. */
  const take = (current: ActiveJob): void => {
    const job = current;
    current.withdraw = pool.take((interpreter) => {
      current.interpreter = interpreter;
      current.started = performance.now(); // the time limit counts the run, not the wait
      const plan = job.pause?.plan;
      interpreter.send({ type: 'run', id: job.id, job: job.job, ...(plan ? { pause: plan } : {}) });
      job.onStart?.();
      current.clock = createRunClock(job.timeoutMs, () => halt('timeout'));
    }, job.packages?.key ?? '');
  };

  /** Stop the active run: interrupt Python, and retire the worker if that does not work. */
  const halt = (reason: 'timeout' | 'stopped'): void => {
    if (!active || active.reason) return;
    active.reason = reason;
    if (!active.interpreter) return abandon(reason, STOP_MESSAGES[reason](active));
    if (active.interpreter.interrupt()) {
      active.timers.push(setTimeout(() => abandon(reason), graceMs));
    } else {
      abandon(reason);
    }
  };

  const onRunMessage = (interpreter: Interpreter, message: FromWorker | null): void => {
    const job = active;
    if (!job || job.interpreter !== interpreter) return; // a reply nobody waits for any more
    if (!message) return abandon('crash', 'The Python worker sent a malformed message.');
    if (message.type === 'result' && firstResult) {
      firstResult = false;
      performance.mark('wsgi-playground:first-result');
    }
    if (message.type === 'result' && message.id === job.id) {
      return finish(() =>
        settleWith(job, () => {
          const trace = traceFromJson(message.traceJson);
          return message.overMemory !== undefined
            ? relabel(trace, 'limit', message.overMemory)
            : stopped(trace, job.reason, job.timeoutMs);
        }),
      );
    }
    if (message.type === 'paused' && message.id === job.id && job.pause && !job.reason) {
      let trace: Trace;
      try {
        trace = traceFromJson(message.traceJson);
      } catch (error) {
        return abandon('crash', `The held run's state could not be read: ${String(error)}`);
      }
      job.clock?.pause();
      job.held = true;
      return job.pause.onPause(trace);
    }
    if (message.type === 'failed' && message.id === job.id) {
      if (job.reason) return abandon(job.reason, STOP_MESSAGES[job.reason](job));
      // The interpreter itself broke (e.g. the app called os.abort()).
      return abandon(
        'crash',
        `The server object crashed (${message.message}). Its worker was retired; your code and request are kept.`,
      );
    }
  };

  const poolListener: PoolListener = {
    stage(stage, ms) {
      // Where the first trace's time goes (`npm run bench` prints these marks).
      performance.mark(`wsgi-playground:boot-${stage}`);
      if (status.state === 'booting') setStatus({ state: 'booting', stage, ms });
    },
    ready(message, packages) {
      // A package set's image that did not restore was made for another server: make it anew.
      if (packages && message.source === 'plain') packageImages?.forget(packages);
      if (status.state !== 'booting') return;
      performance.mark('wsgi-playground:python-ready');
      setStatus({
        state: 'ready',
        bootMs: message.bootMs,
        pythonVersion: message.pythonVersion,
        source: message.source,
        ...(message.fallback ? { fallback: message.fallback } : {}),
      });
      settleReady?.resolve();
    },
    bootFailed(message, final) {
      if (final) fail(message);
    },
    runMessage: onRunMessage,
    crashed(interpreter, message) {
      if (active?.interpreter === interpreter) abandon('crash', message);
      else pool.retire(interpreter);
    },
  };

  const packageImages = options.addPackages
    ? createPackageImages({
        launch: options.launch,
        addPackages: options.addPackages,
        imageStore: options.imageStore,
      })
    : null;

  const pool = createInterpreterPool(
    { launch: options.launch, size: 2, ...(options.early ? { early: options.early } : {}) },
    poolListener,
  );

  return {
    get status() {
      return status;
    },
    ready,
    interpreters: () => pool.states(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run(input: RunInput, runOptions: RunOptions = {}): Promise<Trace> {
      if (status.state === 'failed') return Promise.reject(new EngineError(status.message));
      const id = nextId++;
      const timeoutMs = runOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      return new Promise<Trace>((resolve, reject) => {
        queue.push({
          id,
          job: toRunJob(input),
          packages: input.packages,
          onProgress: runOptions.onProgress,
          timeoutMs,
          onStart: runOptions.onStart,
          pause: runOptions.pause,
          resolve,
          reject,
        });
        pump();
      });
    },
    stop() {
      halt('stopped');
    },
    resume(command) {
      const job = active;
      if (!job?.held || !job.interpreter || job.reason) return false;
      if (!job.interpreter.resume(PAUSE_CODES[command])) return false;
      job.held = false;
      job.clock?.resume();
      return true;
    },
    dispose() {
      pool.dispose();
      fail('The engine was disposed.');
    },
  };
}
