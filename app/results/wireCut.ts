/** The Wire tab in step mode: the wire map cut to the bytes sent by the step's event. */
import type { StepState, WireMap } from '../../src/index.ts';
import { plural } from '../common/formatting.ts';

/**
 * The map of the first `sent` bytes: spans past them dropped, the one across them cut. The
 * counts become those of the cut wire (`totalBytes`: `sent`), so the views say what they show.
 */
export function wireMapUpTo(map: WireMap, sent: number): WireMap {
  if (sent >= map.totalBytes) return map;
  const kept = Math.min(sent, map.keptBytes);
  const spans = [];
  for (const span of map.spans) {
    if (span.start >= kept) break;
    spans.push(span.end > kept ? { ...span, end: kept } : span);
  }
  return {
    bytes: map.bytes.subarray(0, kept),
    spans,
    keptBytes: kept,
    totalBytes: sent,
    truncated: kept < sent,
  };
}

/** "As of step 5 of 7: 96 of 110 bytes." — what a cut view says above what it shows. */
export function stepCutNote(
  state: Pick<StepState, 'step' | 'count'>,
  sent: number,
  total: number,
  noun = 'byte',
): string {
  const all = sent >= total ? ' (all of them)' : '';
  const where = `step ${state.step.toLocaleString('en')} of ${state.count.toLocaleString('en')}`;
  return `As of ${where}: ${sent.toLocaleString('en')} of ${plural(total, noun)}${all}.`;
}
