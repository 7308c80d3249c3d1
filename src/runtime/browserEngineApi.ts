/** The browser engine's public shape: its status, its options, and what a run can ask. */
import type { Trace } from '../trace/schema.ts';
import type { Engine } from './engine.ts';
import type { InterpreterState } from './interpreterPool.ts';
import type { PauseCommand, PausePlan } from './livePause.ts';
import type { ImageStore } from './packageSet.ts';
import type { PackageRegistry } from './sandbox/pageSandbox.ts';
import type { RunInput } from './runInput.ts';
import type { WorkerLink, LaunchWorker } from './workerLink.ts';
import type { BootStage } from './workerProtocol.ts';

/** Where the engine is in its life: booting (with its stage), ready, or failed. */
export type EngineStatus =
  | { state: 'booting'; stage: BootStage | 'starting'; ms: number }
  | {
      state: 'ready';
      bootMs: number;
      pythonVersion: string;
      /** Whether the first interpreter was restored from the image or booted plainly. */
      source: 'image' | 'plain';
      /** Why the image was not used, when it was not. */
      fallback?: string;
    }
  | { state: 'failed'; message: string };

/** Per-run options. */
export interface RunOptions {
  /** Stop the run after this many milliseconds (0: no limit). */
  timeoutMs?: number;
  /** Called when the run reaches its interpreter (it may wait for one to be restored). */
  onStart?: () => void;
  /**
   * Hold the run at the events `plan` names (when the page is cross-origin isolated; else it
   * runs through): `onPause` gets the Trace so far (outcome `paused`) at each, and the run
   * waits for `resume`. Held time does not count toward the time limit.
   */
  pause?: { plan: PausePlan; onPause: (trace: Trace) => void };
  /** Hears what the engine does before a run with packages can start ("Preparing Python
   * with flask, werkzeug… (once for these packages)"). */
  onProgress?: (message: string) => void;
}

/** The default per-run time limit. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** An engine whose Python runs in Web Workers, a pristine interpreter for every run. */
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
  /** Let the held run go on (see RunOptions.pause); false when no run is held. */
  resume(command: PauseCommand): boolean;
  /** The interpreters alive now, by state (at most two: the running one and a standby). */
  interpreters(): InterpreterState[];
}

/** What the browser engine needs from its surroundings (passed in, so it can be tested). */
export interface BrowserEngineOptions {
  /** Start a Python worker running `worker.ts`, told to boot (see sandbox/pageSandbox.ts). */
  launch: LaunchWorker;
  /** How long an interrupted run may take to wind down before its worker is retired. */
  graceMs?: number;
  /** A worker started before the engine (by the page's tiny entry), adopted as the first one. */
  early?: WorkerLink;
  /** Where images made for package sets are kept between visits (none: made again each visit). */
  imageStore?: ImageStore;
  /** Register a package set with the sandbox (its `addPackages`); without it, runs with
   * packages are refused. */
  addPackages?: PackageRegistry;
}
