/**
 * Two runs compared, part by part: a summary (status, outcome, sizes), the events side by
 * side, the response headers, the body and the wire bytes, the findings that appeared or went
 * away, and what went in — request, settings, the project's files. Pure data: the page and
 * tests read it; nothing here runs code.
 */
import { personalityName } from '../trace/personalityNames.ts';
import type { Project } from '../project/project.ts';
import type { Finding } from '../rules/types.ts';
import { fromBase64 } from '../trace/bytes.ts';
import type { Trace } from '../trace/schema.ts';
import { countChanges, type RowChange } from './alignRows.ts';
import { diffBytes, type BytesDiff } from './bytesDiff.ts';
import { alignEvents, type EventRow } from './eventAlignment.ts';
import { diffFindings, type FindingsDiff } from './findingsDiff.ts';
import { diffHeaders, type HeaderRow } from './headerDiff.ts';
import {
  diffProjects,
  diffRequests,
  diffSettings,
  type FileChange,
  type InputChange,
} from './inputsDiff.ts';

/** One run as the comparison needs it: its trace, its findings and the project it ran. */
export interface CompareSide {
  trace: Trace;
  findings: readonly Finding[];
  /** The project's files (a trace names them but does not hold their text). */
  project: Project;
}

/** A line of the summary: one figure of each run, and whether it differs. */
export interface SummaryRow {
  label: string;
  a: string;
  b: string;
  change: RowChange;
  /** A figure that differs between any two runs (time): shown, never counted as a difference. */
  varies?: true;
}

/** Two runs compared (see the file's comment). */
export interface RunComparison {
  summary: SummaryRow[];
  events: EventRow[];
  headers: HeaderRow[];
  body: BytesDiff;
  wire: BytesDiff;
  findings: FindingsDiff;
  inputs: InputChange[];
  files: FileChange[];
}

function summaryOf(a: CompareSide, b: CompareSide): SummaryRow[] {
  const figures = (side: CompareSide): [string, string][] => [
    ['Server', personalityName(side.trace.settings)],
    ['Status', side.trace.response.status ?? 'no response'],
    ['Outcome', side.trace.outcome],
    ['Body bytes', side.trace.response.bodySize.toLocaleString('en')],
    ['Wire bytes', side.trace.response.wireSize.toLocaleString('en')],
    ['Events', side.trace.events.length.toLocaleString('en')],
    ['Findings', side.findings.length.toLocaleString('en')],
    ['Time in Python', `${side.trace.stats.ms.toFixed(1)} ms`],
  ];
  const right = figures(b);
  return figures(a).map(([label, x], index): SummaryRow => {
    const y = right[index]?.[1] ?? '';
    if (label === 'Time in Python') return { label, a: x, b: y, change: 'same', varies: true };
    return { label, a: x, b: y, change: x === y ? 'same' : 'changed' };
  });
}

/**
 * Compare run A with run B.
 *
 * @example
 * const comparison = compareRuns(
 *   { trace: before, findings: runRules(before), project: projectBefore },
 *   { trace: after, findings: runRules(after), project: projectAfter },
 * );
 * comparison.headers.filter((row) => row.change !== 'same'); // the headers that differ
 */
export function compareRuns(a: CompareSide, b: CompareSide): RunComparison {
  const ra = a.trace.response;
  const rb = b.trace.response;
  const entry: InputChange[] =
    a.project.entry === b.project.entry
      ? []
      : [{ field: 'Entry', a: a.project.entry, b: b.project.entry }];
  return {
    summary: summaryOf(a, b),
    events: alignEvents(a.trace.events, b.trace.events),
    headers: diffHeaders(ra.headers, rb.headers),
    body: diffBytes(fromBase64(ra.bodyBase64), fromBase64(rb.bodyBase64)),
    wire: diffBytes(fromBase64(ra.wireBase64), fromBase64(rb.wireBase64)),
    findings: diffFindings(a.findings, b.findings),
    inputs: [
      ...entry,
      ...diffRequests(a.trace.request, b.trace.request),
      ...diffSettings(a.trace.settings, b.trace.settings),
    ],
    files: diffProjects(a.project, b.project),
  };
}

/** How many of `rows` differ. */
function differing(rows: readonly { change: RowChange }[]): number {
  const counts = countChanges(rows);
  return counts.changed + counts.added + counts.removed;
}

/** How many differences each part of a comparison has (the view's tabs show them). */
export function differenceCounts(comparison: RunComparison) {
  return {
    summary: differing(comparison.summary),
    events: differing(comparison.events),
    headers: differing(comparison.headers),
    body: comparison.body.identical ? 0 : Math.max(differing(comparison.body.rows), 1),
    wire: differing(comparison.wire.rows),
    findings: comparison.findings.appeared.length + comparison.findings.gone.length,
    inputs: comparison.inputs.length,
    files: differing(comparison.files),
  };
}

/** The counts of `differenceCounts`. */
export type DifferenceCounts = ReturnType<typeof differenceCounts>;
