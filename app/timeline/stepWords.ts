/**
 * The state at a step in plain words, one sentence per question a learner asks: has
 * start_response been called, and with what? Are the headers out? How much has the client
 * got? Who still holds the call, and which iterables are open?
 */
import {
  APP_LAYER,
  bytesPreview,
  fromBase64,
  toBase64,
  type StepState,
  type Trace,
} from '../../src/index.ts';
import { formatBytes, plural } from '../common/formatting.ts';

/** Bytes of the body quoted in the card (the Response tab shows it all). */
const BODY_PREVIEW = 48;

/** A lane as a person names it: the server, a layer's callable, the app's callable. */
export function laneName(trace: Pick<Trace, 'callable' | 'layers'>, lane: string): string {
  if (lane === 'server') return 'the server';
  if (lane === APP_LAYER) return trace.callable ?? 'the app';
  return trace.layers?.find((layer) => layer.id === lane)?.name ?? lane;
}

/** "at step 2 (line 15)" for the event numbered `seq`. */
function atStep(trace: Pick<Trace, 'events'>, seq: number): string {
  const index = trace.events.findIndex((event) => event.seq === seq);
  const line = trace.events[index]?.line;
  return `at step ${index + 1}${line === undefined ? '' : ` (line ${line})`}`;
}

/** Whether and how start_response has been called so far. */
export function startResponseWords(trace: Trace, state: StepState): string {
  const calls = state.startResponses;
  const last = calls.at(-1);
  if (!last) return 'Not called yet.';
  const times = calls.length === 1 ? 'Called once' : `Called ${calls.length} times, last`;
  const names = (last.headers ?? []).map((item) => item.name ?? item.repr ?? '?');
  const headers = last.headers
    ? names.length === 0
      ? 'no headers'
      : `${plural(names.length, 'header')} (${names.join(', ')})`
    : `headers ${last.headersRepr ?? `of type ${last.headersType}`}`;
  const exc = last.excInfo === null ? 'exc_info None' : `exc_info ${last.excInfo}`;
  const who = last.actor === 'server' ? ' By the server, for its own error page.' : '';
  const refused = last.error === undefined ? '' : ` It raised ${last.error}.`;
  return `${times} ${atStep(trace, last.seq)}: ${JSON.stringify(last.status)}, ${headers}, ${exc}.${who}${refused}`;
}

/** Whether the status and headers are on the wire yet. */
export function headersWords(trace: Trace, state: StepState): string {
  const { commit } = state;
  if (!commit) {
    return state.startResponses.length === 0
      ? 'Not committed: there is nothing to send yet.'
      : 'Not committed: start_response only stores them; they go out with the first body bytes (or at the end).';
  }
  const added = commit.added.length ? `; the server added ${commit.added.join(', ')}` : '';
  return `Committed ${atStep(trace, commit.seq)}: the status line and ${plural(commit.headers.length, 'header')} are on the wire${added}.`;
}

/**
 * How many wire bytes the server has sent (and whether the client is still there to read);
 * `live`: the run is held, so there is no whole to count them out of yet.
 */
export function wireWords(state: StepState, live = false): string {
  const { sent, total } = state.wire;
  if (live) return `${formatBytes(sent)} sent so far.`;
  const all = sent === total ? ' — all of it' : '';
  const gone = state.disconnect
    ? ` The client went away after ${formatBytes(state.disconnect.afterBytes)}: the next write raised ${state.disconnect.error}.`
    : '';
  return `${sent.toLocaleString('en')} of ${formatBytes(total)} sent${all}.${gone}`;
}

/** How much of the body the client has, with its first bytes. */
export function bodyWords(trace: Trace, state: StepState): string {
  const { sent, total } = state.body;
  const has =
    trace.outcome === 'paused'
      ? `The client has ${formatBytes(sent)} so far`
      : `The client has ${sent.toLocaleString('en')} of ${formatBytes(total)}`;
  if (sent === 0) return `${has}.`;
  // Decode only the first bytes: a body can be megabytes.
  const start = fromBase64(trace.response.bodyBase64.slice(0, 4 * Math.ceil(BODY_PREVIEW / 3)));
  const shown = start.subarray(0, Math.min(sent, BODY_PREVIEW));
  return `${has}: ${bytesPreview(toBase64(shown), sent)}`;
}

/** The WSGI calls under way, outermost first. */
export function callsWords(trace: Trace, state: StepState): string {
  const innermost = state.held.at(-1);
  if (!innermost) {
    const called = trace.events
      .slice(0, state.index + 1)
      .some((event) => event.kind === 'app.call');
    return called
      ? 'None: every call has returned.'
      : 'None yet: the server has not called the app.';
  }
  const chain = state.held.map((call) => `${laneName(trace, call.lane)}()`).join(' → ');
  return `The server is inside ${chain}, called ${atStep(trace, innermost.since)}.`;
}

/** The iterables returned and not closed yet, one sentence each. */
export function iterableWords(trace: Trace, state: StepState): string[] {
  return state.open.map((item) => {
    const from = `${laneName(trace, item.lane)}’s ${item.resultType}, returned to ${laneName(trace, item.outer)} ${atStep(trace, item.since)}`;
    if (!item.hasClose) return `${from}; it has no close().`;
    if (item.neverClosed) return `${from}: never closed — nobody called its close().`;
    return `${from}; its close() is still to be called.`;
  });
}
