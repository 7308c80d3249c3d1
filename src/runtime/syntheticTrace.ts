import type { Outcome, Trace } from '../trace/schema.ts';
import type { RunJob } from './runInput.ts';

/**
 * A Trace for a run whose worker had to be replaced (it hung, or was stopped without the
 * means to interrupt Python): no events could be recovered, only how it ended and why.
 */
export function syntheticTrace(job: RunJob, outcome: Outcome, message: string, ms: number): Trace {
  return {
    version: 1,
    request: job.request,
    settings: job.settings,
    callable: null,
    environ: [],
    events: [{ seq: 0, t: ms, kind: 'complete', actor: 'server', outcome }],
    response: {
      status: null,
      headers: [],
      bodyBase64: '',
      bodySize: 0,
      wireBase64: '',
      wireSize: 0,
      segments: [],
      truncated: false,
    },
    outcome,
    error: { kind: outcome, message },
    errorLog: '',
    notes: [],
    stats: { ms, events: 1, chunks: 0, bodyBytes: 0, wireBytes: 0 },
  };
}
