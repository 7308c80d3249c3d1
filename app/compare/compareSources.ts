/**
 * What can be compared: the run on screen (with its trace, so it need not run again), the same
 * run under another server, each run of the history (its inputs only: the history keeps no
 * traces), and the two runs of a link.
 */
import { serverName, type HistoryEntry, type Personality, type Trace } from '../../src/index.ts';
import { DEFAULT_REQUEST } from '../state/defaultExample.ts';
import type { PlaygroundState } from '../state/playgroundStore.ts';
import type { RunRecord } from '../share/shareSession.ts';
import { runSettingsFrom, type Workbench } from '../share/startup.ts';

/** A run that can be one side of a comparison. */
export interface CompareSource {
  /** Stable while the run is on offer (`this-run`, `history:<at>`, `link:a`). */
  id: string;
  /** What the picker says. */
  label: string;
  bench: Workbench;
  /** Its trace, when it is known (the run on screen); else the side runs it again. */
  trace?: Trace;
}

/** When a run happened, as the picker says it. */
function clock(at: number): string {
  return new Date(at).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** A run of the history as a source. */
export function historySource(entry: HistoryEntry): CompareSource {
  return {
    id: `history:${entry.at}`,
    label: `${clock(entry.at)} · ${entry.method} ${entry.target} · ${entry.status ?? entry.outcome}`,
    bench: {
      project: entry.project,
      // Entries of an old format kept no request: the method and target stand for it.
      request: entry.request ?? { ...DEFAULT_REQUEST, method: entry.method, target: entry.target },
      settings: runSettingsFrom(entry.settings ?? {}),
    },
  };
}

/**
 * The run on screen: its trace and the inputs it ran with (`record`), or, before any run, what
 * the editor holds (run when compared).
 */
export function thisRunSource(
  state: PlaygroundState,
  record: RunRecord | undefined,
): CompareSource {
  const onScreen: Workbench = {
    project: state.project,
    request: state.request,
    settings: state.settings,
  };
  const result = state.result;
  if (result?.kind === 'trace')
    return {
      id: 'this-run',
      label: 'This run (on screen)',
      bench: record?.bench ?? onScreen,
      trace: result.trace,
    };
  return { id: 'this-run', label: 'The code on screen', bench: onScreen };
}

/** The two runs of a compare link. */
export function linkSources(a: Workbench, b: Workbench): [CompareSource, CompareSource] {
  return [
    { id: 'link:a', label: 'Run A of the link', bench: a },
    { id: 'link:b', label: 'Run B of the link', bench: b },
  ];
}

/**
 * The run on screen (`thisRun`) under the server `personality`: the same project and request,
 * only `settings.personality` changed. Its trace is the run's own when it ran under that server
 * already; else the side runs it.
 */
export function serverSource(thisRun: CompareSource, personality: Personality): CompareSource {
  const { bench } = thisRun;
  const source: CompareSource = {
    id: `server:${personality}`,
    label: `This run under ${serverName(personality)}`,
    bench: { ...bench, settings: { ...bench.settings, personality } },
  };
  if (thisRun.trace && bench.settings.personality === personality) source.trace = thisRun.trace;
  return source;
}
