/** How a run that was interrupted ends: its outcome and the message that says why. */
import type { Outcome, Trace } from '../trace/schema.ts';

/** Why the page stopped a run. */
export type StopReason = 'timeout' | 'stopped';

/** What a run stopped by the page says. */
export function stopMessage(reason: StopReason, timeoutMs: number): string {
  return reason === 'timeout'
    ? `The run was stopped after the ${timeoutMs / 1000} s time limit.`
    : 'The run was stopped.';
}

/** A trace from an interrupted run, labelled with why it was interrupted. */
export function stopped(trace: Trace, reason: StopReason | null, timeoutMs: number): Trace {
  if (!reason || trace.outcome !== 'stopped') return trace;
  return relabel(trace, reason, stopMessage(reason, timeoutMs));
}

/** The trace with another outcome (and the message why). */
export function relabel(trace: Trace, outcome: Outcome, message: string): Trace {
  return {
    ...trace,
    outcome,
    error: { kind: outcome, message },
    events: trace.events.map((event) =>
      event.kind === 'complete' ? { ...event, outcome } : event,
    ),
  };
}
