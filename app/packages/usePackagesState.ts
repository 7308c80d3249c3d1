import { useSyncExternalStore } from 'react';
import type { PackagesSession } from './packagesSession.ts';
import type { PackagesState } from './packagesState.ts';

/** The packages' state, re-rendering on each change. */
export function usePackagesState(session: PackagesSession): PackagesState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
