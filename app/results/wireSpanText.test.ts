import { describe, expect, it } from 'vitest';
import type { TraceEvent, WireSpan } from '../../src/index.ts';
import { describeSpan, framingLabel, spanTarget } from './wireSpanText.ts';

const commit: TraceEvent = {
  seq: 4,
  t: 1,
  actor: 'server',
  line: 19,
  kind: 'headers.commit',
  status: '200 OK',
  headers: [],
  added: ['Date'],
  wireStart: 0,
  wireEnd: 80,
};
const call: TraceEvent = {
  seq: 1,
  t: 0,
  actor: 'app',
  line: 15,
  kind: 'start_response',
  status: '200 OK',
  statusType: 'str',
  excInfo: null,
  headersSent: false,
  headersType: 'list',
};
const chunk: TraceEvent = {
  seq: 3,
  t: 1,
  actor: 'app',
  line: 4,
  kind: 'yield',
  index: 0,
  type: 'bytes',
  size: 5,
  previewBase64: btoa('hello'),
};

describe('describeSpan', () => {
  it('says the status line is the server’s, with its text from start_response', () => {
    const span: WireSpan = {
      start: 0,
      end: 17,
      part: 'status',
      origin: 'server',
      event: commit,
      source: call,
    };
    expect(describeSpan(span)).toEqual({
      title: 'Status line',
      detail:
        'Written by the server; the status text comes from start_response (seq 1, line 15). Sent at headers.commit (seq 4, line 19).',
    });
  });

  it('tells a server-added header from an app header', () => {
    const base = { start: 17, end: 54, part: 'header', event: commit } as const;
    expect(describeSpan({ ...base, origin: 'server', headerName: 'Date' }).title).toBe(
      'Date header, added by the server',
    );
    expect(
      describeSpan({ ...base, origin: 'app', headerName: 'Content-Type', source: call }).detail,
    ).toBe(
      'Given by the app from start_response (seq 1, line 15). Sent at headers.commit (seq 4, line 19).',
    );
  });

  it('traces a body range to its event and summary', () => {
    const span: WireSpan = {
      start: 80,
      end: 85,
      part: 'body',
      origin: 'app',
      event: chunk,
      shade: 0,
    };
    expect(describeSpan(span)).toEqual({
      title: 'Body bytes 80–85 (5 bytes)',
      detail: "From yield (seq 3, line 4): chunk #0: 5 bytes b'hello'",
    });
  });

  it('marks a range cut at the kept bytes', () => {
    const span: WireSpan = {
      start: 80,
      end: 82,
      part: 'body',
      origin: 'app',
      event: chunk,
      clipped: true,
    };
    expect(describeSpan(span).title).toBe('Body bytes 80–82 (2 bytes, cut here)');
  });
});

describe('spanTarget', () => {
  it('selects the call that decided the bytes, else the event that sent them', () => {
    expect(
      spanTarget({
        start: 0,
        end: 1,
        part: 'status',
        origin: 'server',
        event: commit,
        source: call,
      }),
    ).toBe(1);
    expect(spanTarget({ start: 0, end: 1, part: 'blank', origin: 'server', event: commit })).toBe(
      4,
    );
    expect(spanTarget({ start: 0, end: 1, part: 'body', origin: 'server' })).toBeNull();
  });
});

/** A framing span sent at `chunk`. */
const framing = (piece: Partial<WireSpan>): WireSpan => ({
  start: 10,
  end: 13,
  part: 'framing',
  origin: 'server',
  event: chunk,
  ...piece,
});

describe('describeSpan on chunked framing', () => {
  it('names each piece and says it is no part of the body', () => {
    expect(describeSpan(framing({ framing: 'size', chunkSize: 6 }))).toEqual({
      title: 'chunk size 6',
      detail:
        "The chunk's size in hex, then CR LF (Transfer-Encoding: chunked, added by the server; not part of the body the client hands over). Sent at yield (seq 3, line 4).",
    });
    expect(describeSpan(framing({ framing: 'end' })).title).toBe('end of chunk');
    expect(describeSpan(framing({ framing: 'last' })).detail).toMatch(/^A chunk of size 0/);
    expect(framingLabel({ framing: 'last' })).toBe('last chunk (0)');
  });
});
