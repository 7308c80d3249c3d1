import { describe, expect, it } from 'vitest';
import { sealWorkerScope } from './workerScope.ts';

describe('sealing the worker scope', () => {
  it('deletes the storage and worker globals from the whole prototype chain', () => {
    class Scope {
      get caches() {
        return 'cache storage';
      }
    }
    const navigator = Object.create({ serviceWorker: 'container', storage: 'manager' }) as object;
    const scope = Object.assign(new Scope(), { indexedDB: 'idb', Worker: 'ctor', navigator });
    expect('caches' in scope).toBe(true);
    expect(sealWorkerScope(scope)).toEqual([]);
    for (const name of ['caches', 'indexedDB', 'Worker']) expect(name in scope).toBe(false);
    expect('serviceWorker' in navigator || 'storage' in navigator).toBe(false);
  });

  it('says which names it could not remove', () => {
    const scope = {};
    Object.defineProperty(scope, 'caches', { value: 'fixed', configurable: false });
    expect(sealWorkerScope(scope)).toEqual(['caches']);
  });
});
