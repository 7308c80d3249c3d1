/**
 * Stepping through a run (time travel): the state of the protocol after one of its events —
 * what start_response had been given, whether the headers were out, how many bytes the
 * client had, which iterables were open and which WSGI calls were under way. Python Tutor's
 * rule: a step shows the world just after its event, before the next one.
 */
import type { Trace, TraceEvent } from '../trace/schema.ts';
import { callsAt, type HeldCall, type OpenIterable } from './stepStateCalls.ts';
import { payloadSentAt, wireProgress, wireSentAt, type WireProgress } from './stepStateWire.ts';
import { indexOfSeq } from './timelineModel.ts';

export type { HeldCall, OpenIterable } from './stepStateCalls.ts';
export { wireProgress, wireSentAt, type WireProgress } from './stepStateWire.ts';

/** A `start_response` event. */
export type StartResponseCall = Extract<TraceEvent, { kind: 'start_response' }>;
/** A `headers.commit` event. */
export type HeadersCommit = Extract<TraceEvent, { kind: 'headers.commit' }>;
/** A `client.disconnect` event. */
export type ClientDisconnect = Extract<TraceEvent, { kind: 'client.disconnect' }>;

/** A count of bytes so far, out of the run's whole. */
export interface BytesSoFar {
  sent: number;
  total: number;
}

/** The state of a run after one event. */
export interface StepState {
  /** The event's index in `Trace.events` (0-based). */
  index: number;
  /** The step's number as a person counts: `index + 1`. */
  step: number;
  /** How many steps the run has (one per event). */
  count: number;
  event: TraceEvent;
  /** The calls of the server's start_response so far, in order (the server's own included). */
  startResponses: StartResponseCall[];
  /** The commit of the headers, once they are on the wire. */
  commit: HeadersCommit | undefined;
  /** The moment the server found the client gone (a client fault), once it has. */
  disconnect: ClientDisconnect | undefined;
  /** Wire bytes the server had sent (head and body). */
  wire: BytesSoFar;
  /** Body bytes the client had. */
  body: BytesSoFar;
  /** The WSGI calls under way, outermost first. */
  held: HeldCall[];
  /** The iterables returned and not yet closed, in the order they were returned. */
  open: OpenIterable[];
}

/** How many steps a run has: one per event. */
export function stepCount(trace: Pick<Trace, 'events'>): number {
  return trace.events.length;
}

/** The step index of event `seq` (`-1` when there is none, or no such event). */
export function stepIndexOfSeq(trace: Pick<Trace, 'events'>, seq: number | null): number {
  return seq === null ? -1 : indexOfSeq(trace.events, seq);
}

/** A move of the step cursor. */
export type StepMove = 'first' | 'previous' | 'next' | 'last';

/** The step index a move lands on from `index` (-1: none yet), kept within the run. */
export function moveStep(trace: Pick<Trace, 'events'>, index: number, move: StepMove): number {
  const last = stepCount(trace) - 1;
  if (last < 0) return -1;
  switch (move) {
    case 'first':
      return 0;
    case 'last':
      return last;
    case 'previous':
      return index < 0 ? 0 : Math.max(index - 1, 0);
    case 'next':
      return index < 0 ? 0 : Math.min(index + 1, last);
  }
}

/**
 * The state of `trace` after its event at `index` (clamped to the run), or null for a run with
 * no events. Pass a `progress` computed once (`wireProgress(trace)`) when stepping often: it
 * is the only part that reads every wire segment.
 *
 * @example
 * const state = stepStateAt(trace, 4);
 * state?.commit !== undefined; // the headers were out by step 5
 * state?.wire.sent;            // the bytes the client had by then
 */
export function stepStateAt(
  trace: Trace,
  index: number,
  progress: WireProgress = wireProgress(trace),
): StepState | null {
  const { events, response } = trace;
  const at = Math.min(Math.max(index, 0), events.length - 1);
  const event = events[at];
  if (!event) return null;
  const startResponses: StartResponseCall[] = [];
  let commit: HeadersCommit | undefined;
  let disconnect: ClientDisconnect | undefined;
  for (const item of events.slice(0, at + 1)) {
    if (item.kind === 'start_response') startResponses.push(item);
    else if (item.kind === 'headers.commit') commit = item;
    else if (item.kind === 'client.disconnect') disconnect ??= item;
  }
  const sent = wireSentAt(progress, at);
  const bodySent = payloadSentAt(response, progress.headBytes, sent);
  return {
    index: at,
    step: at + 1,
    count: events.length,
    event,
    startResponses,
    commit,
    disconnect,
    wire: { sent, total: progress.totalBytes },
    body: { sent: bodySent, total: response.bodySize },
    ...callsAt(trace, at),
  };
}
