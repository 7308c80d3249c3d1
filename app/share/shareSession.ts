/**
 * Persistence and provenance of what is on screen: the draft saved as the person types, the
 * run-in-flight mark that keeps a hung app from re-running on reload, the history of runs, and
 * where the contents came from (a shared link, unchanged or edited since) with the notices
 * that say so. Framework-free: it watches the playground store.
 */
import {
  changedSettings,
  clearHistory,
  loadDraft,
  loadHistory,
  recordHistory,
  saveDraft,
  type HistoryEntry,
  type KeyValueStorage,
  type Trace,
} from '../../src/index.ts';
import { isOwnCode } from '../gallery/loadExample.ts';
import {
  DEFAULT_RUN_SETTINGS,
  type PlaygroundState,
  type PlaygroundStore,
} from '../state/playgroundStore.ts';
import { historyEntryOf, isQuickRerun } from './historyEntry.ts';
import { runSettingsFrom, type Notice, type Workbench } from './startup.ts';

/** The draft is saved this long after the last change. */
export const SAVE_DELAY_MS = 300;
/** Outcomes of runs that did not end by themselves: reloading must not start them again. */
const DID_NOT_FINISH: ReadonlySet<Trace['outcome']> = new Set(['timeout', 'stopped', 'crash']);

/** What differs from the shared run. */
export type SharedPart = 'code' | 'request' | 'settings';

/** What the share notices and the history show. */
export interface ShareSessionState {
  notices: readonly Notice[];
  /** The shared run on screen and what changed since it was opened; null when not from a link. */
  shared: { baseline: Workbench; changed: readonly SharedPart[] } | null;
  history: readonly HistoryEntry[];
  /** Whether a saved draft exists that the page is not showing (to offer going back to it). */
  draftAside: boolean;
}

/** The inputs of a run, kept by its sequence number (exports need the code that ran). */
export interface RunRecord {
  bench: Workbench;
  startedAt: Date;
}

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
  code: state.code,
  request: state.request,
  settings: state.settings,
});

/** Which parts of `bench` differ from `baseline`. */
export function changedParts(baseline: Workbench, bench: Workbench): SharedPart[] {
  const parts: SharedPart[] = [];
  if (bench.code !== baseline.code) parts.push('code');
  if (JSON.stringify(bench.request) !== JSON.stringify(baseline.request)) parts.push('request');
  if (JSON.stringify(bench.settings) !== JSON.stringify(baseline.settings)) parts.push('settings');
  return parts;
}

/**
 * Watch `store`: save the draft (debounced), mark runs in flight, record finished runs, and
 * track a shared run's changes.
 *
 * @example
 * const session = createShareSession({ store, storage: localStorage });
 * session.openShared(workbench, 1);
 */
/** A run in Python this long counts as possibly hung if the page is reloaded meanwhile. */
export const HUNG_AFTER_MS = 1000;

