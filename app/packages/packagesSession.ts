/**
 * The page's packages for the session: each distinct set of packages (requirements, index,
 * hand-added wheels) is prepared once and reused by every later run (live mode's too), the
 * locks links bring are followed, and what preparing does is shown (packagesState.ts). The
 * work itself — the IndexedDB store, the resolver — loads only when a project has packages.
 */
import {
  hasPackages,
  packagesKey,
  type ImageStore,
  type PackageLock,
  type PackageSet,
  type Project,
} from '../../src/index.ts';
import { PackagesNotReady } from '../state/packagesNotReady.ts';
import { createStateStore } from '../state/stateStore.ts';
import {
  NO_PACKAGES,
  prepared,
  preparing,
  progressed,
  type PackagesState,
} from './packagesState.ts';
import type { PackageStore } from './packageStore.ts';
import type { PackageError } from './prepareContract.ts';
import type { PreparedSet, PrepareSetWorld } from './preparePackageSet.ts';

/** The part of the page that loads when packages are first needed. */
export interface PackageWorks {
  store: PackageStore;
  prepare(project: Project, world: PrepareSetWorld): Promise<PreparedSet>;
  /** A failure in the person's words (packageErrorWords.ts: its advice is long text). */
  words(error: PackageError): { title: string; message: string; hint: string };
}

/** Said when the lazy part itself cannot load. */
const NOT_LOADED = {
  title: 'The package installer did not load',
  message: 'The page could not load its package installer (offline?).',
  hint: 'Check the connection and run again.',
};

/** What the session needs from the page. */
export interface PackagesSessionOptions {
  fetch: typeof fetch;
  /** Load the store and the resolver (the page: a dynamic import; tests: their own). */
  load: () => Promise<PackageWorks>;
}

/** A prepared set and what it installed. */
interface Ready {
  set: PackageSet;
  lock: PackageLock;
}

/** Create the page's package session. */
export function createPackagesSession(options: PackagesSessionOptions) {
  const state = createStateStore<PackagesState>(NO_PACKAGES);
  const sets = new Map<string, Promise<Ready>>();
  const locks = new Map<string, PackageLock>();
  let works: Promise<PackageWorks> | null = null;
  const load = (): Promise<PackageWorks> => {
    works ??= options.load();
    works.catch(() => (works = null)); // a chunk that failed to load is tried again next time
    return works;
  };

  /** Fail the preparation of `key` with `error`, for the panel and the run. */
  function failed(
    key: string,
    error: PackageError,
    words: { title: string; message: string; hint: string },
  ): PackagesNotReady {
    state.setState((current) => prepared(current, key, { error }));
    const missing = error.kind === 'missing-hand-wheel' ? (error.files ?? []) : [];
    return new PackagesNotReady(words, missing);
  }

  async function prepareAnew(project: Project, key: string): Promise<Ready> {
    state.setState((current) => preparing(current, key, null));
    let loaded: PackageWorks;
    try {
      loaded = await load();
    } catch {
      throw failed(key, { kind: 'offline', message: NOT_LOADED.message }, NOT_LOADED);
    }
    const lock = locks.get(key) ?? (await loaded.store.locks.get(key));
    if (lock && state.getState().key === key) state.setState({ expected: lock.pins.length });
    const result = await loaded.prepare(project, {
      store: loaded.store,
      fetch: options.fetch,
      lock,
      onProgress: (progress) => {
        if (state.getState().key === key)
          state.setState((current) => progressed(current, progress));
      },
    });
    if (!result.ok) throw failed(key, result.error, loaded.words(result.error));
    locks.set(key, result.lock);
    state.setState((current) => prepared(current, key, { pins: result.lock.pins }));
    return { set: result.set, lock: result.lock };
  }

  /** The set of `project`'s packages, prepared once per distinct set (a failure is retried). */
  async function prepareFor(project: Project): Promise<PackageSet> {
    const key = packagesKey(project);
    let pending = sets.get(key);
    if (!pending) {
      pending = prepareAnew(project, key);
      sets.set(key, pending);
      pending.catch(() => sets.delete(key));
    }
    const ready = await pending;
    // Another set was shown meanwhile (another project ran): show this one again.
    if (state.getState().key !== key)
      state.setState((current) =>
        prepared(preparing(current, key, null), key, { pins: ready.lock.pins }),
      );
    return ready.set;
  }

  return {
    getState: state.getState,
    subscribe: state.subscribe,
    prepareFor,
    /** Prepare `project`'s packages without running (the panel's Install); errors show there. */
    install(project: Project): void {
      prepareFor(project).catch(() => {});
    },
    /** Install `lock` for the packages of `project` (a link's pins), over any kept one. */
    adoptLock(project: Project, lock: PackageLock): void {
      locks.set(packagesKey(project), lock);
    },
    /** The lock `project`'s packages resolved to, if they have been (this visit or before). */
    async lockOf(project: Project): Promise<PackageLock | null> {
      if (!hasPackages(project)) return null; // (and the store is not loaded for a link)
      const key = packagesKey(project);
      const known = locks.get(key);
      if (known) return known;
      try {
        return await (await load()).store.locks.get(key);
      } catch {
        return null;
      }
    },
    /** Where the engine keeps each set's interpreter image (the store, loaded when needed). */
    imageStore: {
      get: async (key) => (await load()).store.images.get(key),
      put: async (key, bytes) => (await load()).store.images.put(key, bytes),
    } satisfies ImageStore,
    /** The store, for the panel's hand-added wheels. */
    store: async (): Promise<PackageStore> => (await load()).store,
    /** What the engine says while it readies Python for a set (null: it is done). */
    engineNote(note: string | null): void {
      if (note !== state.getState().engineNote) state.setState({ engineNote: note });
    },
    /** Say that packages are kept for this visit only (once). */
    storeNote(note: string): void {
      if (state.getState().storeNote === null) state.setState({ storeNote: note });
    },
    openPanel: (): void => state.setState({ panelOpen: true }),
    closePanel: (): void => state.setState({ panelOpen: false }),
  };
}

/** The page's package session. */
export type PackagesSession = ReturnType<typeof createPackagesSession>;
