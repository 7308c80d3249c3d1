/**
 * What the page shows of its packages: where the newest preparation is (resolving, each file's
 * download, the pins it installed, or why it failed), what the engine says while it makes the
 * set's interpreter image, and whether the Packages panel is open. Changed by pure functions,
 * one for each thing that happens.
 */
import type { LockedPin } from '../../src/index.ts';
import type { PackageError, PackageProgress } from './prepareContract.ts';

/** One wheel file of the preparation. */
export interface FileProgress {
  filename: string;
  /** Bytes so far, and of the whole file when the index said. */
  loaded: number;
  total: number | null;
  /** Downloading, verified from the page's cache, or verified after a download. */
  state: 'downloading' | 'cached' | 'downloaded';
}

/** Where the newest preparation is. */
export type PreparePhase = 'idle' | 'preparing' | 'ready' | 'failed';

/** The packages' part of the page. */
export interface PackagesState {
  readonly panelOpen: boolean;
  /** Which packages (a `packagesKey`) the newest preparation is of; null before any. */
  readonly key: string | null;
  readonly phase: PreparePhase;
  /** The projects resolved so far (the last one is being resolved while preparing). */
  readonly resolved: readonly string[];
  /** The wheel files, in the order they were first heard of. */
  readonly files: readonly FileProgress[];
  /** How many files the set holds, when known before they arrive (a lock says). */
  readonly expected: number | null;
  /** What was installed (when ready). */
  readonly pins: readonly LockedPin[];
  readonly error: PackageError | null;
  /** What the engine says while it readies Python for the set, if anything. */
  readonly engineNote: string | null;
  /** Said once when the page cannot keep packages between visits (private mode, quota). */
  readonly storeNote: string | null;
}

/** Nothing prepared yet. */
export const NO_PACKAGES: PackagesState = {
  panelOpen: false,
  key: null,
  phase: 'idle',
  resolved: [],
  files: [],
  expected: null,
  pins: [],
  error: null,
  engineNote: null,
  storeNote: null,
};

/** A preparation of `key` begins (`expected` files, when a lock says how many). */
export function preparing(
  state: PackagesState,
  key: string,
  expected: number | null,
): PackagesState {
  return {
    ...state,
    key,
    phase: 'preparing',
    resolved: [],
    files: [],
    expected,
    pins: [],
    error: null,
  };
}

/** `file` with `change`, added at the end if it is new. */
function withFile(files: readonly FileProgress[], file: FileProgress): FileProgress[] {
  const at = files.findIndex((known) => known.filename === file.filename);
  return at === -1 ? [...files, file] : files.map((known, i) => (i === at ? file : known));
}

/** What preparing said it is doing. */
export function progressed(state: PackagesState, progress: PackageProgress): PackagesState {
  switch (progress.stage) {
    case 'resolving':
      return state.resolved.includes(progress.project)
        ? state
        : { ...state, resolved: [...state.resolved, progress.project] };
    case 'downloading': {
      const { filename, loaded, total } = progress;
      return {
        ...state,
        files: withFile(state.files, { filename, loaded, total, state: 'downloading' }),
      };
    }
    case 'verified': {
      const known = state.files.find((file) => file.filename === progress.filename);
      const size = known?.total ?? known?.loaded ?? 0;
      const file: FileProgress = {
        filename: progress.filename,
        loaded: size,
        total: known?.total ?? null,
        state: progress.fromCache ? 'cached' : 'downloaded',
      };
      return { ...state, files: withFile(state.files, file) };
    }
  }
}

/** The preparation of `key` ended; a later one may have begun meanwhile (then it is left be). */
export function prepared(
  state: PackagesState,
  key: string,
  outcome: { pins: readonly LockedPin[] } | { error: PackageError },
): PackagesState {
  if (state.key !== key) return state;
  return 'error' in outcome
    ? { ...state, phase: 'failed', error: outcome.error, pins: [] }
    : { ...state, phase: 'ready', error: null, pins: outcome.pins };
}
