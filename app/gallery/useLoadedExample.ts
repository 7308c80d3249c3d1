import { useCallback, useSyncExternalStore } from 'react';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import { loadedExample, subscribeLoadedExample, type LoadedExample } from './loadExample.ts';

/** The example on screen (and the draft it replaced), re-rendering when it changes. */
export function useLoadedExample(store: PlaygroundStore): LoadedExample | null {
  const subscribe = useCallback(
    (listener: () => void) => subscribeLoadedExample(store, listener),
    [store],
  );
  return useSyncExternalStore(subscribe, () => loadedExample(store));
}
