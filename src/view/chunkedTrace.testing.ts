/**
 * A run under gunicorn 20.1.0 as the server object recorded it (times and stacks left out):
 * a generator that yields b'hello ' and b'world' with no Content-Length, framed chunked.
 */
import { DEFAULT_SETTINGS } from '../runtime/runInput.ts';
import { toBase64 } from '../trace/bytes.ts';
import type { Trace, TraceEvent } from '../trace/schema.ts';

const HEAD =
  'HTTP/1.1 200 OK\r\nServer: gunicorn\r\nDate: Tue, 01 Dec 2026 23:32:11 GMT\r\n' +
  'Connection: close\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n';
/** The wire: the head, two chunks, the last chunk. */
export const CHUNKED_WIRE = `${HEAD}6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n`;
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

const EVENTS: TraceEvent[] = [
  { seq: 0, t: 0, kind: 'app.call', actor: 'server', line: 1 },
  {
    seq: 1,
    t: 1,
    kind: 'start_response',
    actor: 'app',
    line: 2,
    status: '200 OK',
    statusType: 'str',
    excInfo: null,
    headersSent: false,
    headersType: 'list',
    headers: [{ name: 'Content-Type', value: 'text/plain', itemType: 'tuple' }],
  },
  { seq: 3, t: 2, kind: 'yield', actor: 'app', line: 3, index: 0, type: 'bytes', size: 6 },
  {
    seq: 4,
    t: 3,
    kind: 'headers.commit',
    actor: 'server',
    line: 3,
    status: '200 OK',
    headers: [],
    added: ['Server', 'Date', 'Connection', 'Transfer-Encoding'],
    wireStart: 0,
    wireEnd: HEAD.length,
  },
  { seq: 5, t: 4, kind: 'yield', actor: 'app', line: 4, index: 1, type: 'bytes', size: 5 },
  { seq: 7, t: 5, kind: 'close', actor: 'server', called: true, resultType: 'generator' },
];

/** The trace, with `events` changed by `edit` (to add `dropped` marks, say). */
export function chunkedTrace(edit: (events: TraceEvent[]) => TraceEvent[] = (e) => e): Trace {
  const h = HEAD.length;
  return {
    version: 1,
    request: { method: 'GET', target: '/', headers: [], bodyBase64: '' },
    settings: { ...DEFAULT_SETTINGS, personality: 'gunicorn' },
    callable: 'application',
    environ: [],
    events: edit(structuredClone(EVENTS)),
    response: {
      status: '200 OK',
      headers: [],
      bodyBase64: toBase64(latin1('hello world')),
      bodySize: 11,
      wireBase64: toBase64(latin1(CHUNKED_WIRE)),
      wireSize: CHUNKED_WIRE.length,
      segments: [
        { start: 0, end: h, part: 'head' },
        { start: h, end: h + 3, part: 'framing', seq: 3 },
        { start: h + 3, end: h + 9, part: 'body', seq: 3 },
        { start: h + 9, end: h + 11, part: 'framing', seq: 3 },
        { start: h + 11, end: h + 14, part: 'framing', seq: 5 },
        { start: h + 14, end: h + 19, part: 'body', seq: 5 },
        { start: h + 19, end: h + 21, part: 'framing', seq: 5 },
        { start: h + 21, end: h + 26, part: 'framing' },
      ],
      truncated: false,
    },
    outcome: 'complete',
    errorLog: '',
    notes: [],
    stats: { ms: 1, events: EVENTS.length, chunks: 2, bodyBytes: 11, wireBytes: 173 },
  };
}
