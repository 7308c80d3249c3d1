/**
 * The interpreters' life in the browser: each serves one run and is then retired (its worker
 * terminated), so no run can change what a later one sees — not Python's state, not the
 * worker's JavaScript globals. Meanwhile a standby is restored from the image in the
 * background, so a re-run does not wait for a boot. At most `size` interpreters are alive at
 * once, and boots happen one at a time so they never compete with each other for the cores.
 *
 * Each interpreter has a state you can name at any moment: `booting` → `ready` → `running` →
 * `retired` (or `booting` → `retired` when its boot failed).
 */
import type { LaunchWorker, WorkerLink } from './workerLink.ts';
import {
  parseFromWorker,
  type BootStage,
  type FromWorker,
  type ToWorker,
} from './workerProtocol.ts';

/** Where an interpreter is in its life. */
export type InterpreterState = 'booting' | 'ready' | 'running' | 'retired';

/** One interpreter: a worker in the sandbox, with its private port. */
export interface Interpreter {
  readonly id: number;
  readonly state: InterpreterState;
  /** The package set it was restored with ('' for none: the server's own image). */
  readonly packages: string;
  /** Interrupt Python; false when it cannot be (see WorkerLink). */
  interrupt(): boolean;
  /** Give its held run a command; false when runs cannot be held (see WorkerLink). */
  resume(code: number): boolean;
  /** Send a run (once: the worker serves one). */
  send(message: Extract<ToWorker, { type: 'run' }>): void;
}

/** What the pool tells its owner. */
export interface PoolListener {
  /** A boot stage began, in an interpreter nobody is waiting on yet or in the first one. */
  stage(stage: BootStage, ms: number): void;
  /** An interpreter of package set `packages` ('' for none) became ready (with how it booted). */
  ready(message: Extract<FromWorker, { type: 'ready' }>, packages: string): void;
  /** Booting failed `failures` times in a row; the pool has given up when `final`. */
  bootFailed(message: string, final: boolean): void;
  /** A message about a run, from a running interpreter (validated; null when malformed). */
  runMessage(interpreter: Interpreter, message: FromWorker | null): void;
  /** A running interpreter's worker crashed. */
  crashed(interpreter: Interpreter, message: string): void;
}

/** How the pool starts workers, and how many may be alive at once. */
export interface PoolOptions {
  /** Start a worker, told to boot (in the browser: in the sandbox frame). */
  launch: LaunchWorker;
  /** At most this many interpreters alive at once (running and standby together). */
  size: number;
  /** The first interpreter, started before the pool by the page's tiny entry script. */
  early?: WorkerLink;
  /** How long after the first run is taken the standby's boot waits, so it renders first. */
  refillDelayMs?: number;
  /** How long after a worker was killed mid-run the next boot waits, so its thread is gone. */
  killDelayMs?: number;
  /** A boot that takes longer than this has failed (its worker is retired). */
  bootTimeoutMs?: number;
}

interface Slot extends Interpreter {
  state: InterpreterState;
  packages: string;
  watchdog?: ReturnType<typeof setTimeout>;
  link: WorkerLink;
}

/** Boots in a row that may fail before the pool gives up. */
const MAX_BOOT_FAILURES = 2;

