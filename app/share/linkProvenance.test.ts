import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, saveDraft, singleFileProject } from '../../src/index.ts';
import { memoryStorage } from '../../src/share/memoryStorage.ts';
import { createPlaygroundStore, DEFAULT_RUN_SETTINGS } from '../state/playgroundStore.ts';
import { createStateStore } from '../state/stateStore.ts';
import { changedParts, createLinkProvenance, type LinkProvenanceState } from './linkProvenance.ts';
import type { Workbench } from './startup.ts';

const BENCH: Workbench = {
  project: singleFileProject('shared'),
  request: { method: 'GET', target: '/', headers: [], body: EMPTY_BODY },
  settings: DEFAULT_RUN_SETTINGS,
};

function setup(storage = memoryStorage()) {
  const engine = { run: () => new Promise<never>(() => {}) };
  const store = createPlaygroundStore({
    engine,
    ...BENCH,
    project: singleFileProject('mine'),
    live: false,
  });
  const state = createStateStore<LinkProvenanceState>({
    notices: [],
    shared: null,
    draftAside: false,
  });
  let leftLink = 0;
  const provenance = createLinkProvenance({
    store,
    storage,
    state,
    onLeaveLink: () => void leftLink++,
  });
  return { storage, store, state, provenance, leftLink: () => leftLink };
}

describe('changedParts', () => {
  it('compares the request and settings by content, not by identity', () => {
    expect(changedParts(BENCH, structuredClone(BENCH))).toEqual([]);
    expect(
      changedParts(BENCH, {
        project: singleFileProject('edited'),
        request: { ...BENCH.request, method: 'POST' },
        settings: { ...BENCH.settings, runOnce: !BENCH.settings.runOnce },
      }),
    ).toEqual(['code', 'request', 'settings']);
  });
});

describe('the link provenance', () => {
  it('takes what an example loads for no edit, and the first edit after it for the person’s', () => {
    const { provenance, leftLink } = setup();
    expect(provenance.openOther(() => provenance.edited(BENCH))).toBe(false);
    expect(provenance.isAdopted()).toBe(true);
    expect(provenance.edited({ ...BENCH, project: singleFileProject('edited') })).toBe(true);
    expect(provenance.isAdopted()).toBe(false);
    provenance.edited({ ...BENCH, project: singleFileProject('edited again') });
    expect(leftLink()).toBe(1);
  });

  it('offers the draft aside only when one is saved', () => {
    const { storage, state, provenance } = setup();
    provenance.openOther(() => {});
    expect(state.getState().draftAside).toBe(false);
    saveDraft(storage, {
      ...BENCH,
      project: singleFileProject('mine'),
      settings: {},
      runInFlight: false,
    });
    provenance.openShared(BENCH, 1);
    expect(state.getState().draftAside).toBe(true);
  });

  it('leaves the shared run and its notice when an example is opened over it', () => {
    const { state, provenance } = setup();
    provenance.notify({ kind: 'bad-link', message: 'x' });
    provenance.openShared(BENCH, 1);
    provenance.openOther(() => {});
    expect(state.getState()).toMatchObject({
      shared: null,
      notices: [{ kind: 'bad-link', message: 'x' }],
    });
  });

  it('replaces a notice of the same kind, keeping the others', () => {
    const { state, provenance } = setup();
    provenance.notify({ kind: 'bad-link', message: 'first' });
    provenance.notify({ kind: 'hung' });
    provenance.notify({ kind: 'bad-link', message: 'second' });
    expect(state.getState().notices).toEqual([
      { kind: 'hung' },
      { kind: 'bad-link', message: 'second' },
    ]);
  });

  it('does nothing to go back to a draft or a shared run that is not there', () => {
    const { store, state, provenance, leftLink } = setup();
    const before = { page: store.getState(), provenance: state.getState() };
    provenance.backToDraft();
    provenance.revertToShared();
    expect({ page: store.getState(), provenance: state.getState() }).toEqual(before);
    expect(store.getState()).toBe(before.page);
    expect(leftLink()).toBe(0);
  });
});
