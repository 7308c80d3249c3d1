import { type Finding, type Trace } from '../../src/index.ts';
import { runRules } from '../../src/rules/index.ts';

/** Each trace's findings, so that the page and the test hook apply the rules once per run. */
const cache = new WeakMap<Trace, readonly Finding[]>();

/**
 * The findings of a run (none without one): the rules applied once per Trace. A held run has
 * none yet: the rules judge whole runs (a close() not called *yet* is no finding).
 */
export function findingsOf(trace: Trace | null): readonly Finding[] {
  if (!trace || trace.outcome === 'paused') return [];
  let findings = cache.get(trace);
  if (!findings) {
    findings = runRules(trace);
    cache.set(trace, findings);
  }
  return findings;
}
