import { describe, expect, it } from 'vitest';
import type { PackageLock, Project, RunInput } from '../../src/index.ts';
import { PackagesNotReady } from '../state/packagesNotReady.ts';
import { packagedRun } from './packagedRun.ts';
import { packageErrorWords } from './packageErrorWords.ts';
import { packageStoreOf } from './packageStore.ts';
import { createPackagesSession, type PackageWorks } from './packagesSession.ts';
import { preparePackageSet, type PreparedSet } from './preparePackageSet.ts';
import { memoryTables } from './storeTables.ts';

const FLASK: Project = { files: { 'app.py': 'x' }, entry: 'app', requirements: ['flask'] };
const LOCK: PackageLock = {
  requirements: ['flask'],
  indexUrl: 'https://pypi.org/simple/',
  pins: [
    {
      name: 'Flask',
      version: '3.1.1',
      filename: 'flask-3.1.1-py3-none-any.whl',
      sha256: 'a'.repeat(64),
      url: 'https://files.example.test/flask-3.1.1-py3-none-any.whl',
    },
  ],
};
const READY: PreparedSet = {
  ok: true,
  set: { key: 'set', wheels: [], imports: ['flask'] },
  lock: LOCK,
};

/** A session whose preparer answers `answers` in turn, recording the locks it was given. */
function sessionOf(answers: PreparedSet[]) {
  const store = packageStoreOf(memoryTables());
  const given: (PackageLock | null)[] = [];
  const works: PackageWorks = {
    store,
    prepare: async (_project, world) => {
      given.push(world.lock);
      world.onProgress({ stage: 'resolving', project: 'flask' });
      const answer = answers.shift();
      if (!answer) throw new Error('asked too often');
      return answer;
    },
    words: packageErrorWords,
  };
  const session = createPackagesSession({ fetch, load: async () => works });
  return { session, given, store };
}

describe('the package session', () => {
  it('prepares each set of packages once, and follows a link’s lock', async () => {
    const { session, given } = sessionOf([READY]);
    session.adoptLock(FLASK, LOCK);
    const set = await session.prepareFor(FLASK);
    expect(set).toBe(READY.set);
    expect(await session.prepareFor({ ...FLASK, files: { 'app.py': 'edited' } })).toBe(READY.set);
    expect(given).toEqual([LOCK]);
    expect(session.getState()).toMatchObject({
      phase: 'ready',
      pins: LOCK.pins,
      resolved: ['flask'],
    });
    expect(await session.lockOf(FLASK)).toEqual(LOCK);
  });

  it('says why a set failed, and tries again on the next run', async () => {
    const error = { kind: 'not-found' as const, message: 'No project flaskk.', package: 'flaskk' };
    const { session } = sessionOf([{ ok: false, error }, READY]);
    const failure = await session.prepareFor(FLASK).catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(PackagesNotReady);
    expect(failure).toMatchObject({
      title: 'Package not found',
      message: 'No project flaskk.',
      hint: /spelling/,
    });
    expect(session.getState()).toMatchObject({ phase: 'failed', error });
    expect(await session.prepareFor(FLASK)).toBe(READY.set);
  });

  it('names the hand-added wheels this browser lacks, before preparing', async () => {
    const store = packageStoreOf(memoryTables());
    const wheel = { filename: 'mylib-0.1-py3-none-any.whl', sha256: 'e'.repeat(64) };
    await store.handWheels.put(wheel.sha256, {
      filename: wheel.filename,
      bytes: new Uint8Array([1]),
    });
    const result = await preparePackageSet(
      { ...FLASK, handWheels: [wheel] },
      { store, fetch, lock: null, onProgress: () => {} },
    );
    // The bytes kept do not have the sha256 the project names: as good as missing.
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'missing-hand-wheel', files: [wheel.filename] },
    });
  });
});

describe('a packaged run', () => {
  it('installs the project’s set and passes the engine’s words on; a plain run goes straight', async () => {
    const { session } = sessionOf([READY]);
    const inputs: RunInput[] = [];
    const notes: (string | null)[] = [];
    const run = packagedRun(async (input, options) => {
      inputs.push(input);
      options?.onProgress?.('Preparing Python with flask…');
      notes.push(session.getState().engineNote);
      return {} as never;
    }, session);
    const request = { method: 'GET', target: '/', headers: [], bodyBase64: '' };
    await run({ project: FLASK, request });
    await run({ project: { files: { 'app.py': 'x' }, entry: 'app' }, request });
    expect(inputs[0]?.packages).toBe(READY.set);
    expect(inputs[1]?.packages).toBeUndefined();
    expect(notes[0]).toBe('Preparing Python with flask…');
    expect(session.getState().engineNote).toBeNull();
  });
});
