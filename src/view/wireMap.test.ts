import { describe, expect, it } from 'vitest';
import { toBase64 } from '../trace/bytes.ts';
import type { Trace, TraceEvent } from '../trace/schema.ts';
import {
  buildWireMap,
  framingPiece,
  truncationNote,
  wirePieces,
  type WireSpan,
} from './wireMap.ts';
import { chunkedTrace } from './chunkedTrace.testing.ts';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

const at = (seq: number, actor: string, line?: number) =>
  line === undefined ? { seq, t: seq, actor } : { seq, t: seq, actor, line };

type StartResponse = Extract<TraceEvent, { kind: 'start_response' }>;

const startResponse = (seq: number, actor = 'app', line?: number): StartResponse => ({
  ...at(seq, actor, line),
  kind: 'start_response',
  status: '200 OK',
  statusType: 'str',
  excInfo: null,
  headersSent: false,
  headersType: 'list',
  headers: [{ itemType: 'tuple', name: 'Content-Type', value: 'text/plain' }],
});

const commit = (seq: number, added: string[], wireEnd: number): TraceEvent => ({
  ...at(seq, 'server', 3),
  kind: 'headers.commit',
  status: '200 OK',
  headers: [],
  added,
  wireStart: 0,
  wireEnd,
});

const chunk = (seq: number, kind: 'write' | 'yield', text: string, actor = 'app'): TraceEvent =>
  kind === 'write'
    ? { ...at(seq, actor, seq), kind, type: 'bytes', size: text.length }
    : { ...at(seq, actor, seq), kind, type: 'bytes', size: text.length, index: 0 };

/** A trace whose wire is `head` then each body chunk, cut to `keep` bytes if given. */
function traceOf(
  head: string,
  body: { seq: number; text: string }[],
  events: TraceEvent[],
  keep?: number,
): Trace {
  const wire = head + body.map((part) => part.text).join('');
  const segments: Trace['response']['segments'] = [{ start: 0, end: head.length, part: 'head' }];
  let offset = head.length;
  for (const part of body) {
    segments.push({ start: offset, end: offset + part.text.length, part: 'body', seq: part.seq });
    offset += part.text.length;
  }
  const kept = wire.slice(0, keep ?? wire.length);
  return {
    version: 1,
    request: { method: 'GET', target: '/', headers: [], bodyBase64: '' },
    settings: {
      personality: head.startsWith('HTTP/') ? 'http' : 'cgi',
      httpVersion: '1.1',
      scriptName: '',
      urlScheme: 'http',
      multithread: false,
      multiprocess: false,
      runOnce: false,
      callable: '',
      filename: 'app.py',
      maxEvents: 1000,
      maxWireBytes: keep ?? 1 << 20,
      previewBytes: 256,
    },
    callable: 'application',
    environ: [],
    events,
    response: {
      status: '200 OK',
      headers: [],
      bodyBase64: '',
      bodySize: wire.length - head.length,
      wireBase64: toBase64(latin1(kept)),
      wireSize: wire.length,
      segments,
      truncated: kept.length < wire.length,
    },
    outcome: 'complete',
    errorLog: '',
    notes: [],
    stats: { ms: 1, events: events.length, chunks: body.length, bodyBytes: 0, wireBytes: 0 },
  };
}

const HTTP_HEAD =
  'HTTP/1.1 200 OK\r\nDate: Tue, 24 Nov 2026 07:12:58 GMT\r\nContent-Type: text/plain\r\n\r\n';

/** The generator app: write(b"first\r\n"), then two yields. */
function generatorTrace(keep?: number): Trace {
  return traceOf(
    HTTP_HEAD,
    [
      { seq: 3, text: 'first\r\n' },
      { seq: 5, text: 'second ' },
      { seq: 6, text: '\x00\xff third' },
    ],
    [
      { ...at(0, 'server', 1), kind: 'app.call' },
      startResponse(2, 'app', 2),
      chunk(3, 'write', 'first\r\n'),
      commit(4, ['Date'], HTTP_HEAD.length),
      chunk(5, 'yield', 'second '),
      chunk(6, 'yield', '\x00\xff third'),
    ],
    keep,
  );
}

