/**
 * The rules, loaded after the shell has painted: 34 rules are a third of the engine's code and
 * nothing needs them before the first run (Python takes ~2 s to boot meanwhile).
 */
import { useSyncExternalStore } from 'react';
import type { Finding, Trace } from '../../src/index.ts';

type FindingsOf = (trace: Trace | null) => readonly Finding[];

let loaded: FindingsOf | null = null;
let loading: Promise<FindingsOf> | null = null;
const listeners = new Set<() => void>();

/** Load the rules once; resolves when findings can be computed. */
export function loadRules(): Promise<FindingsOf> {
  loading ??= import('./findingsOf.ts').then((module) => {
    loaded = module.findingsOf;
    for (const listener of listeners) listener();
    return module.findingsOf;
  });
  return loading;
}

/** The findings of `trace` — none while the rules are still loading. */
export function loadedFindingsOf(trace: Trace | null): readonly Finding[] {
  return loaded ? loaded(trace) : [];
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the rules are loaded (re-renders once they are). */
export function useRulesLoaded(): boolean {
  return useSyncExternalStore(subscribe, () => loaded !== null);
}
