import { useMemo } from 'react';
import { compareRuns, type RunComparison } from '../../src/compare/index.ts';
import type { Finding } from '../../src/index.ts';
import { loadedFindingsOf, loadRules, useRulesLoaded } from '../findings/rulesLoader.ts';
import type { CompareSideState } from './compareSession.ts';

const NONE: readonly Finding[] = [];

/** The comparison of two finished sides (null until both have a trace), findings included. */
export function useComparison(
  a: CompareSideState | null,
  b: CompareSideState | null,
): RunComparison | null {
  const rulesLoaded = useRulesLoaded();
  if (!rulesLoaded) void loadRules();
  // The rules cache each trace's findings, so these are the same arrays on every render.
  const findingsA = rulesLoaded && a?.status === 'done' ? loadedFindingsOf(a.trace) : NONE;
  const findingsB = rulesLoaded && b?.status === 'done' ? loadedFindingsOf(b.trace) : NONE;
  return useMemo(() => {
    if (a?.status !== 'done' || b?.status !== 'done') return null;
    return compareRuns(
      { trace: a.trace, findings: findingsA, project: a.source.bench.project },
      { trace: b.trace, findings: findingsB, project: b.source.bench.project },
    );
  }, [a, b, findingsA, findingsB]);
}
