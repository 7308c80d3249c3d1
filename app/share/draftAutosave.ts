/** The draft saved as the person types: a moment after the last change, or at once. */
import { changedSettings, loadDraft, saveDraft, type KeyValueStorage } from '../../src/index.ts';
import { isOwnProject } from '../gallery/loadExample.ts';
import {
  DEFAULT_RUN_SETTINGS,
  type PlaygroundState,
  type PlaygroundStore,
} from '../state/playgroundStore.ts';

/** The draft is saved this long after the last change. */
export const SAVE_DELAY_MS = 300;

/** What the autosave needs from its surroundings. */
export interface DraftAutosaveOptions {
  store: Pick<PlaygroundStore, 'getState'>;
  /** The person's storage; null in embed mode, where nothing is saved. */
  storage: KeyValueStorage | null;
  schedule: (task: () => void, ms: number) => () => void;
  /** Whether what is on screen was opened from elsewhere and is still unedited. */
  isAdopted: () => boolean;
  /** Whether a run may be hung (saved with the draft). */
  runInFlight: () => boolean;
}

/** Save the store's code, request and settings as the person's draft. */
export function createDraftAutosave(options: DraftAutosaveOptions) {
  const { store, storage } = options;
  let cancelSave: (() => void) | null = null;

  /** Whether saving now would keep what the person wants kept. */
  function maySave(current: PlaygroundState): boolean {
    if (!storage || options.isAdopted()) return false;
    // Never replace the person's own code with the first-visit app or an untouched example.
    if (!isOwnProject(current.project)) {
      const saved = loadDraft(storage);
      if (saved && isOwnProject(saved.project)) return false;
    }
    return true;
  }

  function saveNow(): void {
    cancelSave?.();
    cancelSave = null;
    const current = store.getState();
    if (!storage || !maySave(current)) return;
    saveDraft(storage, {
      project: current.project,
      request: current.request,
      settings: changedSettings(current.settings, DEFAULT_RUN_SETTINGS),
      runInFlight: options.runInFlight(),
    });
  }

  return {
    /** Save now (if saving is allowed), dropping a pending save. */
    saveNow,
    /** Save `SAVE_DELAY_MS` after the last call. */
    saveSoon(): void {
      cancelSave?.();
      cancelSave = options.schedule(saveNow, SAVE_DELAY_MS);
    },
    /** Save a pending change now (the page is being hidden or closed). */
    flush(): void {
      if (cancelSave) saveNow();
    },
    /** Drop a pending save (a later flush has nothing to save). */
    cancel(): void {
      cancelSave?.();
      cancelSave = null;
    },
  };
}

/** The draft autosave of a page. */
export type DraftAutosave = ReturnType<typeof createDraftAutosave>;
