/**
 * The history of finished runs, and the inputs of the runs still worth knowing (the newest and
 * the one in flight), kept by sequence number.
 */
import {
  clearHistory,
  recordHistory,
  type HistoryEntry,
  type KeyValueStorage,
} from '../../src/index.ts';
import type { PlaygroundStore, RunResult } from '../state/playgroundStore.ts';
import type { StateStore } from '../state/stateStore.ts';
import { historyEntryOf, isQuickRerun } from './historyEntry.ts';
import { runSettingsFrom, type Workbench } from './startup.ts';

/** The inputs of a run, kept by its sequence number (exports need the code that ran). */
export interface RunRecord {
  bench: Workbench;
  startedAt: Date;
}

/** The part of the share session's state the history owns. */
export interface RunHistoryState {
  history: readonly HistoryEntry[];
}

/** What the history needs from its surroundings. */
export interface RunHistoryOptions {
  store: Pick<PlaygroundStore, 'setProject' | 'setRequest' | 'setSettings'>;
  /** Where the history is kept; null in embed mode, which records nothing. */
  storage: KeyValueStorage | null;
  state: StateStore<RunHistoryState>;
  now: () => number;
}

/** Record runs as they are queued and finish. */
export function createRunHistory(options: RunHistoryOptions) {
  const { store, storage, state } = options;
  const runs = new Map<number, RunRecord>();

  let newestLive = false; // whether the newest entry came from a re-run of live mode
  return {
    /** Run `seq` was queued with `bench`. */
    runQueued(seq: number, bench: Workbench): void {
      runs.set(seq, { bench, startedAt: new Date(options.now()) });
    },
    /**
     * Run `result.seq` finished: forget older runs and record it (with `onScreen` as its inputs
     * if it was never queued here).
     */
    runFinished(result: RunResult, onScreen: Workbench): void {
      for (const seq of runs.keys()) if (seq < result.seq) runs.delete(seq);
      if (result.kind !== 'trace' || !storage) return;
      const bench = runs.get(result.seq)?.bench ?? onScreen;
      const entry = historyEntryOf(bench, result.trace, options.now());
      // Live re-runs merge with each other; a run the person asked for stands apart.
      const live = result.live === true;
      const replaceNewest = isQuickRerun(state.getState().history[0], entry, live && newestLive);
      newestLive = live;
      state.setState({ history: recordHistory(storage, entry, { replaceNewest }) });
    },
    /** The inputs of run `seq`, while it is the newest or in flight. */
    runRecord(seq: number): RunRecord | undefined {
      return runs.get(seq);
    },
    /** Put a run of the history back on screen (code, request, settings). */
    restore(entry: HistoryEntry): void {
      store.setProject(entry.project);
      if (entry.request) store.setRequest(entry.request);
      if (entry.settings) store.setSettings(runSettingsFrom(entry.settings));
    },
    /** Forget the run history. */
    clear(): void {
      if (storage) clearHistory(storage);
      state.setState({ history: [] });
    },
  };
}

/** The run history of a page. */
export type RunHistory = ReturnType<typeof createRunHistory>;
