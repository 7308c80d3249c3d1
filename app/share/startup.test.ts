import { describe, expect, it } from 'vitest';
import {
  DRAFT_KEY,
  EMPTY_BODY,
  encodeCompareFragment,
  encodeShareFragment,
  row,
  saveDraft,
  type SavedDraft,
  singleFileProject,
} from '../../src/index.ts';
import { DEFAULT_CODE } from '../state/defaultExample.ts';
import { DEFAULT_RUN_SETTINGS } from '../state/playgroundStore.ts';
import { resolveStartup, runSettingsFrom } from './startup.ts';
import { memoryStorage } from '../../src/share/memoryStorage.ts';

const DRAFT: SavedDraft = {
  project: singleFileProject('def application(e, s): ...  # mine'),
  request: { method: 'PUT', target: '/mine', headers: [row('Host', 'h')], body: EMPTY_BODY },
  settings: { personality: 'cgi' },
  runInFlight: false,
};

describe('resolveStartup', () => {
  it('opens the default app on a first visit, and runs it', async () => {
    const startup = await resolveStartup('', memoryStorage());
    expect(startup.initial.project.files['app.py']).toBe(DEFAULT_CODE);
    expect(startup.initial.settings).toEqual(DEFAULT_RUN_SETTINGS);
    expect(startup).toMatchObject({ shared: null, example: null, notices: [], autoRun: true });
  });

  it('opens two runs of a compare link compared, over the draft', async () => {
    const storage = memoryStorage();
    saveDraft(storage, DRAFT);
    const fragment = await encodeCompareFragment({
      a: { project: singleFileProject('before'), request: DRAFT.request, settings: {} },
      b: {
        project: singleFileProject('after'),
        request: DRAFT.request,
        settings: { personality: 'cgi' },
      },
    });
    const startup = await resolveStartup(`#${fragment}`, storage);
    expect(startup.compare?.a.project.files['app.py']).toBe('before');
    expect(startup.compare?.b.project.files['app.py']).toBe('after');
    expect(startup.compare?.b.settings.personality).toBe('cgi');
    expect(startup.initial.project).toEqual(DRAFT.project);
    expect(startup.shared).toBeNull();
  });

  it('restores the saved draft', async () => {
    const storage = memoryStorage();
    saveDraft(storage, DRAFT);
    const startup = await resolveStartup('', storage);
    expect(startup.initial).toEqual({
      project: DRAFT.project,
      request: DRAFT.request,
      settings: { ...DEFAULT_RUN_SETTINGS, personality: 'cgi' },
    });
    expect(startup.autoRun).toBe(true);
  });

  it('does not re-run a draft whose last run never finished, and says so', async () => {
    const storage = memoryStorage();
    saveDraft(storage, { ...DRAFT, runInFlight: true });
    const startup = await resolveStartup('', storage);
    expect(startup.autoRun).toBe(false);
    expect(startup.notices).toEqual([{ kind: 'hung' }]);
  });

  it('loads a shared run over the draft, without touching the saved draft', async () => {
    const storage = memoryStorage();
    saveDraft(storage, { ...DRAFT, runInFlight: true });
    const saved = storage.data.get(DRAFT_KEY);
    const fragment = await encodeShareFragment({
      project: singleFileProject('shared'),
      request: { ...DRAFT.request, target: '/shared' },
      settings: { httpVersion: '1.0', maxEvents: 10 },
    });
    const startup = await resolveStartup(`#${fragment}`, storage);
    expect(startup.shared).toEqual({
      bench: {
        project: singleFileProject('shared'),
        request: { ...DRAFT.request, target: '/shared' },
        settings: { ...DEFAULT_RUN_SETTINGS, httpVersion: '1.0' },
      },
      version: 2,
    });
    expect(startup.notices).toEqual([]);
    // A link's run is run: it is not the draft that hung.
    expect(startup.autoRun).toBe(true);
    expect(storage.data.get(DRAFT_KEY)).toBe(saved);
  });

  it('keeps the draft under a bad link, with the reason', async () => {
    const storage = memoryStorage();
    saveDraft(storage, DRAFT);
    const startup = await resolveStartup('#v1/AAAA', storage);
    expect(startup.initial.project.files['app.py']).toBe(DRAFT.project.files['app.py']);
    expect(startup.shared).toBeNull();
    expect(startup.notices).toEqual([
      { kind: 'bad-link', message: expect.stringMatching(/corrupted/) },
    ]);
    const unknown = await resolveStartup('#example/no-such-example', storage);
    expect(unknown.notices).toEqual([
      { kind: 'bad-link', message: expect.stringMatching(/no-such-example/) },
    ]);
  });

  it('finds gallery examples by name', async () => {
    const startup = await resolveStartup('#example/hello-world', null);
    expect(startup.example?.id).toBe('hello-world');
  });

  it('takes only known settings of the right type', () => {
    expect(runSettingsFrom({ personality: 'cgi', runOnce: 'yes', other: 1 })).toEqual({
      ...DEFAULT_RUN_SETTINGS,
      personality: 'cgi',
    });
  });
});
