import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema.ts';
import { chunkedTrace } from './chunkedTrace.testing.ts';
import { serverWireNotes } from './serverWireNotes.ts';
import { buildWireMap } from './wireMap.ts';

const notesOf = (trace = chunkedTrace()) => serverWireNotes(trace, buildWireMap(trace));

/** Mark chunk `seq` with `dropped` bytes the server did not send, and why. */
function dropOn(seq: number, dropped: number, droppedWhy: 'content-length' | 'no-body-status') {
  return (events: TraceEvent[]): TraceEvent[] =>
    events.map((event) =>
      event.seq === seq && (event.kind === 'yield' || event.kind === 'write')
        ? { ...event, dropped, droppedWhy }
        : event,
    );
}

/** Mark the `headers.commit` and the first chunk as a server that dropped things marks them. */
function withDrops(events: TraceEvent[]): TraceEvent[] {
  return dropOn(
    3,
    5,
    'content-length',
  )(
    events.map((event) =>
      event.kind === 'headers.commit'
        ? { ...event, added: ['Server', 'Date'], dropped: ['Connection'] }
        : event,
    ),
  );
}

describe('serverWireNotes', () => {
  it('says the server framed the body chunked, counting the chunks, and what it added', () => {
    expect(notesOf()).toEqual([
      'gunicorn 20.1.0 framed the body with Transfer-Encoding: chunked (2 chunks)',
      'added: Server, Date, Connection, Transfer-Encoding',
    ]);
  });

  it('says which headers it dropped and the bytes it cut past Content-Length', () => {
    const trace = chunkedTrace(withDrops);
    trace.response.segments = trace.response.segments.filter((s) => s.part !== 'framing');
    expect(notesOf(trace)).toEqual([
      'gunicorn 20.1.0 added: Server, Date',
      'dropped: Connection',
      'cut 5 bytes past Content-Length',
    ]);
  });

  it('names the status whose body waitress left out', () => {
    const trace = chunkedTrace(dropOn(3, 6, 'no-body-status'));
    trace.settings.personality = 'waitress';
    trace.response.status = '204 No Content';
    expect(notesOf(trace)).toContain('left out 6 bytes of body (a 204 has none)');
    expect(notesOf(trace)[0]).toMatch(/^waitress 2\.1\.2 framed/);
  });

  it('says nothing under wsgiref, and names the server when it changed nothing', () => {
    const trace = chunkedTrace((events) =>
      events.map((event) => (event.kind === 'headers.commit' ? { ...event, added: [] } : event)),
    );
    trace.response.segments = trace.response.segments.filter((s) => s.part !== 'framing');
    expect(notesOf(trace)).toEqual(['gunicorn 20.1.0 sent the response as the app gave it']);
    trace.settings.personality = 'http';
    expect(notesOf(trace)).toEqual([]);
  });
});
