/** Two runs compared: events aligned, headers, bytes and findings diffed (see compareRuns.ts). */
export {
  alignRows,
  countChanges,
  type AlignedRow,
  type AlignOptions,
  type RowChange,
} from './alignRows.ts';
export { alignEvents, eventSignature, eventSlot, type EventRow } from './eventAlignment.ts';
export { diffHeaders, type HeaderRow } from './headerDiff.ts';
export { diffBytes, hexLines, MAX_DIFF_LINES, type BytesDiff } from './bytesDiff.ts';
export { diffFindings, type FindingsDiff } from './findingsDiff.ts';
export {
  diffProjects,
  diffRequests,
  diffSettings,
  type FileChange,
  type InputChange,
} from './inputsDiff.ts';
export {
  compareRuns,
  differenceCounts,
  type CompareSide,
  type DifferenceCounts,
  type RunComparison,
  type SummaryRow,
} from './compareRuns.ts';
