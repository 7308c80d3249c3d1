import { describe, expect, it } from 'vitest';
import { toBase64 } from '../trace/bytes.ts';
import type { Trace, TraceEvent } from '../trace/schema.ts';
import { moveStep, stepCount, stepIndexOfSeq, stepStateAt, wireProgress } from './stepState.ts';
import { buildWireMap } from './wireMap.ts';

const HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n';
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** Builds events in seq order: each call gets the next seq. */
function eventsOf(...makers: ((seq: number) => TraceEvent)[]): TraceEvent[] {
  return makers.map((make, seq) => make(seq));
}

const on = (seq: number, actor: string) => ({ seq, t: seq, actor, line: seq + 1 });
const call =
  (actor = 'app') =>
  (seq: number) => ({ ...on(seq, actor), kind: 'app.call' as const });
const start =
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
const returns =
  (resultType: string, actor = 'app') =>
  (seq: number): TraceEvent => ({
    ...on(seq, actor),
    kind: 'app.return',
    resultType,
    isGenerator: resultType === 'generator',
    hasClose: resultType === 'generator',
    hasLen: resultType === 'list',
  });
const chunk =
  (kind: 'write' | 'yield', text: string, actor = 'app') =>
  (seq: number): TraceEvent =>
    kind === 'write'
      ? { ...on(seq, actor), kind, type: 'bytes', size: text.length }
      : { ...on(seq, actor), kind, type: 'bytes', size: text.length, index: 0 };
const commit = (seq: number): TraceEvent => ({
  ...on(seq, 'server'),
  kind: 'headers.commit',
  status: '200 OK',
  headers: [['Content-Type', 'text/plain']],
  added: [],
  wireStart: 0,
  wireEnd: HEAD.length,
});
const close =
  (actor = 'app') =>
  (seq: number): TraceEvent => ({
    ...on(seq, actor),
    kind: 'close',
    called: true,
    resultType: 'generator',
  });
const complete = (seq: number): TraceEvent => ({
  ...on(seq, 'server'),
  kind: 'complete',
  outcome: 'complete',
});
const layer =
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
const closable = (resultType: string) => ({
  resultType,
  isGenerator: false,
  hasClose: true,
  hasLen: false,
});
const raised = (seq: number): TraceEvent => ({
  ...on(seq, 'app'),
  kind: 'exception',
  phase: 'call',
  type: 'ValueError',
  message: 'no',
  traceback: [],
  formatted: '',
});

