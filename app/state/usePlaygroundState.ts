import { useSyncExternalStore } from 'react';
import type { PlaygroundState, PlaygroundStore } from './playgroundStore.ts';

/** The playground's state, re-rendering on each change. */
export function usePlaygroundState(store: PlaygroundStore): PlaygroundState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