/** Create the pool; it starts its first interpreter at once. */
export function createInterpreterPool(options: PoolOptions, listener: PoolListener) {
  const slots: Slot[] = [];
  const waiting: { got: (interpreter: Interpreter) => void; packages: string }[] = [];
  /** The package set the latest request asked for: standbys are booted with it. */
  let wanted = '';
  let nextId = 1;
  let failures = 0;
  let everReady = false;
  let stopped = false;
  let refillTimer: ReturnType<typeof setTimeout> | undefined;
  const refillDelay = options.refillDelayMs ?? 100;
  // Chromium gives a terminated worker that is busy (a JavaScript loop) two seconds before it
  // stops the thread by force: until then it still holds its interpreter's memory.
  const killDelay = options.killDelayMs ?? 2500;
  const bootTimeout = options.bootTimeoutMs ?? 90_000;

  const alive = (): Slot[] => slots.filter((slot) => slot.state !== 'retired');

  function start(early?: WorkerLink): void {
    const packages = early ? '' : wanted;
    const link = early ?? options.launch(packages ? { packages } : undefined);
    const slot: Slot = {
      id: nextId++,
      state: 'booting',
      packages,
      link,
      interrupt: () => link.interrupt(),
      resume: (code) => link.resume(code),
      send: (message) => link.port.postMessage(message),
    };
    slots.push(slot);
    slot.watchdog = setTimeout(() => {
      if (slot.state === 'booting') {
        bootFailed(slot, `Python did not start within ${bootTimeout / 1000} s.`);
      }
    }, bootTimeout);
    link.port.addEventListener('message', (event: MessageEvent<unknown>) =>
      onMessage(slot, event.data),
    );
    link.port.start();
    link.onCrash((message) => {
      const text = `The Python worker crashed: ${message}`;
      if (slot.state === 'running') listener.crashed(slot, text);
      else if (slot.state === 'booting') bootFailed(slot, text);
      else retire(slot);
    });
  }

  function onMessage(slot: Slot, data: unknown): void {
    if (slot.state === 'retired') return;
    const message = parseFromWorker(data);
    if (slot.state === 'running') return listener.runMessage(slot, message);
    if (slot.state !== 'booting') return; // a ready interpreter has nothing to say
    if (!message) return bootFailed(slot, 'The Python worker sent a malformed message.');
    if (message.type === 'progress' && (!everReady || waiting.length > 0)) {
      listener.stage(message.stage, message.ms);
    } else if (message.type === 'ready') {
      slot.state = 'ready';
      clearTimeout(slot.watchdog);
      failures = 0;
      // The first interpreter's standby waits until a run has taken it (see `hand`), so that
      // the first run and its rendering have the cores to themselves.
      if (everReady) scheduleRefill(0);
      everReady = true;
      listener.ready(message, slot.packages);
      hand();
    } else if (message.type === 'failed') {
      bootFailed(slot, message.message);
    }
  }

  function bootFailed(slot: Slot, message: string): void {
    retire(slot);
    failures++;
    const final = !everReady || failures >= MAX_BOOT_FAILURES;
    if (final) stopped = true;
    listener.bootFailed(message, final);
  }

  /** Give ready interpreters to whoever waits for one of their package set. */
  function hand(): void {
    for (const slot of slots) {
      if (waiting.length === 0) return;
      const at = waiting.findIndex((entry) => entry.packages === slot.packages);
      if (slot.state !== 'ready' || at < 0) continue;
      slot.state = 'running';
      waiting.splice(at, 1)[0]?.got(slot);
      scheduleRefill(refillDelay);
    }
  }

  /**
   * The requests now want package set `packages`: standbys of another set are retired (they
   * would only take room), and later boots use it.
   */
  function want(packages: string): void {
    if (packages === wanted) return;
    wanted = packages;
    for (const slot of slots.slice()) {
      if (slot.packages !== packages && slot.state !== 'running') retire(slot);
    }
  }

  function refill(): void {
    refillTimer = undefined;
    if (stopped) return;
    const now = alive();
    if (now.length >= options.size || now.some((slot) => slot.state === 'booting')) return;
    start();
  }

  function scheduleRefill(delay: number): void {
    if (refillTimer !== undefined || stopped) return;
    refillTimer = setTimeout(refill, delay);
  }

  /**
   * Terminate `slot`'s worker. The next boot starts at once after a run that ended (the sooner
   * the standby is ready, the less its boot competes with the next run for the cores), and
   * later after a kill, so that the killed thread is gone before another starts.
   */
  function retire(slot: Slot, killed = false): void {
    if (slot.state === 'retired') return;
    slot.state = 'retired';
    clearTimeout(slot.watchdog);
    slot.link.terminate();
    slots.splice(slots.indexOf(slot), 1);
    scheduleRefill(killed ? killDelay : 0);
  }

  start(options.early);

  return {
    /**
     * Call `got` with a ready interpreter of package set `packages` ('' for none), marked
     * running, as soon as there is one; returns a function that withdraws the request (for a
     * run stopped before it got an interpreter).
     */
    take(got: (interpreter: Interpreter) => void, packages = ''): () => void {
      const entry = { got, packages };
      want(packages);
      waiting.push(entry);
      hand();
      if (waiting.includes(entry)) scheduleRefill(0); // none ready: boot one now
      return () => {
        const at = waiting.indexOf(entry);
        if (at >= 0) waiting.splice(at, 1);
      };
    },
    /** Terminate an interpreter: after its run, or `killed` in the middle of one. */
    retire(interpreter: Interpreter, killed = false): void {
      const slot = slots.find((candidate) => candidate === interpreter);
      if (slot) retire(slot, killed);
    },
    /** The interpreters alive now and their states (for tests and the benchmark). */
    states(): InterpreterState[] {
      return alive().map((slot) => slot.state);
    },
    /** Terminate everything. */
    dispose(): void {
      stopped = true;
      clearTimeout(refillTimer);
      for (const slot of slots.slice()) retire(slot);
    },
  };
}

/** The pool's type. */
export type InterpreterPool = ReturnType<typeof createInterpreterPool>;
