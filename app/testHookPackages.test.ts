import { describe, expect, it } from 'vitest';
import { EMPTY_BODY } from '../src/index.ts';
import { createPlaygroundStore } from './state/playgroundStore.ts';
import { installTestHook, type PlaygroundHook } from './testHook.ts';

/** A page's hook over a store whose engine is never reached. */
function hookOf(): { hook: PlaygroundHook; store: ReturnType<typeof createPlaygroundStore> } {
  const store = createPlaygroundStore({
    engine: { run: () => Promise.reject(new Error('no engine here')) },
    project: { files: { 'app.py': 'x' }, entry: 'app' },
    request: { method: 'GET', target: '/', headers: [], body: EMPTY_BODY },
    live: false,
  });
  const target = {} as Window;
  installTestHook(target, store, { interpreters: () => [] });
  if (!target.__wsgiPlayground) throw new Error('no hook installed');
  return { hook: target.__wsgiPlayground, store };
}

describe('the test hook: packages', () => {
  it('sets and gets the requirements, leaving comments and blank lines out', () => {
    const { hook, store } = hookOf();
    hook.setRequirements(['flask==3.1.1', '# the web app', '  bottle  ']);
    expect(hook.getRequirements()).toEqual(['flask==3.1.1', 'bottle']);
    expect(store.getState().project.requirements).toEqual(['flask==3.1.1', 'bottle']);
    hook.setRequirements([]);
    expect(hook.getRequirements()).toEqual([]);
    expect(store.getState().project).toEqual({ files: { 'app.py': 'x' }, entry: 'app' });
  });

  it('refuses anything but a list of one-line strings, and the page keeps its requirements', () => {
    const { hook } = hookOf();
    hook.setRequirements(['flask']);
    const cases: [unknown, RegExp][] = [
      ['flask', /^setRequirements: takes a list of requirement strings.*got "flask"/],
      [null, /takes a list of requirement strings/],
      [[1], /^setRequirements: \[0\] must be a string, got 1/],
      [['flask\nbottle'], /\[0\] must be one line/],
      [[''], /\[0\] must not be empty/],
      [['x'.repeat(201)], /at most 200 characters/],
      [Array(101).fill('flask'), /at most 100 requirements/],
    ];
    for (const [value, message] of cases) {
      expect(() => hook.setRequirements(value as string[]), JSON.stringify(value)).toThrow(message);
    }
    expect(hook.getRequirements()).toEqual(['flask']);
  });

  it('sets an http(s) package index, and refuses anything else', () => {
    const { hook, store } = hookOf();
    hook.setPackageIndex('http://127.0.0.1:8123/simple/');
    expect(store.getState().project.indexUrl).toBe('http://127.0.0.1:8123/simple/');
    for (const bad of ['ftp://example.test/simple/', 'pypi.org/simple', 42, undefined]) {
      expect(() => hook.setPackageIndex(bad as string), String(bad)).toThrow(/^setPackageIndex: /);
    }
    expect(store.getState().project.indexUrl).toBe('http://127.0.0.1:8123/simple/');
    hook.setPackageIndex('https://pypi.org/simple/');
    expect(store.getState().project.indexUrl).toBeUndefined();
  });
});
