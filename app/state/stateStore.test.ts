import { describe, expect, it } from 'vitest';
import { createStateStore } from './stateStore.ts';

describe('createStateStore', () => {
  it('merges a patch into a new state object and tells the listeners', () => {
    const store = createStateStore({ a: 1, b: 'x' });
    const before = store.getState();
    let calls = 0;
    store.subscribe(() => void calls++);
    store.setState({ a: 2 });
    expect(store.getState()).toEqual({ a: 2, b: 'x' });
    expect(store.getState()).not.toBe(before);
    expect(before).toEqual({ a: 1, b: 'x' });
    expect(calls).toBe(1);
  });

  it('gives an updater the current state', () => {
    const store = createStateStore({ count: 0, label: 'n' });
    store.setState((s) => ({ count: s.count + 1 }));
    store.setState((s) => ({ count: s.count + 1 }));
    expect(store.getState()).toEqual({ count: 2, label: 'n' });
  });

  it('keeps the same state object until a change', () => {
    const store = createStateStore({ a: 1 });
    expect(store.getState()).toBe(store.getState());
  });

  it('stops telling a listener once it unsubscribes', () => {
    const store = createStateStore({ a: 1 });
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.getState().a));
    store.setState({ a: 2 });
    unsubscribe();
    store.setState({ a: 3 });
    expect(seen).toEqual([2]);
  });
});
