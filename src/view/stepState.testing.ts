/**
 * Hand-built traces for the step tests (here and in app/timeline, app/results): events made
 * one maker a seq, and a wire of the head then each chunk's text.
 */
import { toBase64 } from '../trace/bytes.ts';
import type { Trace, TraceEvent } from '../trace/schema.ts';

/** The head every hand-built trace sends. */
export const HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n';
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** Builds events in seq order: each call gets the next seq. */
export function eventsOf(...makers: ((seq: number) => TraceEvent)[]): TraceEvent[] {
  return makers.map((make, seq) => make(seq));
}

/** The common fields of event `seq`, by `actor` (its line: seq + 1). */
export const on = (seq: number, actor: string) => ({ seq, t: seq, actor, line: seq + 1 });
/** `app.call`: the server calls the app (a layered run: its outermost layer's id). */
export const call =
  (actor = 'server') =>
  (seq: number) => ({ ...on(seq, actor), kind: 'app.call' as const });
/** A `start_response` call of `200 OK` with one header (`error`: the server refused it). */
export const start =
  (actor = 'app', error?: string) =>
  (seq: number): TraceEvent => ({
    ...on(seq, actor),
    kind: 'start_response',
    status: '200 OK',
    statusType: 'str',
    excInfo: null,
    headersSent: false,
    headersType: 'list',
    headers: [{ itemType: 'tuple', name: 'Content-Type', value: 'text/plain' }],
    ...(error === undefined ? {} : { error }),
  });
/** `app.return` of a `resultType` (a generator has a close(); a list has a len()). */
export const returns =
  (resultType: string, actor = 'app') =>
  (seq: number): TraceEvent => ({
    ...on(seq, actor),
    kind: 'app.return',
    resultType,
    isGenerator: resultType === 'generator',
    hasClose: resultType === 'generator',
    hasLen: resultType === 'list',
  });
/** A `write` or `yield` of `text`'s bytes. */
export const chunk =
  (kind: 'write' | 'yield', text: string, actor = 'app') =>
  (seq: number): TraceEvent =>
    kind === 'write'
      ? { ...on(seq, actor), kind, type: 'bytes', size: text.length }
      : { ...on(seq, actor), kind, type: 'bytes', size: text.length, index: 0 };
/** `headers.commit` of `HEAD`. */
export const commit = (seq: number): TraceEvent => ({
  ...on(seq, 'server'),
  kind: 'headers.commit',
  status: '200 OK',
  headers: [['Content-Type', 'text/plain']],
  added: [],
  wireStart: 0,
  wireEnd: HEAD.length,
});
/** The server's `close` of the app's iterable (a layered run: actor the outermost layer). */
export const close =
  (actor = 'server') =>
  (seq: number): TraceEvent => ({
    ...on(seq, actor),
    kind: 'close',
    called: true,
    resultType: 'generator',
  });
/** The end of a run that completed. */
export const complete = (seq: number): TraceEvent => ({
  ...on(seq, 'server'),
  kind: 'complete',
  outcome: 'complete',
});
/** A layer event between `lane` and the `outer` lane that called it, with `more` fields. */
export const layer =
  (kind: 'layer.call' | 'layer.return' | 'layer.close', lane: string, outer: string, more = {}) =>
  (seq: number): TraceEvent =>
    ({
      ...on(seq, kind === 'layer.close' ? outer : lane),
      kind,
      layer: lane,
      outer,
      ...more,
    }) as TraceEvent;

/** What a `layer.return` of an iterable with a close() says about it. */
export const closable = (resultType: string) => ({
  resultType,
  isGenerator: false,
  hasClose: true,
  hasLen: false,
});
/** An exception out of the app's call. */
export const raised = (seq: number): TraceEvent => ({
  ...on(seq, 'app'),
  kind: 'exception',
  phase: 'call',
  type: 'ValueError',
  message: 'no',
  traceback: [],
  formatted: '',
});

/** A trace of these events whose wire is the head then each chunk event's text, in order. */
export function traceOf(
  events: TraceEvent[],
  chunks: Record<number, string>,
  keep?: number,
): Trace {
  const head = events.some((event) => event.kind === 'headers.commit') ? HEAD : '';
  const segments: Trace['response']['segments'] = head
    ? [{ start: 0, end: head.length, part: 'head' }]
    : [];
  let wire = head;
  for (const [seq, text] of Object.entries(chunks)) {
    segments.push({ start: wire.length, end: wire.length + text.length, part: 'body', seq: +seq });
    wire += text;
  }
  const kept = wire.slice(0, keep ?? wire.length);
  return {
    version: 1,
    request: { method: 'GET', target: '/', headers: [], bodyBase64: '' },
    settings: {
      personality: 'http',
      httpVersion: '1.1',
      scriptName: '',
      urlScheme: 'http',
      multithread: false,
      multiprocess: false,
      runOnce: false,
      callable: '',
      filename: 'app.py',
      maxEvents: 1000,
      maxWireBytes: 1 << 20,
      previewBytes: 256,
    },
    callable: 'application',
    environ: [],
    events,
    response: {
      status: head ? '200 OK' : null,
      headers: [],
      bodyBase64: toBase64(latin1(kept.slice(head.length))),
      bodySize: wire.length - head.length,
      wireBase64: toBase64(latin1(kept)),
      wireSize: wire.length,
      segments,
      truncated: kept.length < wire.length,
    },
    outcome: 'complete',
    errorLog: '',
    notes: [],
    stats: { ms: 1, events: events.length, chunks: 0, bodyBytes: 0, wireBytes: wire.length },
  };
}

/** A generator: the first chunk comes before the commit (wsgiref sends both together). */
export const generator = (keep?: number) =>
  traceOf(
    eventsOf(
      call(),
      start(),
      returns('generator'),
      chunk('yield', 'a'),
      commit,
      chunk('yield', 'bb'),
      close(),
      complete,
    ),
    { 3: 'a', 5: 'bb' },
    keep,
  );
