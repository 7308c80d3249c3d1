/** A run as the history keeps it, and when a run only repeats the newest entry. */
import {
  bytesToText,
  changedSettings,
  fromBase64,
  type HistoryEntry,
  type Trace,
} from '../../src/index.ts';
import { DEFAULT_RUN_SETTINGS } from '../state/playgroundStore.ts';
import type { Workbench } from './startup.ts';

/**
 * A re-run of the same request with the same outcome within this time replaces its history
 * entry: live mode runs on every pause in typing, and the history is for runs that differ.
 */
export const HISTORY_MERGE_MS = 15_000;
/** Characters of the response body the history keeps. */
const PREVIEW_CHARS = 200;

/** The history entry of a run of `bench` that produced `trace`, finished at `at`. */
export function historyEntryOf(bench: Workbench, trace: Trace, at: number): HistoryEntry {
  const body = bytesToText(fromBase64(trace.response.bodyBase64));
  return {
    at,
    method: bench.request.method,
    target: bench.request.target,
    outcome: trace.outcome,
    status: trace.response.status,
    bodyPreview: body.length > PREVIEW_CHARS ? `${body.slice(0, PREVIEW_CHARS)}…` : body,
    project: bench.project,
    request: bench.request,
    settings: changedSettings(bench.settings, DEFAULT_RUN_SETTINGS),
  };
}

/**
 * Whether `entry` only repeats `newest`: same request and settings, same outcome, soon after —
 * and the same code, unless it is a re-run of live mode (`live`), which runs on every pause in
 * typing. A run the person asked for after an edit is kept apart: it is the "after" of a
 * comparison.
 */
export function isQuickRerun(
  newest: HistoryEntry | undefined,
  entry: HistoryEntry,
  live = true,
): boolean {
  return (
    newest !== undefined &&
    (live || JSON.stringify(newest.project) === JSON.stringify(entry.project)) &&
    entry.at - newest.at < HISTORY_MERGE_MS &&
    newest.method === entry.method &&
    newest.target === entry.target &&
    newest.outcome === entry.outcome &&
    newest.status === entry.status &&
    JSON.stringify(newest.settings ?? {}) === JSON.stringify(entry.settings ?? {})
  );
}
