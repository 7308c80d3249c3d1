import { describe, expect, it } from 'vitest';
import { keepHandWheels, wheelFileProblem, withHandWheels } from './handWheelFiles.ts';
import { MAX_IMAGES, openPackageStore, packageStoreOf } from './packageStore.ts';
import { sha256Hex } from './sha256.ts';
import { memoryTables, resilientTables, type Tables } from './storeTables.ts';

/** Tables whose every call fails, as IndexedDB does in some private modes or on a full disk. */
const failing: Tables = {
  get: () => Promise.reject(new Error('InvalidStateError')),
  put: () => Promise.reject(new Error('QuotaExceededError')),
  delete: () => Promise.reject(new Error('InvalidStateError')),
};

const bytes = (text: string) => new TextEncoder().encode(text);
const fileOf = (name: string, text: string) => ({
  name,
  size: text.length,
  arrayBuffer: async () => bytes(text).buffer as ArrayBuffer,
});

describe('the page’s package store', () => {
  it('keeps wheels by sha256 and file name, locks, hand wheels and images', async () => {
    const store = packageStoreOf(memoryTables());
    await store.cache.put('a'.repeat(64), 'x-1-py3-none-any.whl', bytes('wheel'));
    expect(await store.cache.get('a'.repeat(64), 'x-1-py3-none-any.whl')).toEqual(bytes('wheel'));
    expect(await store.cache.get('a'.repeat(64), 'other-1-py3-none-any.whl')).toBeNull();
    await store.cache.delete('a'.repeat(64), 'x-1-py3-none-any.whl');
    expect(await store.cache.get('a'.repeat(64), 'x-1-py3-none-any.whl')).toBeNull();
    const lock = { requirements: ['x'], indexUrl: 'https://pypi.org/simple/', pins: [] };
    await store.locks.put('key', lock);
    expect(await store.locks.get('key')).toEqual(lock);
    expect(await store.locks.get('other')).toBeNull();
    const image = new ArrayBuffer(8);
    await store.images.put('set', image);
    expect(await store.images.get('set')).toBe(image);
  });

  it('keeps working in memory when IndexedDB fails, and says so once', async () => {
    const notes: unknown[] = [];
    const store = packageStoreOf(resilientTables(failing, (error) => notes.push(error)));
    await store.cache.put('b'.repeat(64), 'y-1-py3-none-any.whl', bytes('y'));
    expect(await store.cache.get('b'.repeat(64), 'y-1-py3-none-any.whl')).toEqual(bytes('y'));
    expect(await store.images.get('none')).toBeNull();
    expect(notes).toHaveLength(1);
    const said: string[] = [];
    const none = openPackageStore(undefined, (note) => said.push(note));
    await none.locks.put('k', { requirements: [], indexUrl: '', pins: [] });
    await none.images.put('k', new ArrayBuffer(1));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/for this visit only/);
  });
});

describe('wheels added by hand', () => {
  it('must be named as wheels are', () => {
    expect(wheelFileProblem({ name: 'mylib-0.1-py3-none-any.whl', size: 10 })).toBeNull();
    expect(wheelFileProblem({ name: 'notes.txt', size: 10 })).toMatch(/not a wheel/);
    expect(wheelFileProblem({ name: 'mylib.whl', size: 10 })).toMatch(/named as a wheel/);
    expect(wheelFileProblem({ name: 'a-1-py3-none-any.whl', size: 1e9 })).toMatch(/larger/);
  });

  it('are kept by sha256; one of the same name or hash is replaced in its place', async () => {
    const store = packageStoreOf(memoryTables());
    const { added, refused } = await keepHandWheels(
      [fileOf('mylib-0.1-py3-none-any.whl', 'one'), fileOf('x.txt', '')],
      store,
    );
    expect(refused).toEqual(['x.txt is not a wheel (.whl) file.']);
    const sha256 = await sha256Hex(bytes('one'));
    expect(added).toEqual([{ filename: 'mylib-0.1-py3-none-any.whl', sha256 }]);
    expect((await store.handWheels.get(sha256))?.bytes).toEqual(bytes('one'));
    const other = { filename: 'other-1-py3-none-any.whl', sha256: 'c'.repeat(64) };
    const newer = { filename: 'mylib-0.1-py3-none-any.whl', sha256: 'd'.repeat(64) };
    expect(withHandWheels([...added, other], [newer])).toEqual([newer, other]);
  });

  it('keeps the newest images only (each is ~40 MB)', async () => {
    const store = packageStoreOf(memoryTables());
    for (const key of ['a', 'b', 'c', 'd']) await store.images.put(key, new ArrayBuffer(1));
    await store.images.put('b', new ArrayBuffer(2)); // used again: newest
    await store.images.put('e', new ArrayBuffer(1));
    const kept = [];
    for (const key of ['a', 'b', 'c', 'd', 'e']) if (await store.images.get(key)) kept.push(key);
    expect(kept).toEqual(['b', 'd', 'e']);
    expect(MAX_IMAGES).toBe(3);
  });
});
