/** How findings are ordered, counted and looked up by event: plain functions over the list. */
import { SEVERITIES, type Finding, type Severity } from '../../src/index.ts';

/** Each severity as a word, for labels. */
export const SEVERITY_WORDS: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/** Findings by severity (errors first), then by the event they concern, then by line. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const last = Number.MAX_SAFE_INTEGER;
  return [...findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      (a.seq ?? last) - (b.seq ?? last) ||
      (a.line ?? last) - (b.line ?? last),
  );
}

/** How many findings there are of each severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** "1 error, 2 warnings" — the non-zero counts, most serious first ("no findings" if none). */
export function countWords(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const nouns: Record<Severity, [string, string]> = {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    info: ['note', 'notes'],
  };
  const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map(
    (severity) => `${counts[severity]} ${nouns[severity][counts[severity] === 1 ? 0 : 1]}`,
  );
  return parts.length ? parts.join(', ') : 'no findings';
}

/** The most serious severity among `findings`, if any. */
export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  return SEVERITIES.find((severity) => findings.some((finding) => finding.severity === severity));
}

/** The findings about each event (by `seq`), most serious first. */
export function findingsBySeq(findings: readonly Finding[]): Map<number, Finding[]> {
  const bySeq = new Map<number, Finding[]>();
  for (const finding of sortFindings(findings)) {
    if (finding.seq === undefined) continue;
    const list = bySeq.get(finding.seq);
    if (list) list.push(finding);
    else bySeq.set(finding.seq, [finding]);
  }
  return bySeq;
}
