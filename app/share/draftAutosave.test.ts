import { describe, expect, it } from 'vitest';
import {
  EMPTY_BODY,
  loadDraft,
  saveDraft,
  type RequestDraft,
  singleFileProject,
} from '../../src/index.ts';
import { memoryStorage } from '../../src/share/memoryStorage.ts';
import { DEFAULT_CODE } from '../state/defaultExample.ts';
import { createPlaygroundStore } from '../state/playgroundStore.ts';
import { createDraftAutosave, SAVE_DELAY_MS } from './draftAutosave.ts';
import { handSchedule } from './handSchedule.testing.ts';

const REQUEST: RequestDraft = { method: 'GET', target: '/', headers: [], body: EMPTY_BODY };
const MINE = 'def application(environ, start_response): ...  # mine\n';

function setup(code = MINE, { adopted = false, runInFlight = false } = {}) {
  const storage = memoryStorage();
  const clock = handSchedule();
  const engine = { run: () => new Promise<never>(() => {}) };
  const store = createPlaygroundStore({
    engine,
    project: singleFileProject(code),
    request: REQUEST,
    live: false,
  });
  const autosave = createDraftAutosave({
    store,
    storage,
    schedule: clock.schedule,
    isAdopted: () => adopted,
    runInFlight: () => runInFlight,
  });
  return { storage, clock, store, autosave };
}

describe('the draft autosave', () => {
  it('saves once, a moment after the last of several changes', () => {
    const { storage, clock, store, autosave } = setup(MINE, { runInFlight: true });
    autosave.saveSoon();
    store.setSettings({ runOnce: true });
    autosave.saveSoon();
    expect(clock.delays()).toEqual([SAVE_DELAY_MS]);
    expect(loadDraft(storage)).toBeNull();
    clock.fire();
    expect(loadDraft(storage)).toEqual({
      project: singleFileProject(MINE),
      request: REQUEST,
      settings: { runOnce: true },
      runInFlight: true,
    });
  });

  it('saves nothing while the contents were opened from elsewhere and are unedited', () => {
    const { storage, autosave } = setup(MINE, { adopted: true });
    autosave.saveNow();
    expect(loadDraft(storage)).toBeNull();
  });

  it('saves the default app over a draft that is not the person’s own code either', () => {
    const { storage, autosave } = setup(DEFAULT_CODE);
    saveDraft(storage, {
      project: singleFileProject(DEFAULT_CODE),
      request: REQUEST,
      settings: {},
      runInFlight: true,
    });
    autosave.saveNow();
    expect(loadDraft(storage)?.runInFlight).toBe(false);
  });

  it('on flush, saves a pending change at once, and nothing when none is pending', () => {
    const { storage, clock, autosave } = setup();
    autosave.flush();
    expect(loadDraft(storage)).toBeNull();
    autosave.saveSoon();
    autosave.flush();
    expect(loadDraft(storage)?.project.files['app.py']).toBe(MINE);
    expect(clock.delays()).toEqual([]);
  });

  it('drops a pending save when cancelled', () => {
    const { storage, clock, autosave } = setup();
    autosave.saveSoon();
    autosave.cancel();
    clock.fire();
    autosave.flush(); // the page hides after the session was disposed: nothing is pending
    expect(loadDraft(storage)).toBeNull();
  });
});
