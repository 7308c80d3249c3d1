import { describe, expect, it } from 'vitest';
import type { PackageLock } from '../packages/lock.ts';
import { DEFAULT_INDEX_URL } from '../project/project.ts';
import { EMPTY_BODY, row } from '../request/requestDraft.ts';
import { toBase64Url } from './base64url.ts';
import { deflateRaw } from './deflate.ts';
import {
  DRAFT_KEY,
  loadDraft,
  loadHistory,
  recordHistory,
  saveDraft,
  type SavedDraft,
} from './draftStorage.ts';
import { memoryStorage } from './memoryStorage.ts';
import {
  encodeCompareFragment,
  encodeShareFragment,
  parseFragment,
  type SharedRun,
} from './shareLink.ts';

const SHA = (digit: string) => digit.repeat(64);

/** A Flask app with its requirements, a private index and a wheel added by hand. */
const FLASK: SharedRun = {
  project: {
    files: { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' },
    entry: 'app:app',
    requirements: ['flask==3.1.1', '# a comment stays a line', 'mylib'],
    indexUrl: 'http://127.0.0.1:8123/simple/',
    handWheels: [{ filename: 'mylib-0.1-py3-none-any.whl', sha256: SHA('a') }],
  },
  request: { method: 'GET', target: '/', headers: [row('Host', 'localhost')], body: EMPTY_BODY },
  settings: {},
};

const LOCK: PackageLock = {
  requirements: ['flask==3.1.1', '# a comment stays a line', 'mylib'],
  indexUrl: 'http://127.0.0.1:8123/simple/',
  pins: [
    {
      name: 'Werkzeug',
      version: '3.1.3',
      filename: 'werkzeug-3.1.3-py3-none-any.whl',
      sha256: SHA('b'),
      url: 'http://127.0.0.1:8123/files/werkzeug-3.1.3-py3-none-any.whl#sha256=bbbb',
    },
    {
      name: 'mylib',
      version: '0.1',
      filename: 'mylib-0.1-py3-none-any.whl',
      sha256: SHA('a'),
      url: '',
    },
  ],
};

/** A fragment of `version` holding `payload` as JSON. */
async function fragmentOf(version: number, payload: unknown): Promise<string> {
  return `v${version}/${toBase64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(payload))))}`;
}

describe('links with packages', () => {
  it('carry the requirements, the index, the hand wheels and the pins, as version 3', async () => {
    const run = { ...FLASK, lock: LOCK };
    const fragment = await encodeShareFragment(run);
    expect(fragment).toMatch(/^v3\//);
    expect(await parseFragment(fragment)).toEqual({ kind: 'share', run, version: 3 });
  });

  it('leave out a lock resolved for other requirements or another index', async () => {
    for (const lock of [
      { ...LOCK, requirements: ['flask'] },
      { ...LOCK, indexUrl: DEFAULT_INDEX_URL },
    ]) {
      const route = await parseFragment(await encodeShareFragment({ ...FLASK, lock }));
      expect(route).toEqual({ kind: 'share', run: FLASK, version: 3 });
    }
  });

  it('stay version 2 without packages, and PyPI is the index a link leaves out', async () => {
    const plain: SharedRun = { ...FLASK, project: { files: FLASK.project.files, entry: 'app' } };
    expect(await encodeShareFragment(plain)).toMatch(/^v2\//);
    const pypi: SharedRun = { ...plain, project: { ...plain.project, requirements: ['bottle'] } };
    const route = await parseFragment(await encodeShareFragment(pypi));
    expect(route).toEqual({ kind: 'share', run: pypi, version: 3 });
  });

  it('read package fields only from version 3 (a v2 payload holding them gets none)', async () => {
    const payload = { c: 'x', m: 'GET', t: '/', h: [], b: { mode: 'none' }, r: ['flask'] };
    const v2 = await parseFragment(await fragmentOf(2, payload));
    expect(v2).toMatchObject({ kind: 'share', run: { project: { files: { 'app.py': 'x' } } } });
    expect(v2.kind === 'share' && v2.run.project.requirements).toBeUndefined();
    const v3 = await parseFragment(await fragmentOf(3, payload));
    expect(v3.kind === 'share' && v3.run.project.requirements).toEqual(['flask']);
  });

  it('turn damaged package fields into errors that say so', async () => {
    const base = { c: 'x', m: 'GET', t: '/', h: [], b: { mode: 'none' } };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ i: 'ftp://example.test/simple/' }, /its packages \(indexUrl\)/],
      [{ w: [['evil.exe', SHA('c')]] }, /its packages \(handWheels\)/],
      [{ w: [['a-1-py3-none-any.whl', 'nothex']] }, /its packages \(handWheels\)/],
      [{ p: [['a', '1', 'a-1-py3-none-any.whl', 'short', '']] }, /corrupted/],
      [{ p: [['a', '1', 'a-1-py3-none-any.whl', SHA('d'), 'javascript:x']] }, /corrupted/],
    ];
    for (const [fields, message] of cases) {
      const route = await parseFragment(await fragmentOf(3, { ...base, ...fields }));
      expect(route.kind, JSON.stringify(fields)).toBe('error');
      if (route.kind === 'error') expect(route.message).toMatch(message);
    }
  });

  it('compare links take the newer version when one side has packages', async () => {
    const plain: SharedRun = { ...FLASK, project: { files: { 'app.py': 'y' }, entry: 'app' } };
    const fragment = await encodeCompareFragment({ a: plain, b: { ...FLASK, lock: LOCK } });
    expect(fragment).toMatch(/^compare\/v3\//);
    expect(await parseFragment(fragment)).toEqual({
      kind: 'compare',
      version: 3,
      pair: { a: plain, b: { ...FLASK, lock: LOCK } },
    });
    expect(await encodeCompareFragment({ a: plain, b: plain })).toMatch(/^compare\/v2\//);
  });
});

describe('drafts and history with packages', () => {
  const draft: SavedDraft = {
    project: FLASK.project,
    request: FLASK.request,
    settings: {},
    runInFlight: false,
  };

  it('keep the requirements, the index and the hand wheels', () => {
    const storage = memoryStorage();
    saveDraft(storage, draft);
    expect(loadDraft(storage)).toEqual(draft);
    const entry = {
      at: 1,
      method: 'GET',
      target: '/',
      outcome: 'complete',
      status: '200 OK',
      bodyPreview: '',
      project: FLASK.project,
    };
    recordHistory(storage, entry);
    expect(loadHistory(storage)).toEqual([entry]);
  });

  it('load a draft saved before projects had packages, with none', () => {
    const storage = memoryStorage();
    const old = { ...draft, project: { files: { 'app.py': 'x' }, entry: 'app' } };
    storage.setItem(DRAFT_KEY, JSON.stringify({ version: 2, draft: old }));
    const loaded = loadDraft(storage);
    expect(loaded?.project).toEqual({ files: { 'app.py': 'x' }, entry: 'app' });
    expect(loaded?.project.requirements).toBeUndefined();
  });
});
