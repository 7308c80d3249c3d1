/**
 * What the page shows once a run has finished: which trace the result panels keep, the
 * selection, the file the editor opens, and whether live mode pauses itself.
 */
import type { Project, Trace } from '../../src/index.ts';

/** A run slower than this (in Python) switches live mode off. */
export const LIVE_MAX_RUN_MS = 750;

/** Outcomes after which live mode pauses: re-running on every keystroke would hang again. */
const PAUSES_LIVE: ReadonlySet<Trace['outcome']> = new Set([
  'timeout',
  'stopped',
  'limit',
  'crash',
]);

/** Outcomes of runs that never reached the app: they keep the previous results visible. */
const NOT_SERVED: ReadonlySet<Trace['outcome']> = new Set([
  'syntax-error',
  'load-error',
  'bad-request',
]);

/** The parts of the page's state a finished run changes. */
export interface RunView {
  readonly project: Project;
  readonly activeFile: string;
  readonly libraryFile: string | null;
  readonly shownTrace: Trace | null;
  readonly selectedSeq: number | null;
  readonly live: boolean;
}

/** How `state` changes when the newest run finished with `trace`. */
export function viewAfterRun(
  state: RunView,
  trace: Trace,
): Partial<RunView> & { liveNote?: string } {
  const served = !NOT_SERVED.has(trace.outcome);
  const slow = trace.stats.ms > LIVE_MAX_RUN_MS || PAUSES_LIVE.has(trace.outcome);
  const file = errorFile(trace, state.project);
  return {
    shownTrace: served || state.shownTrace === null ? trace : state.shownTrace,
    // A library file stays open while the new run still has its text.
    ...(served && state.libraryFile !== null && trace.sources?.[state.libraryFile] === undefined
      ? { libraryFile: null }
      : {}),
    selectedSeq: served ? null : state.selectedSeq,
    // A syntax or load error in another file: show that file, where its marker is.
    ...(file === null ? {} : { activeFile: file }),
    ...(slow && state.live
      ? {
          live: false,
          liveNote: PAUSES_LIVE.has(trace.outcome)
            ? `Live mode paused: the last run ended as ${trace.outcome}.`
            : `Live mode paused: the last run took ${Math.round(trace.stats.ms)} ms.`,
        }
      : {}),
  };
}

/** The project file a run's load or syntax error is in, when it is not the entry file. */
function errorFile(trace: Trace, project: Project): string | null {
  const file = trace.error?.file;
  return file !== undefined && Object.hasOwn(project.files, file) ? file : null;
}
