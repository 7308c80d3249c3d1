/**
 * Where what is on screen came from — a shared link (unchanged or edited since), an example,
 * the person's own draft — and the notices that say so.
 */
import { loadDraft, type KeyValueStorage } from '../../src/index.ts';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import type { StateStore } from '../state/stateStore.ts';
import { runSettingsFrom, type Notice, type Workbench } from './startup.ts';

/** What differs from the shared run. */
export type SharedPart = 'code' | 'request' | 'settings';

/** The part of the share session's state the provenance owns. */
export interface LinkProvenanceState {
  notices: readonly Notice[];
  /** The shared run on screen and what changed since it was opened; null when not from a link. */
  shared: { baseline: Workbench; changed: readonly SharedPart[] } | null;
  /** Whether a saved draft exists that the page is not showing (to offer going back to it). */
  draftAside: boolean;
}

/** What the provenance needs from its surroundings. */
export interface LinkProvenanceOptions {
  store: Pick<PlaygroundStore, 'setProject' | 'setRequest' | 'setSettings'>;
  /** The person's storage (where the draft is); null in embed mode. */
  storage: KeyValueStorage | null;
  state: StateStore<LinkProvenanceState>;
  /** Called once the person first edits what a link opened (the page drops the link's hash). */
  onLeaveLink?: (() => void) | undefined;
}

/** Which parts of `bench` differ from `baseline`. */
export function changedParts(baseline: Workbench, bench: Workbench): SharedPart[] {
  const parts: SharedPart[] = [];
  if (JSON.stringify(bench.project) !== JSON.stringify(baseline.project)) parts.push('code');
  if (JSON.stringify(bench.request) !== JSON.stringify(baseline.request)) parts.push('request');
  if (JSON.stringify(bench.settings) !== JSON.stringify(baseline.settings)) parts.push('settings');
  return parts;
}

/** `notices` but those of `kinds`. */
const without = (notices: readonly Notice[], ...kinds: Notice['kind'][]): Notice[] =>
  notices.filter((notice) => !kinds.includes(notice.kind));

/** Track where the store's contents came from, and the notices about it. */
export function createLinkProvenance(options: LinkProvenanceOptions) {
  const { store, storage, state } = options;
  /** Set while the page loads contents itself: those changes are not the person's edits. */
  let loading = false;
  /** Set while a link's or an example's contents are unedited: they are not saved. */
  let adopted = false;

  function whileLoading<T>(task: () => T): T {
    loading = true;
    try {
      return task();
    } finally {
      loading = false;
    }
  }

  function putOnScreen(bench: Workbench): void {
    store.setProject(bench.project);
    store.setRequest(bench.request);
    store.setSettings(bench.settings);
  }

  /** Put `bench` in the store as one change that is not an edit. */
  const load = (bench: Workbench): void => whileLoading(() => putOnScreen(bench));

  /** Mark what is on screen as opened from elsewhere: unsaved until the person edits it. */
  function adopt(): void {
    adopted = true;
    state.setState({ draftAside: storage !== null && loadDraft(storage) !== null });
  }

  return {
    /** Whether what is on screen was opened from elsewhere and is still unedited. */
    isAdopted: (): boolean => adopted,
    /**
     * The code, request or settings changed to `bench`; returns whether that was the person's
     * edit (not the page loading contents), which is to be saved as the draft.
     */
    edited(bench: Workbench): boolean {
      if (loading) return false;
      if (adopted) {
        // The person's first edit: from now on this is their draft.
        adopted = false;
        options.onLeaveLink?.();
        state.setState({ draftAside: false });
      } else if (state.getState().notices.some((notice) => notice.kind === 'bad-link')) {
        // Working on the draft under a bad link: a reload should not show the link's error again.
        options.onLeaveLink?.();
      }
      const { shared } = state.getState();
      if (shared) {
        const changed = changedParts(shared.baseline, bench);
        if (changed.join() !== shared.changed.join())
          state.setState({ shared: { ...shared, changed } });
      }
      return true;
    },
    /** Show a notice (replacing one of the same kind). */
    notify(notice: Notice): void {
      state.setState((s) => ({ notices: [...without(s.notices, notice.kind), notice] }));
    },
    /** Hide the notices of a kind. */
    dismiss(kind: Notice['kind']): void {
      state.setState((s) => ({ notices: without(s.notices, kind) }));
    },
    /**
     * Put a shared run on screen without saving it over the person's draft (until they edit
     * it). The caller runs it.
     */
    openShared(bench: Workbench, version: number): void {
      load(bench);
      adopt();
      state.setState((s) => ({
        shared: { baseline: bench, changed: [] },
        notices: [...without(s.notices, 'shared', 'hung'), { kind: 'shared', version }],
      }));
    },
    /**
     * Let `put` load contents that are not the person's (a gallery example) without them
     * being saved as the draft until the person edits them.
     */
    openOther<T>(put: () => T): T {
      const result = whileLoading(put);
      adopt();
      state.setState((s) => ({ shared: null, notices: without(s.notices, 'shared') }));
      return result;
    },
    /** Put the shared run back as it was opened (an edit: it is saved as the draft). */
    revertToShared(): void {
      const { shared } = state.getState();
      if (shared) putOnScreen(shared.baseline);
    },
    /** Put the person's saved draft back on screen, leaving the link. */
    backToDraft(): void {
      const draft = storage ? loadDraft(storage) : null;
      if (!draft) return;
      adopted = false;
      load({
        project: draft.project,
        request: draft.request,
        settings: runSettingsFrom(draft.settings),
      });
      options.onLeaveLink?.();
      state.setState((s) => ({
        shared: null,
        draftAside: false,
        notices: without(s.notices, 'shared'),
      }));
    },
  };
}

/** The link provenance of a page. */
export type LinkProvenance = ReturnType<typeof createLinkProvenance>;