const brief = (span: WireSpan) => ({
  range: [span.start, span.end],
  part: span.part,
  origin: span.origin,
  name: span.headerName,
  seq: span.event?.seq,
  source: span.source?.seq,
  shade: span.shade,
});

describe('buildWireMap', () => {
  it('cuts the head into status, header and blank lines, marking what the server added', () => {
    const map = buildWireMap(generatorTrace());
    const head = map.spans.filter((span) => span.part !== 'body').map(brief);
    expect(head).toEqual(
      [
        { range: [0, 17], part: 'status', origin: 'server', seq: 4, source: 2 },
        { range: [17, 54], part: 'header', origin: 'server', name: 'Date', seq: 4 },
        { range: [54, 80], part: 'header', origin: 'app', name: 'Content-Type', seq: 4, source: 2 },
        { range: [80, 82], part: 'blank', origin: 'server', seq: 4 },
      ].map((span) => ({ name: undefined, source: undefined, shade: undefined, ...span })),
    );
  });

  it('traces each body range to the write or yield that produced it, in alternating shades', () => {
    const body = buildWireMap(generatorTrace()).spans.filter((span) => span.part === 'body');
    expect(body.map((span) => [span.start, span.end, span.event?.kind, span.event?.line])).toEqual([
      [82, 89, 'write', 3],
      [89, 96, 'yield', 5],
      [96, 104, 'yield', 6],
    ]);
    expect(body.map((span) => span.shade)).toEqual([0, 1, 0]);
    expect(body.every((span) => span.origin === 'app')).toBe(true);
  });

  it('covers every kept byte exactly once', () => {
    const map = buildWireMap(generatorTrace());
    let next = 0;
    for (const span of map.spans) {
      expect(span.start).toBe(next);
      next = span.end;
    }
    expect(next).toBe(map.keptBytes);
    expect(map.truncated).toBe(false);
  });

  it('marks the CGI Status line as the server-added status', () => {
    const head = 'Status: 200 OK\r\nContent-Type: text/plain\r\n\r\n';
    const trace = traceOf(
      head,
      [{ seq: 3, text: 'hi' }],
      [startResponse(1, 'app', 2), chunk(3, 'yield', 'hi'), commit(4, ['Status'], head.length)],
    );
    const spans = buildWireMap(trace).spans.map(brief);
    expect(spans[0]).toMatchObject({ part: 'status', origin: 'server', name: 'Status', source: 1 });
    expect(spans[1]).toMatchObject({ part: 'header', origin: 'app', name: 'Content-Type' });
  });

  it("gives the server's own error page to the server, headers and body", () => {
    const head =
      'HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n';
    const trace = traceOf(
      head,
      [{ seq: 4, text: 'oops!' }],
      [
        startResponse(3, 'server'),
        chunk(4, 'yield', 'oops!', 'server'),
        commit(5, ['Content-Length'], head.length),
      ],
    );
    const spans = buildWireMap(trace).spans;
    expect(spans.map((span) => span.origin)).toEqual([
      'server',
      'server',
      'server',
      'server',
      'server',
    ]);
    expect(spans.find((span) => span.headerName === 'Content-Length')?.origin).toBe('server');
  });

  it('takes the headers of the last start_response that succeeded before the commit', () => {
    const failed: StartResponse = { ...startResponse(2, 'app', 5), error: 'AssertionError: x' };
    const trace = traceOf(
      HTTP_HEAD,
      [{ seq: 4, text: 'x' }],
      [startResponse(1, 'app', 3), failed, chunk(4, 'yield', 'x'), commit(5, ['Date'], 82)],
    );
    const contentType = buildWireMap(trace).spans.find((s) => s.headerName === 'Content-Type');
    expect(contentType?.source?.seq).toBe(1);
  });

  it('stops at the kept bytes of a truncated wire and says how much was sent', () => {
    const map = buildWireMap(generatorTrace(92));
    expect(map.truncated).toBe(true);
    expect(map.keptBytes).toBe(92);
    expect(map.totalBytes).toBe(104);
    const last = map.spans.at(-1);
    expect([last?.start, last?.end, last?.event?.seq, last?.clipped]).toEqual([89, 92, 5, true]);
    expect(truncationNote(map)).toBe(
      'Showing the first 92 of 104 bytes: the rest was sent but not kept.',
    );
  });

  it('cuts mid-head honestly too', () => {
    const map = buildWireMap(generatorTrace(20));
    expect(map.spans.map((span) => [span.start, span.end, span.part])).toEqual([
      [0, 17, 'status'],
      [17, 20, 'head'],
    ]);
    expect(map.spans[1]?.clipped).toBe(true);
  });

  it('shows bytes no segment accounts for without claiming who sent them', () => {
    const trace = generatorTrace();
    trace.response.segments = [];
    const map = buildWireMap(trace);
    expect(map.spans).toEqual([{ start: 0, end: 104, part: 'body', origin: 'server' }]);
  });

  it('is empty when nothing was sent', () => {
    const trace = traceOf('', [], []);
    trace.response.segments = [];
    expect(buildWireMap(trace).spans).toEqual([]);
    expect(truncationNote(buildWireMap(trace))).toBeNull();
  });
});

