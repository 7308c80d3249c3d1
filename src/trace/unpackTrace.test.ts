import { describe, expect, it } from 'vitest';
import { toBase64 } from './bytes.ts';
import { unpackTrace } from './unpackTrace.ts';

/** Clock readings in nanoseconds as the packing carries them: little-endian int64s. */
function timesNs(ns: number[]): string {
  return toBase64(new Uint8Array(new BigInt64Array(ns.map((n) => BigInt(n))).buffer));
}

/** A clock reading past 2^32, as a machine's uptime in nanoseconds is. */
const UPTIME = 2 ** 40 * 1000;

const packedEvents = {
  packing: 2,
  length: 5,
  startedNs: UPTIME + 400,
  timesNs: timesNs([10_999, 15_000, 16_000, 17_500, 19_000].map((ns) => UPTIME + ns)),
  previews: ['eA==', 'eXk='],
  items: [
    { seq: 0, t: null, kind: 'app.call', actor: 'server', line: 1 },
    {
      run: 'yield',
      actor: 'app',
      type: 'bytes',
      n: 3,
      index: 0,
      line: [3, null, 3],
      size: 1,
      preview: [0, 0, 1],
    },
    { seq: 4, t: null, kind: 'complete', actor: 'server', outcome: 'complete' },
  ],
};

describe('unpackTrace', () => {
  it('expands runs of chunks into the events Python would have written', () => {
    const trace = unpackTrace({ version: 1, events: packedEvents, response: {} }) as {
      events: unknown[];
    };
    expect(trace.events).toEqual([
      { seq: 0, t: 0.01, kind: 'app.call', actor: 'server', line: 1 },
      {
        seq: 1,
        t: 0.015,
        kind: 'yield',
        actor: 'app',
        line: 3,
        index: 0,
        type: 'bytes',
        size: 1,
        previewBase64: 'eA==',
      },
      {
        seq: 2,
        t: 0.016,
        kind: 'yield',
        actor: 'app',
        index: 1,
        type: 'bytes',
        size: 1,
        previewBase64: 'eA==',
      },
      {
        seq: 3,
        t: 0.017,
        kind: 'yield',
        actor: 'app',
        line: 3,
        index: 2,
        type: 'bytes',
        size: 1,
        previewBase64: 'eXk=',
      },
      { seq: 4, t: 0.019, kind: 'complete', actor: 'server', outcome: 'complete' },
    ]);
    // No line means no key at all, as in a Trace Python builds itself.
    expect(Object.keys(trace.events[2] as object)).not.toContain('line');
    expect(Object.keys(trace.events[1] as object)).toEqual([
      'seq',
      't',
      'kind',
      'actor',
      'line',
      'index',
      'type',
      'size',
      'previewBase64',
    ]);
  });

  it('adds the fields of later updates, but never a __proto__', () => {
    const events = {
      packing: 2,
      length: 2,
      startedNs: 0,
      timesNs: timesNs([1000, 2000]),
      previews: ['eA=='],
      items: [
        {
          run: 'write',
          actor: 'app',
          type: 'bytes',
          n: 2,
          line: 4,
          size: [1, 2],
          preview: 0,
          extra: [[1, JSON.parse('{"error": "E: x", "__proto__": {"polluted": true}}') as object]],
        },
      ],
    };
    const trace = unpackTrace({ events }) as { events: Record<string, unknown>[] };
    expect(trace.events[0]).not.toHaveProperty('error');
    expect(trace.events[1]).toMatchObject({ seq: 1, kind: 'write', size: 2, error: 'E: x' });
    expect(trace.events[1]).not.toHaveProperty('polluted');
  });

  it('expands segment runs into contiguous segments', () => {
    const trace = unpackTrace({
      events: [{}, {}, {}],
      response: {
        status: '200 OK',
        segments: {
          packing: 2,
          runs: [
            { start: 0, part: 'head', n: 1, size: 20 },
            { start: 20, part: 'body', seq: 3, n: 3, size: [1, 0, 2] },
          ],
        },
      },
    }) as { response: { status: string; segments: unknown[] } };
    expect(trace.response.status).toBe('200 OK');
    expect(trace.response.segments).toEqual([
      { start: 0, end: 20, part: 'head' },
      { start: 20, end: 21, part: 'body', seq: 3 },
      { start: 21, end: 21, part: 'body', seq: 4 },
      { start: 21, end: 23, part: 'body', seq: 5 },
    ]);
  });

  it('passes plain traces through unchanged', () => {
    const plain = { events: [{ seq: 0 }], response: { segments: [] } };
    expect(unpackTrace(plain)).toEqual(plain);
    expect(unpackTrace('text')).toBe('text');
  });

  it.each([
    ['an unknown packing', { ...packedEvents, packing: 1 }],
    ['a length that does not match the times', { ...packedEvents, length: 6 }],
    ['a run longer than the events left', { ...packedEvents, timesNs: timesNs([1, 1]), length: 2 }],
    ['a preview index out of range', { ...packedEvents, previews: ['eA=='] }],
    ['a column of the wrong length', withRun({ line: [1, 2] })],
    ['a negative time', { ...packedEvents, timesNs: timesNs([1, 1, -1, 1, 1]) }],
    ['a time beyond 2^53', { ...packedEvents, timesNs: timesNs([1, 1, 2 ** 60, 1, 1]) }],
    ['times that are not base64', { ...packedEvents, timesNs: '!!' }],
    ['a missing start time', { ...packedEvents, startedNs: undefined }],
  ])('rejects %s', (_, events) => {
    expect(() => unpackTrace({ events })).toThrow(/Malformed packed trace/);
  });

  it('rejects forged segment counts instead of allocating them', () => {
    const response = {
      segments: { packing: 2, runs: [{ start: 0, part: 'body', n: 1e12, size: 1 }] },
    };
    expect(() => unpackTrace({ events: [], response })).toThrow(/more segments than writes/);
  });
});

function withRun(fields: Record<string, unknown>): unknown {
  const items = [...packedEvents.items];
  items[1] = { ...(items[1] as object), ...fields } as (typeof items)[number];
  return { ...packedEvents, items };
}
