import {
  DEFAULT_SETTINGS,
  DEFAULT_TIMEOUT_MS,
  entryFile,
  eventBySeq,
  fileOfEvent,
  toHttpRequest,
  traceEntryFile,
  type PauseCommand,
  type PausePlan,
  type Project,
  type RequestDraft,
  type RunInput,
  type Settings,
  type Trace,
} from '../../src/index.ts';
import { entryCode } from './projectEdits.ts';
import { createProjectActions } from './projectActions.ts';
import { heldRunOf, NO_BREAKPOINTS, type Breakpoints, type HeldRun } from './heldRun.ts';
import { createLivePauseActions } from './livePauseActions.ts';
import { PackagesNotReady } from './packagesNotReady.ts';
import { viewAfterRun } from './finishedRun.ts';
import { createStateStore, type StateChange } from './stateStore.ts';

/** The settings a person can change in the request builder. */
const RUN_SETTING_KEYS = [
  'personality',
  'httpVersion',
  'scriptName',
  'urlScheme',
  'multithread',
  'multiprocess',
  'runOnce',
  'compareValidate',
  'disconnectAfter',
  'shortBody',
  'slowClient',
] as const satisfies readonly (keyof Settings)[];

/** Those settings. */
export type RunSettings = Pick<Settings, (typeof RUN_SETTING_KEYS)[number]>;

/** Their defaults: the engine's own (`DEFAULT_SETTINGS`), not a second copy. */
export const DEFAULT_RUN_SETTINGS: RunSettings = Object.fromEntries(
  RUN_SETTING_KEYS.map((key) => [key, DEFAULT_SETTINGS[key]]),
) as RunSettings;

/** The newest finished run: a Trace, or the engine's own failure (never an app bug). */
export type RunResult =
  | {
      kind: 'trace';
      seq: number;
      trace: Trace;
      roundTripMs: number;
      /** Set for a re-run of live mode (not one the person asked for). */
      live?: boolean;
    }
  | { kind: 'engine-error'; seq: number; message: string }
  /** The run did not start: its packages could not be made ready (see PackagesNotReady). */
  | {
      kind: 'packages-error';
      seq: number;
      title: string;
      message: string;
      hint: string;
      missingFiles: readonly string[];
    };

/** Everything the page shows that is not the engine's status. */
export interface PlaygroundState {
  /** The application: its files and entry (one file, `app.py`, by default). */
  readonly project: Project;
  /** The file the editor shows. */
  readonly activeFile: string;
  /** A library or stdlib file of the shown run open read-only over the project, if any. */
  readonly libraryFile: string | null;
  readonly request: RequestDraft;
  readonly settings: RunSettings;
  /** The sequence number of the run in flight (queued until Python is ready), if any. */
  readonly pendingRun: number | null;
  /** The run in flight once it is in Python (not waiting for an interpreter), if any. */
  readonly startedRun: number | null;
  readonly result: RunResult | null;
  /**
   * The trace the result panels show: the newest one that served the request. A run that
   * could not even start the app (syntax error, load error, bad request) leaves the previous
   * results in place until the next run succeeds.
   */
  readonly shownTrace: Trace | null;
  /** The event selected in the timeline (its `seq`), if any. */
  readonly selectedSeq: number | null;
  /** Re-run while typing. */
  readonly live: boolean;
  /** Why live mode switched itself off, if it did. */
  readonly liveNote: string | null;
  /** The per-run time limit in milliseconds (0: none). */
  readonly timeLimitMs: number;
  /** The live run held at an event (Step, a breakpoint), while it is held. */
  readonly held: HeldRun | null;
  /** Where Run holds the app: event kinds and lines (only where runs can be held). */
  readonly breakpoints: Breakpoints;
}

/** The default per-run time limit. */
export const DEFAULT_TIME_LIMIT_MS = DEFAULT_TIMEOUT_MS;

/** Live mode re-runs this long after the last change. */
export const LIVE_DELAY_MS = 350;
export { LIVE_MAX_RUN_MS } from './finishedRun.ts';

/** What the store needs from its surroundings (passed in, so it runs in Node tests). */
export interface PlaygroundStoreOptions {
  engine: {
    run: (
      input: RunInput,
      options?: {
        timeoutMs?: number;
        onStart?: () => void;
        pause?: { plan: PausePlan; onPause: (trace: Trace) => void };
      },
    ) => Promise<Trace>;
    // A run whose packages could not be made ready rejects with PackagesNotReady.
    /** Stop the run in flight, if the engine can. */
    stop?: () => void;
    /** Let a held run go on (see BrowserEngine.resume). */
    resume?: (command: PauseCommand) => boolean;
  };
  /** Whether runs can be held at their events (the page is cross-origin isolated). */
  canHold?: boolean;
  /** The per-run time limit in milliseconds (0: none). */
  timeLimitMs?: number;
  project: Project;
  request: RequestDraft;
  settings?: RunSettings;
  live?: boolean;
  now?: () => number;
  /** Call `task` after `ms`; returns a function that cancels it. */
  schedule?: (task: () => void, ms: number) => () => void;
}

/**
 * Create the page's state: code, request, settings, runs and the selected event. Every run
 * carries a sequence number; a reply to a run that is no longer the newest still resolves its
 * promise but is not shown.
 *
 * @example
 * const store = createPlaygroundStore({ engine, project: DEFAULT_PROJECT, request: DEFAULT_REQUEST });
 * const trace = await store.run();
 */
