import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row } from '../request/requestDraft.ts';
import {
  BODY_MODES,
  BodyDraftSchema,
  RequestDraftSchema,
  type BodyDraft,
  type BodyMode,
  type RequestDraft,
} from '../request/requestDraftSchema.ts';
import { DRAFT_KEY, loadDraft, saveDraft, type SavedDraft } from './draftStorage.ts';
import { memoryStorage } from './memoryStorage.ts';
import { encodeShareFragment, parseFragment } from './shareLink.ts';

/** A storage holding `text` as the saved draft. */
function storedDraft(text: string) {
  const storage = memoryStorage();
  storage.data.set(DRAFT_KEY, text);
  return storage;
}

/** A draft as version 1 wrote it: it must load the same for as long as v1 is migrated. */
const FROZEN_V1 = JSON.stringify({
  version: 1,
  draft: {
    code: 'def application(e, s): ...',
    request: {
      method: 'POST',
      target: '/v1',
      headers: [{ name: 'Host', value: 'h', enabled: true }],
      body: { ...EMPTY_BODY, mode: 'raw', raw: 'a=1' },
    },
    settings: { httpVersion: '1.0' },
    runInFlight: false,
  },
});

/** A draft as version 2 wrote it: a project of two files in a package. */
const FROZEN_V2 = JSON.stringify({
  version: 2,
  draft: {
    project: {
      files: { 'shop/__init__.py': '', 'shop/web.py': 'def app(e, s): ...' },
      entry: 'shop.web:app',
    },
    request: JSON.parse(FROZEN_V1).draft.request,
    settings: { personality: 'cgi' },
    runInFlight: true,
  },
});

describe('stored draft versions', () => {
  it('loads a draft written as version 1 as a project of its one file', () => {
    const { code, ...v1 } = JSON.parse(FROZEN_V1).draft;
    expect(loadDraft(storedDraft(FROZEN_V1))).toEqual({
      ...v1,
      project: { files: { 'app.py': code }, entry: 'app' },
    });
  });

  it("moves a version 1 draft's filename and callable into its project", () => {
    const v1 = JSON.parse(FROZEN_V1);
    v1.draft.settings = { filename: 'web.py', callable: 'handler', runOnce: true };
    expect(loadDraft(storedDraft(JSON.stringify(v1)))).toMatchObject({
      project: { files: { 'web.py': v1.draft.code }, entry: 'web:handler' },
      settings: { runOnce: true },
    });
    expect(Object.keys(loadDraft(storedDraft(JSON.stringify(v1)))?.settings ?? {})).toEqual([
      'runOnce',
    ]);
  });

  it('loads a draft written as version 2', () => {
    expect(loadDraft(storedDraft(FROZEN_V2))).toEqual(JSON.parse(FROZEN_V2).draft);
  });

  it('gives nothing for a version it does not know, or none', () => {
    for (const frozen of [FROZEN_V1, FROZEN_V2]) {
      const draft = JSON.parse(frozen).draft;
      for (const version of [3, 0, '1', null, undefined]) {
        expect(loadDraft(storedDraft(JSON.stringify({ version, draft })))).toBeNull();
      }
    }
  });

  it('gives nothing for a version 2 draft whose project is damaged', () => {
    for (const [from, to] of [
      ['"shop/web.py"', '"../web.py"'],
      ['"shop.web:app"', '"shop web"'],
      ['"project"', '"code"'],
    ] as const) {
      const damaged = FROZEN_V2.replace(from, to);
      expect(damaged).not.toBe(FROZEN_V2);
      expect(loadDraft(storedDraft(damaged)), to).toBeNull();
    }
  });

  it('gives nothing for a damaged version 1 draft', () => {
    expect(loadDraft(storedDraft(FROZEN_V1.slice(0, -2)))).toBeNull();
    const damaged = FROZEN_V1.replace('"mode":"raw"', '"mode":"xml"');
    expect(damaged).not.toBe(FROZEN_V1);
    expect(loadDraft(storedDraft(damaged))).toBeNull();
  });
});

/** For each body mode, what its editor holds (typed by mode: a new mode needs an entry). */
const FILLED: Record<BodyMode, Partial<BodyDraft>> = {
  none: {},
  raw: { raw: 'a=1\n', rawContentType: 'text/csv' },
  json: { json: '{"a": [1, 2]}' },
  form: { form: [row('name', 'café'), { ...row('off', 'x'), enabled: false }] },
  multipart: {
    multipart: [
      { ...row('note', 'hi'), kind: 'text', filename: '', contentType: '', dataBase64: '' },
      {
        ...row('upload', ''),
        kind: 'file',
        filename: 'a.bin',
        contentType: 'application/octet-stream',
        dataBase64: 'AAEC',
        enabled: false,
      },
    ],
  },
};

/** A request whose body is in `mode`, with that mode's editor filled. */
const requestIn = (mode: BodyMode): RequestDraft => ({
  method: 'POST',
  target: `/${mode}`,
  headers: [row('Host', 'h'), { ...row('X-Off', '1'), enabled: false }],
  body: { ...EMPTY_BODY, ...FILLED[mode], mode },
});

describe('the draft schema and the request draft agree', () => {
  it('takes the empty body as a body draft', () => {
    expect(v.is(BodyDraftSchema, EMPTY_BODY)).toBe(true);
  });

  it.each(BODY_MODES)('keeps a %s body through the draft storage', (mode) => {
    const draft: SavedDraft = {
      project: { files: { 'app.py': 'x' }, entry: 'app' },
      request: requestIn(mode),
      settings: {},
      runInFlight: false,
    };
    expect(v.is(RequestDraftSchema, draft.request)).toBe(true);
    const storage = memoryStorage();
    expect(saveDraft(storage, draft)).toBe(true);
    expect(loadDraft(storage)).toEqual(draft);
  });

  it.each(BODY_MODES)('keeps a %s body through a share link', async (mode) => {
    const project = { files: { 'app.py': 'x' }, entry: 'app' };
    const run = { project, request: requestIn(mode), settings: {} };
    const route = await parseFragment(await encodeShareFragment(run));
    expect(route).toEqual({ kind: 'share', run, version: 2 });
  });
});