/** A trace of these events whose wire is the head then each chunk event's text, in order. */
function traceOf(events: TraceEvent[], chunks: Record<number, string>, keep?: number): Trace {
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
const generator = (keep?: number) =>
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

const every = <T>(trace: Trace, pick: (state: NonNullable<ReturnType<typeof stepStateAt>>) => T) =>
  trace.events.map((_, index) => pick(stepStateAt(trace, index)!));

describe('stepStateAt', () => {
  it('grows the wire from the commit on, the first chunk going out with the head', () => {
    const trace = generator();
    const h = HEAD.length;
    expect(every(trace, (s) => s.wire.sent)).toEqual([0, 0, 0, 0, h + 1, h + 3, h + 3, h + 3]);
    expect(every(trace, (s) => s.body.sent)).toEqual([0, 0, 0, 0, 1, 3, 3, 3]);
    expect(every(trace, (s) => s.wire.total)).toEqual(Array(8).fill(h + 3));
    expect(every(trace, (s) => s.commit?.seq)).toEqual([...Array(4).fill(undefined), 4, 4, 4, 4]);
  });

  it('stops at the byte boundaries buildWireMap draws, and reaches every byte at the end', () => {
    for (const trace of [generator(), generator(HEAD.length + 2)]) {
      const map = buildWireMap(trace);
      const ends = new Set([0, ...map.spans.map((span) => span.end), map.totalBytes]);
      const sent = every(trace, (s) => s.wire.sent);
      for (const count of sent) expect(ends.has(count), String(count)).toBe(true);
      expect(sent).toEqual([...sent].sort((a, b) => a - b));
      expect(sent.at(-1)).toBe(map.totalBytes);
    }
  });

  it('counts what was sent, not what was kept, when the wire was cut', () => {
    const trace = generator(HEAD.length + 1);
    expect(stepStateAt(trace, 5)?.wire).toEqual({ sent: HEAD.length + 3, total: HEAD.length + 3 });
  });

  it('sends a write() right after the commit it causes', () => {
    const trace = traceOf(
      eventsOf(call(), start(), chunk('write', 'xy'), commit, returns('list'), close(), complete),
      { 2: 'xy' },
    );
    expect(every(trace, (s) => s.wire.sent)).toEqual([0, 0, 0, ...Array(4).fill(HEAD.length + 2)]);
  });

  it('lists the start_response calls so far, a refused one included', () => {
    const trace = traceOf(
      eventsOf(call(), start(), start('app', 'AssertionError: Headers already set!'), complete),
      {},
    );
    expect(every(trace, (s) => s.startResponses.map((e) => e.seq))).toEqual([
      [],
      [1],
      [1, 2],
      [1, 2],
    ]);
    expect(every(trace, (s) => s.wire.sent)).toEqual([0, 0, 0, 0]);
  });

  it('holds the call until the app returns, and the iterable until close()', () => {
    const trace = generator();
    expect(every(trace, (s) => s.held.map((c) => `${c.outer}→${c.lane}`))).toEqual([
      ['server→app'],
      ['server→app'],
      ...Array.from({ length: 6 }, () => []),
    ]);
    expect(every(trace, (s) => s.open.map((o) => `${o.resultType}@${o.since}`))).toEqual([
      [],
      [],
      ...Array.from({ length: 4 }, () => ['generator@2']),
      [],
      [],
    ]);
  });

  it('nests middleware calls, and closes a passed-on iterable with the server’s close()', () => {
    const trace = traceOf(
      eventsOf(
        call('Stamp'),
        layer('layer.call', 'app', 'Stamp'),
        start('Stamp'),
        layer('layer.return', 'app', 'Stamp', closable('Rows')),
        returns('Rows', 'Stamp'),
        close('Stamp'),
        complete,
      ),
      {},
    );
    expect(every(trace, (s) => s.held.map((c) => c.lane))).toEqual([
      ['Stamp'],
      ['Stamp', 'app'],
      ['Stamp', 'app'],
      ['Stamp'],
      [],
      [],
      [],
    ]);
    expect(every(trace, (s) => s.open.map((o) => `${o.lane}→${o.outer}`))).toEqual([
      [],
      [],
      [],
      ['app→Stamp'],
      ['app→Stamp', 'Stamp→server'],
      [],
      [],
    ]);
  });

  it('keeps an inner iterable open, marked, when its caller never closed it', () => {
    const ret = closable('Rows');
    const never = { called: false, resultType: 'Rows' };
    const trace = traceOf(
      eventsOf(
        call('Drop'),
        layer('layer.call', 'app', 'Drop'),
        layer('layer.return', 'app', 'Drop', ret),
        returns('list', 'Drop'),
        close('Drop'),
        layer('layer.close', 'app', 'Drop', never),
        complete,
      ),
      {},
    );
    expect(stepStateAt(trace, 4)?.open).toMatchObject([{ lane: 'app', neverClosed: false }]);
    expect(stepStateAt(trace, 6)?.open).toMatchObject([{ lane: 'app', neverClosed: true }]);
    const closed = traceOf(
      eventsOf(
        call('Drop'),
        layer('layer.call', 'app', 'Drop'),
        layer('layer.return', 'app', 'Drop', ret),
        layer('layer.close', 'app', 'Drop', { called: true, resultType: 'Rows' }),
        complete,
      ),
      {},
    );
    expect(every(closed, (s) => s.open.length)).toEqual([0, 0, 1, 0, 0]);
  });

  it('unwinds every call under way when the call raised', () => {
    const trace = traceOf(eventsOf(call('Stamp'), layer('layer.call', 'app', 'Stamp'), raised), {});
    expect(every(trace, (s) => s.held.length)).toEqual([1, 2, 0]);
  });

  it('clamps the index to the run, and has no state for a run without events', () => {
    const trace = generator();
    expect(stepStateAt(trace, 99)).toMatchObject({ index: 7, step: 8, count: 8 });
    expect(stepStateAt(trace, -3)).toMatchObject({ index: 0, step: 1 });
    expect(stepStateAt(traceOf([], {}), 0)).toBeNull();
  });

  it('computes the same state with a progress worked out once', () => {
    const trace = generator();
    const progress = wireProgress(trace);
    expect(stepStateAt(trace, 4, progress)).toEqual(stepStateAt(trace, 4));
  });
});

describe('moving between steps', () => {
  const trace = generator();

  it('counts one step per event and finds the step of a seq', () => {
    expect(stepCount(trace)).toBe(8);
    expect(stepIndexOfSeq(trace, 5)).toBe(5);
    expect(stepIndexOfSeq(trace, null)).toBe(-1);
    expect(stepIndexOfSeq(trace, 42)).toBe(-1);
  });

  it('moves within the run, starting at the first step from none', () => {
    expect(moveStep(trace, 3, 'next')).toBe(4);
    expect(moveStep(trace, 7, 'next')).toBe(7);
    expect(moveStep(trace, 3, 'previous')).toBe(2);
    expect(moveStep(trace, 0, 'previous')).toBe(0);
    expect(moveStep(trace, 3, 'first')).toBe(0);
    expect(moveStep(trace, 3, 'last')).toBe(7);
    expect(moveStep(trace, -1, 'next')).toBe(0);
    expect(moveStep(trace, -1, 'previous')).toBe(0);
    expect(moveStep(traceOf([], {}), -1, 'next')).toBe(-1);
  });
});
