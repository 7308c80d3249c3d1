/**
 * The state-and-listeners core the page's stores share: one immutable state object, replaced
 * on every change, and the listeners told of it (the contract of `useSyncExternalStore`).
 */

/** A change to a store: some fields, or a function of the current state that returns them. */
export type StateChange<S> = Partial<S> | ((state: S) => Partial<S>);

/** A state that can be read, changed and watched. */
export interface StateStore<S> {
  /** The current state (a new object after each change). */
  getState(): S;
  /** Merge `change` into the state and tell every listener. */
  setState(change: StateChange<S>): void;
  /** Call `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * A store holding `initial` until it is changed.
 *
 * @example
 * const counter = createStateStore({ count: 0 });
 * counter.setState((s) => ({ count: s.count + 1 }));
 */
export function createStateStore<S extends object>(initial: S): StateStore<S> {
  const listeners = new Set<() => void>();
  let state = initial;
  return {
    getState: () => state,
    setState(change) {
      state = { ...state, ...(typeof change === 'function' ? change(state) : change) };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