describe('wirePieces', () => {
  it('keeps printable ASCII, marks CR and LF, and escapes the other bytes', () => {
    const bytes = latin1('a b\r\n\t\x00\xc3\xa9\\');
    expect(wirePieces(bytes, 0, bytes.length)).toEqual([
      { kind: 'text', text: 'a b' },
      { kind: 'cr', text: '\r' },
      { kind: 'lf', text: '\n' },
      { kind: 'escape', text: '\\t' },
      { kind: 'escape', text: '\\x00' },
      { kind: 'escape', text: '\\xc3' },
      { kind: 'escape', text: '\\xa9' },
      { kind: 'escape', text: '\\\\' },
    ]);
  });

  it('reads only the range asked for', () => {
    expect(wirePieces(latin1('abcdef'), 2, 4)).toEqual([{ kind: 'text', text: 'cd' }]);
  });
});

describe('buildWireMap on a chunked body', () => {
  it('marks the framing the server added: size lines, chunk ends, the last chunk', () => {
    const map = buildWireMap(chunkedTrace());
    const after = map.spans.filter((span) => span.part === 'framing' || span.part === 'body');
    expect(
      after.map((span) => [
        span.part,
        span.framing,
        span.chunkSize,
        span.origin,
        span.event?.seq,
        span.shade,
      ]),
    ).toEqual([
      ['framing', 'size', 6, 'server', 3, undefined],
      ['body', undefined, undefined, 'app', 3, 0],
      ['framing', 'end', undefined, 'server', 3, undefined],
      ['framing', 'size', 5, 'server', 5, undefined],
      ['body', undefined, undefined, 'app', 5, 1],
      ['framing', 'end', undefined, 'server', 5, undefined],
      ['framing', 'last', undefined, 'server', undefined, undefined],
    ]);
  });

  it('counts a header the server dropped from the app and wrote itself as the server’s', () => {
    const trace = chunkedTrace((events) =>
      events.map((event) =>
        event.kind === 'headers.commit'
          ? { ...event, added: ['Server', 'Date', 'Transfer-Encoding'], dropped: ['Connection'] }
          : event,
      ),
    );
    const connection = buildWireMap(trace).spans.find((span) => span.headerName === 'Connection');
    expect(connection?.origin).toBe('server');
  });
});

describe('framingPiece', () => {
  it('reads a size line in hex, with or without extensions', () => {
    expect(framingPiece('1A\r\n')).toEqual({ framing: 'size', chunkSize: 26 });
    expect(framingPiece('6;ext=1\r\n')).toEqual({ framing: 'size', chunkSize: 6 });
    expect(framingPiece('0\r\n\r\n')).toEqual({ framing: 'last' });
    expect(framingPiece('\r\n')).toEqual({ framing: 'end' });
  });
});
