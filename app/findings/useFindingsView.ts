import { useCallback, useMemo } from 'react';
import type { PlaygroundState, PlaygroundStore } from '../state/playgroundStore.ts';
import type { FindingsView } from './findingsContext.ts';
import { findingsBySeq } from './findingOrder.ts';
import { loadedFindingsOf, useRulesLoaded } from './rulesLoader.ts';

/**
 * The findings of the run the results show, and the validate switch: turning it on runs the
 * app again so that the comparison appears at once (turning it off only hides it).
 */
export function useFindingsView(store: PlaygroundStore, state: PlaygroundState): FindingsView {
  const rulesLoaded = useRulesLoaded();
  const findings = useMemo(
    () => (rulesLoaded ? loadedFindingsOf(state.shownTrace) : []),
    [rulesLoaded, state.shownTrace],
  );
  const bySeq = useMemo(() => findingsBySeq(findings), [findings]);
  const compareValidate = state.settings.compareValidate ?? false;
  const running = state.pendingRun !== null;
  const onCompareValidate = useCallback(
    (on: boolean) => {
      store.setSettings({ compareValidate: on });
      // The run summary shows a failure; nobody waits for this promise.
      if (on) store.run().catch(() => {});
    },
    [store],
  );
  return useMemo(
    () => ({ findings, bySeq, compareValidate, running, onCompareValidate }),
    [findings, bySeq, compareValidate, running, onCompareValidate],
  );
}
