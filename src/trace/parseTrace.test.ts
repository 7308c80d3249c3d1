import { describe, expect, it } from 'vitest';
import { parseTrace } from './parseTrace.ts';

const minimal = {
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
    maxEvents: 10,
    maxWireBytes: 10,
    previewBytes: 10,
  },
  callable: 'application',
  environ: [],
  events: [{ seq: 0, t: 0.1, kind: 'complete', actor: 'server', outcome: 'complete' }],
  response: {
    status: null,
    headers: [],
    bodyBase64: '',
    bodySize: 0,
    wireBase64: '',
    wireSize: 0,
    segments: [],
    truncated: false,
  },
  outcome: 'complete',
  errorLog: '',
  notes: [],
  stats: { ms: 1, events: 1, chunks: 0, bodyBytes: 0, wireBytes: 0 },
};

describe('parseTrace', () => {
  it('accepts a well-formed trace', () => {
    expect(parseTrace(minimal)).toMatchObject({ ok: true });
  });

  it('rejects wrong versions, unknown event kinds and wrong types, naming where', () => {
    expect(parseTrace({ ...minimal, version: 2 })).toEqual({
      ok: false,
      error: expect.stringContaining('at version'),
    });
    const badEvent = { ...minimal, events: [{ seq: 0, t: 0, kind: 'evil', actor: 'app' }] };
    expect(parseTrace(badEvent)).toMatchObject({
      ok: false,
      error: expect.stringContaining('events.0'),
    });
    const badLine = {
      ...minimal,
      events: [{ seq: 0, t: 0, kind: 'app.call', actor: 'app', line: '<b>' }],
    };
    expect(parseTrace(badLine)).toMatchObject({ ok: false });
    expect(parseTrace(null)).toMatchObject({ ok: false, error: expect.stringContaining('(root)') });
    expect(parseTrace({ ...minimal, outcome: 'pwned' })).toMatchObject({ ok: false });
  });

  it('drops fields the schema does not know', () => {
    const parsed = parseTrace({ ...minimal, injected: '<script>' });
    expect(parsed.ok && 'injected' in parsed.trace).toBe(false);
  });
});
