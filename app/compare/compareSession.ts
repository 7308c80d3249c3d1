/**
 * The page's comparison of two runs: which runs are compared, and each side's trace as it
 * arrives. A side without a trace runs again in the engine (each run gets a pristine
 * interpreter, so a re-run does what the run did, times aside). Every side's run carries a
 * sequence number; a reply for a side picked over since is dropped. Framework-free.
 */
import {
  PERSONALITIES,
  toHttpRequest,
  type HistoryEntry,
  type Personality,
  type RunInput,
  type Trace,
} from '../../src/index.ts';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import type { ShareSession } from '../share/shareSession.ts';
import type { Workbench } from '../share/startup.ts';
import { createStateStore } from '../state/stateStore.ts';
import {
  historySource,
  linkSources,
  serverSource,
  thisRunSource,
  type CompareSource,
} from './compareSources.ts';

/** One side of the comparison: its run, and where its trace is. */
export type CompareSideState =
  | { source: CompareSource; status: 'running' }
  | { source: CompareSource; status: 'done'; trace: Trace }
  | { source: CompareSource; status: 'failed'; message: string };

/** What the compare view shows. */
export interface CompareState {
  open: boolean;
  a: CompareSideState | null;
  b: CompareSideState | null;
}

/** What the comparison needs from the page. */
export interface CompareSessionOptions {
  engine: { run: (input: RunInput, options?: { timeoutMs?: number }) => Promise<Trace> };
  store: Pick<PlaygroundStore, 'getState'>;
  /** The history and the inputs of the run on screen (absent: only this run and links). */
  share?:
    | { getState: () => { history: readonly HistoryEntry[] }; runRecord: ShareSession['runRecord'] }
    | undefined;
}

/** Which side of a comparison: the run before (A) or after (B). */
export type CompareSideName = 'a' | 'b';

/** Create the page's comparison (closed until a run is compared). */
export function createCompareSession(options: CompareSessionOptions) {
  const state = createStateStore<CompareState>({ open: false, a: null, b: null });
  const tokens: Record<CompareSideName, number> = { a: 0, b: 0 };

  /** Put `source` on `side`, running it when its trace is not known. */
  function load(side: CompareSideName, source: CompareSource): void {
    const token = ++tokens[side];
    if (source.trace) {
      state.setState({ [side]: { source, status: 'done', trace: source.trace } });
      return;
    }
    state.setState({ [side]: { source, status: 'running' } });
    const { project, request, settings } = source.bench;
    const input: RunInput = { project, request: toHttpRequest(request), settings };
    options.engine
      .run(input, { timeoutMs: options.store.getState().timeLimitMs })
      .then(
        (trace): CompareSideState => ({ source, status: 'done', trace }),
        (error: unknown): CompareSideState => ({
          source,
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
      )
      .then((next) => {
        if (token === tokens[side]) state.setState({ [side]: next });
      });
  }

  /** The run on screen, as a source. */
  const thisRun = (): CompareSource => {
    const current = options.store.getState();
    const seq = current.result?.seq;
    return thisRunSource(current, seq === undefined ? undefined : options.share?.runRecord(seq));
  };

  const open = (a: CompareSource, b: CompareSource): void => {
    load('a', a);
    load('b', b);
    state.setState({ open: true });
  };

  return {
    getState: state.getState,
    subscribe: state.subscribe,
    /** Compare run `a` with run `b`. */
    open,
    /** Compare a run of the history (A) with the run on screen (B). */
    compareEntry(entry: HistoryEntry): void {
      open(historySource(entry), thisRun());
    },
    /** Compare the run on screen under server `a` with it under server `b`. */
    compareServers(a: Personality = 'http', b: Personality = 'gunicorn'): void {
      const current = thisRun();
      open(serverSource(current, a), serverSource(current, b));
    },
    /** Compare the two runs of a compare link. */
    openPair(a: Workbench, b: Workbench): void {
      const [sourceA, sourceB] = linkSources(a, b);
      open(sourceA, sourceB);
    },
    /** Compare another run on one side. */
    pick(side: CompareSideName, source: CompareSource): void {
      load(side, source);
    },
    /** The runs that can be picked: those compared now, the run on screen (as it ran, and
     * under each server), the history. */
    sources(): CompareSource[] {
      const { a, b } = state.getState();
      const current = thisRun();
      const offered = [
        ...(a ? [a.source] : []),
        ...(b ? [b.source] : []),
        current,
        ...PERSONALITIES.map((personality) => serverSource(current, personality)),
        ...(options.share?.getState().history.map(historySource) ?? []),
      ];
      // The first of each id: a side's own source (with its trace) over a fresh copy.
      return offered.filter(
        (source, index) => offered.findIndex((s) => s.id === source.id) === index,
      );
    },
    /** Close the view (the sides are kept until the next comparison). */
    close(): void {
      state.setState({ open: false });
    },
  };
}

/** The page's comparison. */
export type CompareSession = ReturnType<typeof createCompareSession>;
