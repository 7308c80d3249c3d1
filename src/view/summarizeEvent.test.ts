import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema.ts';
import { summarizeEvent } from './summarizeEvent.ts';

const at = { seq: 0, t: 0, actor: 'app' };

describe('summarizeEvent', () => {
  it('names the callable the server calls', () => {
    expect(summarizeEvent({ ...at, kind: 'app.call' }, 'app')).toBe(
      'server calls app(environ, start_response)',
    );
  });

  it('shows start_response with its status and header count', () => {
    const event: TraceEvent = {
      ...at,
      kind: 'start_response',
      status: '200 OK',
      statusType: 'str',
      excInfo: null,
      headersSent: false,
      headersType: 'list',
      headers: [{ itemType: 'tuple', name: 'Content-Type', value: 'text/plain' }],
    };
    expect(summarizeEvent(event)).toBe('"200 OK", 1 header');
  });

  it('previews a yielded chunk as a Python bytes literal', () => {
    const event: TraceEvent = {
      ...at,
      kind: 'yield',
      index: 0,
      type: 'bytes',
      size: 14,
      previewBase64: btoa('Hello, World!\n'),
    };
    expect(summarizeEvent(event)).toBe("chunk #0: 14 bytes b'Hello, World!\\n'");
  });

  it('shows a chunk of the wrong type by its repr', () => {
    const event: TraceEvent = { ...at, kind: 'write', type: 'str', repr: "'oops'" };
    expect(summarizeEvent(event)).toBe("write(str 'oops' (not bytes))");
  });

  it('escapes control and non-ASCII bytes and marks a cut preview', () => {
    const event: TraceEvent = {
      ...at,
      kind: 'yield',
      index: 1,
      type: 'bytes',
      size: 100,
      previewBase64: btoa("it's\\\r\xe9"),
    };
    expect(summarizeEvent(event)).toBe("chunk #1: 100 bytes b'it\\'s\\\\\\r\\xe9'…");
  });
});
