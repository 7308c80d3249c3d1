/**
 * Persistence and provenance of what is on screen, composed from one piece per concern: the
 * draft saved as the person types (draftAutosave), the run-in-flight mark that keeps a hung app
 * from re-running on reload (runInFlightMark), the history of runs (runHistory), and where the
 * contents came from with the notices that say so (linkProvenance). Framework-free: it watches
 * the playground store and tells each piece what changed, in this order.
 */
import { loadDraft, loadHistory, type KeyValueStorage } from '../../src/index.ts';
import type { PlaygroundState, PlaygroundStore } from '../state/playgroundStore.ts';
import { createStateStore } from '../state/stateStore.ts';
import { createDraftAutosave } from './draftAutosave.ts';
import { createLinkProvenance, type LinkProvenanceState } from './linkProvenance.ts';
import { createRunHistory, type RunHistoryState } from './runHistory.ts';
import { createRunInFlightMark } from './runInFlightMark.ts';
import type { Workbench } from './startup.ts';

export { SAVE_DELAY_MS } from './draftAutosave.ts';
export { changedParts, type SharedPart } from './linkProvenance.ts';
export type { RunRecord } from './runHistory.ts';
export { HUNG_AFTER_MS } from './runInFlightMark.ts';

/** What the share notices and the history show. */
export interface ShareSessionState extends LinkProvenanceState, RunHistoryState {}

/** What the session needs from its surroundings. */
export interface ShareSessionOptions {
  store: PlaygroundStore;
  /** The person's storage; null in embed mode, which never reads or writes it. */
  storage: KeyValueStorage | null;
  now?: () => number;
  schedule?: (task: () => void, ms: number) => () => void;
  /** Called once the person first edits what a link opened (the page drops the link's hash). */
  onLeaveLink?: () => void;
}

const benchOf = (state: PlaygroundState): Workbench => ({
  project: state.project,
  request: state.request,
  settings: state.settings,
});

/**
 * Watch `store`: save the draft (debounced), mark runs in flight, record finished runs, and
 * track a shared run's changes.
 *
 * @example
 * const session = createShareSession({ store, storage: localStorage });
 * session.openShared(workbench, 1);
 */
export function createShareSession(options: ShareSessionOptions) {
  const { store, storage } = options;
  const now = options.now ?? (() => Date.now());
  const schedule =
    options.schedule ??
    ((task: () => void, ms: number) => {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    });
  const state = createStateStore<ShareSessionState>({
    notices: [],
    shared: null,
    history: storage ? loadHistory(storage) : [],
    draftAside: false,
  });
  const provenance = createLinkProvenance({
    store,
    storage,
    state,
    onLeaveLink: options.onLeaveLink,
  });
  const mark = createRunInFlightMark({
    marked: storage ? (loadDraft(storage)?.runInFlight ?? false) : false,
    schedule,
    onMarked: () => autosave.saveNow(),
  });
  const autosave = createDraftAutosave({
    store,
    storage,
    schedule,
    isAdopted: provenance.isAdopted,
    runInFlight: mark.isMarked,
  });
  const history = createRunHistory({ store, storage, state, now });
  let last = store.getState();

  function onChange(): void {
    const current = store.getState();
    const previous = last;
    last = current;
    if (current.pendingRun !== null && current.pendingRun !== previous.pendingRun) {
      history.runQueued(current.pendingRun, benchOf(current));
      if (state.getState().notices.some((n) => n.kind === 'hung')) provenance.dismiss('hung');
    }
    if (current.startedRun !== null && current.startedRun !== previous.startedRun)
      mark.runStarted();
    if (current.result !== previous.result && current.result !== null) {
      mark.runFinished(current.result);
      history.runFinished(current.result, benchOf(current));
      autosave.saveNow();
    }
    const edited =
      current.project !== previous.project ||
      current.request !== previous.request ||
      current.settings !== previous.settings;
    if (edited && provenance.edited(benchOf(current))) autosave.saveSoon();
  }

  const unsubscribe = store.subscribe(onChange);

  return {
    /** The current state (a new object after each change). */
    getState: state.getState,
    /** Call `listener` after each change; returns the unsubscribe function. */
    subscribe: state.subscribe,
    // Each piece documents its own actions.
    notify: provenance.notify,
    dismiss: provenance.dismiss,
    openShared: provenance.openShared,
    openOther: provenance.openOther,
    revertToShared: provenance.revertToShared,
    backToDraft: provenance.backToDraft,
    restore: history.restore,
    clearHistory: history.clear,
    runRecord: history.runRecord,
    flush: autosave.flush,
    /** Stop watching the store. */
    dispose(): void {
      autosave.cancel();
      mark.cancel();
      unsubscribe();
    },
  };
}

/** The share session of a page. */
export type ShareSession = ReturnType<typeof createShareSession>;
