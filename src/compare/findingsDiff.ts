/**
 * The findings of two runs: which appeared in run B, which went away, which both have. A
 * finding is known by its rule and its message (a rule may report several things in one run);
 * where it points (its event, its line) may move without it being another finding.
 */
import type { Finding } from '../rules/types.ts';

/** The findings of run B that run A did not have, those of A that B has not, and the rest. */
export interface FindingsDiff {
  appeared: Finding[];
  gone: Finding[];
  kept: Finding[];
}

const keyOf = (finding: Finding): string => `${finding.rule}\u0000${finding.message}`;

/** Compare the findings of run A and run B, each kept in its run's order. */
export function diffFindings(a: readonly Finding[], b: readonly Finding[]): FindingsDiff {
  // A multiset: a finding reported twice in A and once in B has gone once.
  const unmatched = new Map<string, number>();
  for (const finding of a) unmatched.set(keyOf(finding), (unmatched.get(keyOf(finding)) ?? 0) + 1);
  const appeared: Finding[] = [];
  const kept: Finding[] = [];
  for (const finding of b) {
    const left = unmatched.get(keyOf(finding)) ?? 0;
    if (left > 0) {
      unmatched.set(keyOf(finding), left - 1);
      kept.push(finding);
    } else appeared.push(finding);
  }
  // The first findings of A matched those of B; what is left of A has gone.
  const inB = new Map<string, number>();
  for (const finding of b) inB.set(keyOf(finding), (inB.get(keyOf(finding)) ?? 0) + 1);
  const gone = a.filter((finding) => {
    const left = inB.get(keyOf(finding)) ?? 0;
    inB.set(keyOf(finding), left - 1);
    return left <= 0;
  });
  return { appeared, gone, kept };
}