export function createShareSession(options: ShareSessionOptions) {
  const { store, storage } = options;
  const now = options.now ?? (() => Date.now());
  const schedule =
    options.schedule ??
    ((task: () => void, ms: number) => {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    });
  const listeners = new Set<() => void>();
  let state: ShareSessionState = {
    notices: [],
    shared: null,
    history: storage ? loadHistory(storage) : [],
    draftAside: false,
  };
  const runs = new Map<number, RunRecord>();
  let last = store.getState();
  /** Set while the page loads contents itself: those changes are not the person's edits. */
  let loading = false;
  /** Set while a link's or an example's contents are unedited: they are not saved. */
  let adopted = false;
  let runInFlight = storage ? (loadDraft(storage)?.runInFlight ?? false) : false;
  let cancelSave: (() => void) | null = null;
  let cancelInFlight: (() => void) | null = null;

  const update = (patch: Partial<ShareSessionState>): void => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  /** Whether saving now would keep what the person wants kept. */
  function maySave(current: PlaygroundState): boolean {
    if (!storage || adopted) return false;
    // Never replace the person's own code with the first-visit app or an untouched example.
    if (!isOwnCode(current.code)) {
      const saved = loadDraft(storage);
      if (saved && isOwnCode(saved.code)) return false;
    }
    return true;
  }

  function saveNow(): void {
    cancelSave?.();
    cancelSave = null;
    const current = store.getState();
    if (!storage || !maySave(current)) return;
    saveDraft(storage, {
      code: current.code,
      request: current.request,
      settings: changedSettings(current.settings, DEFAULT_RUN_SETTINGS),
      runInFlight,
    });
  }

  function saveSoon(): void {
    cancelSave?.();
    cancelSave = schedule(saveNow, SAVE_DELAY_MS);
  }

  function record(seq: number, trace: Trace): void {
    if (!storage) return;
    const entry = historyEntryOf(runs.get(seq)?.bench ?? benchOf(store.getState()), trace, now());
    const replaceNewest = isQuickRerun(state.history[0], entry);
    update({ history: recordHistory(storage, entry, { replaceNewest }) });
  }

  function onChange(): void {
    const current = store.getState();
    const previous = last;
    last = current;
    if (current.pendingRun !== null && current.pendingRun !== previous.pendingRun) {
      runs.set(current.pendingRun, { bench: benchOf(current), startedAt: new Date(now()) });
      if (state.notices.some((n) => n.kind === 'hung')) dismiss('hung');
    }
    if (current.startedRun !== null && current.startedRun !== previous.startedRun) {
      // If this run hangs and the page is reloaded, it must not start again: marked once it
      // has been in Python for a moment (a run waiting for its interpreter cannot hang, and a
      // reload in the middle of a quick run is not a hang), and saved at once then.
      cancelInFlight?.();
      cancelInFlight = schedule(() => {
        cancelInFlight = null;
        runInFlight = true;
        saveNow();
      }, HUNG_AFTER_MS);
    }
    if (current.result !== previous.result && current.result !== null) {
      const { result } = current;
      cancelInFlight?.();
      cancelInFlight = null;
      runInFlight = result.kind === 'trace' && DID_NOT_FINISH.has(result.trace.outcome);
      for (const seq of runs.keys()) if (seq < result.seq) runs.delete(seq);
      if (result.kind === 'trace') record(result.seq, result.trace);
      saveNow();
    }
    const edited =
      current.code !== previous.code ||
      current.request !== previous.request ||
      current.settings !== previous.settings;
    if (!edited || loading) return;
    if (adopted) {
      // The person's first edit: from now on this is their draft.
      adopted = false;
      options.onLeaveLink?.();
      update({ draftAside: false });
    } else if (state.notices.some((notice) => notice.kind === 'bad-link')) {
      // Working on the draft under a bad link: a reload should not show the link's error again.
      options.onLeaveLink?.();
    }
    if (state.shared) {
      const changed = changedParts(state.shared.baseline, benchOf(current));
      if (changed.join() !== state.shared.changed.join())
        update({ shared: { ...state.shared, changed } });
    }
    saveSoon();
  }

  /** Put `bench` in the store as one change that is not an edit. */
  function load(bench: Workbench): void {
    loading = true;
    try {
      store.setCode(bench.code);
      store.setRequest(bench.request);
      store.setSettings(bench.settings);
    } finally {
      loading = false;
      last = store.getState();
    }
  }

  /** Mark what is on screen as opened from elsewhere: unsaved until the person edits it. */
  function adopt(): void {
    adopted = true;
    last = store.getState();
    update({ draftAside: storage !== null && loadDraft(storage) !== null });
  }

  function dismiss(kind: Notice['kind']): void {
    update({ notices: state.notices.filter((notice) => notice.kind !== kind) });
  }

  const unsubscribe = store.subscribe(onChange);

  return {
    /** The current state (a new object after each change). */
    getState: (): ShareSessionState => state,
    /** Call `listener` after each change; returns the unsubscribe function. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Show a notice (replacing one of the same kind). */
    notify(notice: Notice): void {
      update({ notices: [...state.notices.filter((n) => n.kind !== notice.kind), notice] });
    },
    /** Hide the notices of a kind. */
    dismiss,
    /**
     * Put a shared run on screen without saving it over the person's draft (until they edit
     * it). The caller runs it.
     */
    openShared(bench: Workbench, version: number): void {
      load(bench);
      adopt();
      update({
        shared: { baseline: bench, changed: [] },
        notices: [
          ...state.notices.filter((n) => n.kind !== 'shared' && n.kind !== 'hung'),
          { kind: 'shared', version },
        ],
      });
    },
    /**
     * Let `put` load contents that are not the person's (a gallery example) without them
     * being saved as the draft until the person edits them.
     */
    openOther<T>(put: () => T): T {
      loading = true;
      let result: T;
      try {
        result = put();
      } finally {
        loading = false;
      }
      adopt();
      update({ shared: null, notices: state.notices.filter((n) => n.kind !== 'shared') });
      return result;
    },
    /** Put the shared run back as it was opened (an edit: it is saved as the draft). */
    revertToShared(): void {
      if (!state.shared) return;
      const { baseline } = state.shared;
      store.setCode(baseline.code);
      store.setRequest(baseline.request);
      store.setSettings(baseline.settings);
    },
    /** Put the person's saved draft back on screen, leaving the link. */
    backToDraft(): void {
      const draft = storage ? loadDraft(storage) : null;
      if (!draft) return;
      adopted = false;
      load({ code: draft.code, request: draft.request, settings: runSettingsFrom(draft.settings) });
      options.onLeaveLink?.();
      update({
        shared: null,
        draftAside: false,
        notices: state.notices.filter((n) => n.kind !== 'shared'),
      });
    },
    /** Put a run of the history back on screen (code, request, settings). */
    restore(entry: HistoryEntry): void {
      store.setCode(entry.code);
      if (entry.request) store.setRequest(entry.request);
      if (entry.settings) store.setSettings(runSettingsFrom(entry.settings));
    },
    /** Forget the run history. */
    clearHistory(): void {
      if (storage) clearHistory(storage);
      update({ history: [] });
    },
    /** The inputs of run `seq`, while it is the newest or in flight. */
    runRecord(seq: number): RunRecord | undefined {
      return runs.get(seq);
    },
    /** Save a pending change now (the page is being hidden or closed). */
    flush(): void {
      if (cancelSave) saveNow();
    },
    /** Stop watching the store. */
    dispose(): void {
      cancelSave?.();
      unsubscribe();
    },
  };
}

/** The share session of a page. */
export type ShareSession = ReturnType<typeof createShareSession>;
