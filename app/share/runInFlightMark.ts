/**
 * The run-in-flight mark saved with the draft: set while a run may be hung, so that reloading
 * the page does not start it again.
 */
import type { Trace } from '../../src/index.ts';
import type { RunResult } from '../state/playgroundStore.ts';

/** A run in Python this long counts as possibly hung if the page is reloaded meanwhile. */
export const HUNG_AFTER_MS = 1000;
/** Outcomes of runs that did not end by themselves: reloading must not start them again. */
const DID_NOT_FINISH: ReadonlySet<Trace['outcome']> = new Set(['timeout', 'stopped', 'crash']);

/** What the mark needs from its surroundings. */
export interface RunInFlightMarkOptions {
  /** The mark as the saved draft left it. */
  marked: boolean;
  schedule: (task: () => void, ms: number) => () => void;
  /** Called when a run has been in Python long enough to be marked (to save the mark at once). */
  onMarked: () => void;
}

/** Track whether the newest run may be hung. */
export function createRunInFlightMark(options: RunInFlightMarkOptions) {
  let marked = options.marked;
  let cancelMark: (() => void) | null = null;

  return {
    /** Whether a run may be hung (what the draft saves). */
    isMarked: (): boolean => marked,
    /**
     * A run is now in Python: mark it once it has been there for a moment. A run waiting for its
     * interpreter cannot hang, and a reload in the middle of a quick run is not a hang.
     */
    runStarted(): void {
      cancelMark?.();
      cancelMark = options.schedule(() => {
        cancelMark = null;
        marked = true;
        options.onMarked();
      }, HUNG_AFTER_MS);
    },
    /** Stop waiting to mark the running run (the session is disposed). */
    cancel(): void {
      cancelMark?.();
      cancelMark = null;
    },
    /** A run finished: the mark stays only if it did not end by itself. */
    runFinished(result: RunResult): void {
      cancelMark?.();
      cancelMark = null;
      marked = result.kind === 'trace' && DID_NOT_FINISH.has(result.trace.outcome);
    },
  };
}

/** The run-in-flight mark of a page. */
export type RunInFlightMark = ReturnType<typeof createRunInFlightMark>;
