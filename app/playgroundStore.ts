import type { Engine, Trace } from '../src/index.ts';
import { toHttpRequest, type RequestDraft } from './requestDraft.ts';

/** The newest finished run: a Trace, or the engine's own failure (never an app bug). */
export type RunResult =
  | { kind: 'trace'; seq: number; trace: Trace; roundTripMs: number }
  | { kind: 'engine-error'; seq: number; message: string };

/** Everything the page shows that is not the engine's status. */
export interface PlaygroundState {
  readonly code: string;
  readonly request: RequestDraft;
  /** The sequence number of the run in flight (queued until Python is ready), if any. */
  readonly pendingRun: number | null;
  readonly result: RunResult | null;
}

/** What the store needs from its surroundings (passed in, so it runs in Node tests). */
export interface PlaygroundStoreOptions {
  engine: Pick<Engine, 'run'>;
  code: string;
  request: RequestDraft;
  now?: () => number;
}

/**
 * Create the page's state: code, request, and runs. Every run carries a sequence number;
 * a reply to a run that is no longer the newest still resolves its promise but is not shown.
 *
 * @example
 * const store = createPlaygroundStore({ engine, code: DEFAULT_CODE, request: DEFAULT_REQUEST });
 * const trace = await store.run();
 */
export function createPlaygroundStore(options: PlaygroundStoreOptions) {
  const now = options.now ?? (() => performance.now());
  const listeners = new Set<() => void>();
  let state: PlaygroundState = {
    code: options.code,
    request: options.request,
    pendingRun: null,
    result: null,
  };
  let newestSeq = 0;

  const update = (patch: Partial<PlaygroundState>): void => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  return {
    /** The current state (a new object after each change, for `useSyncExternalStore`). */
    getState: (): PlaygroundState => state,
    /** Call `listener` after each change; returns the unsubscribe function. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Replace the application's code. */
    setCode(code: string): void {
      if (code !== state.code) update({ code });
    },
    /** Change some fields of the request. */
    setRequest(patch: Partial<RequestDraft>): void {
      update({ request: { ...state.request, ...patch } });
    },
    /** Run the current code on the current request; rejects only when the engine fails. */
    async run(): Promise<Trace> {
      const seq = ++newestSeq;
      const started = now();
      const input = { code: state.code, request: toHttpRequest(state.request) };
      update({ pendingRun: seq });
      try {
        const trace = await options.engine.run(input);
        if (seq === newestSeq) {
          update({
            pendingRun: null,
            result: { kind: 'trace', seq, trace, roundTripMs: now() - started },
          });
        }
        return trace;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (seq === newestSeq)
          update({ pendingRun: null, result: { kind: 'engine-error', seq, message } });
        throw error;
      }
    },
  };
}

/** The page's state and its actions. */
export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

/** The Trace of the newest finished run, if it produced one. */
export function latestTrace(state: PlaygroundState): Trace | null {
  return state.result?.kind === 'trace' ? state.result.trace : null;
}