export function createPlaygroundStore(options: PlaygroundStoreOptions) {
  const now = options.now ?? (() => performance.now());
  const schedule =
    options.schedule ??
    ((task: () => void, ms: number) => {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    });
  const stateStore = createStateStore<PlaygroundState>({
    project: options.project,
    activeFile: entryFile(options.project),
    libraryFile: null,
    request: options.request,
    settings: options.settings ?? DEFAULT_RUN_SETTINGS,
    pendingRun: null,
    startedRun: null,
    result: null,
    shownTrace: null,
    selectedSeq: null,
    live: options.live ?? true,
    liveNote: null,
    timeLimitMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    held: null,
    breakpoints: NO_BREAKPOINTS,
  });
  const { getState, setState: update, subscribe } = stateStore;
  let newestSeq = 0;
  let cancelLiveRun: (() => void) | null = null;

  const changed = (change: StateChange<PlaygroundState>): void => {
    update(change);
    // A held run is being looked at: typing does not throw it away.
    if (!getState().live || getState().held) return;
    cancelLiveRun?.();
    cancelLiveRun = schedule(() => {
      cancelLiveRun = null;
      run(null, true).catch(() => {});
    }, LIVE_DELAY_MS);
  };

  const projectActions = createProjectActions(getState, changed, update);
  const livePause = createLivePauseActions({
    getState,
    update,
    run: (plan) => run(plan),
    engine: options.engine,
    canHold: options.canHold ?? false,
  });

  /** Run the app; with `plan` (where runs can be held), hold it where the plan says. */
  async function run(plan: PausePlan | null = null, live = false): Promise<Trace> {
    cancelLiveRun?.();
    cancelLiveRun = null;
    if (getState().held) options.engine.stop?.(); // a new run ends the one held
    const seq = ++newestSeq;
    const started = now();
    const { project, request, settings } = getState();
    const input = { project, request: toHttpRequest(request), settings };
    update({ pendingRun: seq, held: null });
    const onPause = (trace: Trace): void => {
      if (seq !== newestSeq) return;
      const held = heldRunOf(seq, trace);
      update({ held, shownTrace: held.trace, selectedSeq: held.atSeq });
    };
    try {
      const trace = await options.engine.run(input, {
        timeoutMs: getState().timeLimitMs,
        onStart: () => {
          if (seq === newestSeq) update({ startedRun: seq });
        },
        ...(plan && options.canHold ? { pause: { plan, onPause } } : {}),
      });
      if (seq === newestSeq) {
        update({
          pendingRun: null,
          startedRun: null,
          held: null,
          result: {
            kind: 'trace',
            seq,
            trace,
            roundTripMs: now() - started,
            ...(live ? { live } : {}),
          },
          ...viewAfterRun(getState(), trace),
        });
      }
      return trace;
    } catch (error) {
      if (seq === newestSeq)
        update({ pendingRun: null, startedRun: null, held: null, result: failedRun(seq, error) });
      throw error;
    }
  }

  return {
    /** The current state (a new object after each change, for `useSyncExternalStore`). */
    getState,
    /** Call `listener` after each change; returns the unsubscribe function. */
    subscribe,
    ...projectActions,
    ...livePause,
    /** Change some fields of the request. */
    setRequest(patch: Partial<RequestDraft>): void {
      changed((state) => ({ request: { ...state.request, ...patch } }));
    },
    /** Change some settings. */
    setSettings(patch: Partial<RunSettings>): void {
      changed((state) => ({ settings: { ...state.settings, ...patch } }));
    },
    /** Select a timeline event by its `seq` (or none); the editor opens the event's file. */
    select(seq: number | null): void {
      const state = getState();
      if (seq === state.selectedSeq) return;
      const file = fileOfSeq(state.shownTrace, seq);
      const opens =
        file !== null && file !== state.activeFile && Object.hasOwn(state.project.files, file);
      update({ selectedSeq: seq, ...(opens ? { activeFile: file, libraryFile: null } : {}) });
    },
    /** Switch live mode on or off. */
    setLive(live: boolean): void {
      if (!live) {
        cancelLiveRun?.();
        cancelLiveRun = null;
      }
      update({ live, liveNote: null });
    },
    /** Set the per-run time limit (milliseconds; 0 for none). */
    setTimeLimit(ms: number): void {
      update({ timeLimitMs: Math.max(0, Math.round(ms)) });
    },
    /** Stop the run in flight; its trace so far arrives with outcome `stopped`. */
    stop(): void {
      if (getState().pendingRun !== null) options.engine.stop?.();
    },
    /** Run the current code on the current request, held at the breakpoints if there are
     * any; rejects only when the engine fails. */
    run: () => run(livePause.breakpointPlan()),
  };
}

/** The page's state and its actions. */
export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

/** The result of run `seq`, which failed with `error` before it produced a Trace. */
function failedRun(seq: number, error: unknown): RunResult {
  if (error instanceof PackagesNotReady) {
    const { title, message, hint, missingFiles } = error;
    return { kind: 'packages-error', seq, title, message, hint, missingFiles };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'engine-error', seq, message };
}

/** The Trace of the newest finished run, if it produced one. */
export function latestTrace(state: PlaygroundState): Trace | null {
  return state.result?.kind === 'trace' ? state.result.trace : null;
}

/** The entry file's text: a one-file app's code. */
export function stateCode(state: PlaygroundState): string {
  return entryCode(state.project);
}

/** The project file of event `seq` of `trace`, if there is such an event. */
function fileOfSeq(trace: Trace | null, seq: number | null): string | null {
  // (A stand-in trace in the store's tests has no events.)
  const event = trace?.events && eventBySeq(trace.events, seq);
  return trace && event ? fileOfEvent(event, traceEntryFile(trace)) : null;
}
