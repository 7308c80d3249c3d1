import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileExactCheck } from './exactCheck.ts';
import { TraceEventSchema, TraceSchema } from './schema.ts';

const chunk = { type: 'bytes', size: 2, previewBase64: 'aGk=' };

/** One valid event of every kind, with optional fields both present and absent. */
const everyKind: unknown[] = [
  { seq: 0, t: 0, kind: 'app.call', actor: 'server', line: 3 },
  {
    seq: 1,
    t: 0.5,
    kind: 'app.return',
    actor: 'app',
    resultType: 'list',
    isGenerator: false,
    hasClose: false,
    hasLen: true,
    length: 1,
  },
  {
    seq: 2,
    t: 1,
    kind: 'start_response',
    actor: 'app',
    line: 4,
    status: '200 OK',
    statusType: 'str',
    excInfo: null,
    headersSent: false,
    headersType: 'list',
    headers: [
      { itemType: 'tuple', name: 'A', value: 'b', nameType: 'str', valueType: 'str' },
      { itemType: 'str', repr: "'oops'" },
    ],
  },
  {
    seq: 3,
    t: 1,
    kind: 'headers.commit',
    actor: 'server',
    status: '200 OK',
    headers: [['A', 'b']],
    added: ['Date'],
    wireStart: 0,
    wireEnd: 40,
  },
  { seq: 4, t: 1, kind: 'write', actor: 'app', ...chunk, error: 'TypeError: x' },
  { seq: 5, t: 1, kind: 'yield', actor: 'app', index: 0, type: 'str', repr: "'x'" },
  {
    seq: 6,
    t: 1,
    kind: 'input.read',
    actor: 'app',
    method: 'read',
    arg: '5',
    position: 2,
    lines: 1,
    ...chunk,
  },
  { seq: 7, t: 1, kind: 'errors.write', actor: 'server', method: 'write', text: 'log' },
  { seq: 8, t: 1, kind: 'print', actor: 'app', stream: 'stdout', text: 'hi' },
  { seq: 9, t: 1, kind: 'close', actor: 'server', called: true, resultType: 'generator' },
  {
    seq: 10,
    t: 1,
    kind: 'exception',
    actor: 'app',
    phase: 'next',
    type: 'ValueError',
    message: 'no',
    traceback: [{ line: 5, name: 'app', text: 'raise ValueError("no")' }],
    formatted: 'Traceback…',
    headersSent: true,
  },
  { seq: 11, t: 1, kind: 'error.response', actor: 'server', status: '500 Error', size: 59 },
  { seq: 12, t: 1, kind: 'complete', actor: 'server', outcome: null },
];

const trace = {
  version: 1,
  request: { method: 'GET', target: '/', headers: [['Host', 'x']], bodyBase64: '' },
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
  callable: null,
  environ: [{ key: 'PATH_INFO', type: 'str', value: '/' }],
  events: everyKind,
  response: {
    status: '200 OK',
    headers: [],
    bodyBase64: '',
    bodySize: 0,
    wireBase64: '',
    wireSize: 0,
    segments: [{ start: 0, end: 4, part: 'head' }],
    truncated: false,
  },
  outcome: 'complete',
  error: { kind: 'load-error', message: 'x', line: 1 },
  errorLog: '',
  notes: [],
  stats: { ms: 1, events: 13, chunks: 0, bodyBytes: 0, wireBytes: 0 },
};

const isTrace = compileExactCheck(TraceSchema);
const isEvent = compileExactCheck(TraceEventSchema);

/** The check must never accept what valibot would reject or change. */
function expectAgreement(value: unknown): void {
  const parsed = v.safeParse(TraceSchema, value);
  if (isTrace(value)) {
    expect(parsed.success).toBe(true);
    expect(parsed.output).toEqual(value);
  }
}

describe('compileExactCheck', () => {
  it('accepts a valid trace, and a valid event of every kind', () => {
    expect(isTrace(trace)).toBe(true);
    for (const event of everyKind) expect(isEvent(event)).toBe(true);
    expectAgreement(trace);
  });

  it('rejects what valibot rejects', () => {
    const broken: unknown[] = [
      null,
      [],
      { ...trace, version: 2 },
      { ...trace, outcome: 'pwned' },
      { ...trace, callable: undefined },
      { ...trace, stats: { ...trace.stats, ms: Number.NaN } },
      { ...trace, stats: { ...trace.stats, events: -1 } },
      { ...trace, stats: { ...trace.stats, chunks: 1.5 } },
      { ...trace, request: { ...trace.request, headers: [['Host']] } },
      { ...trace, events: [{ seq: 0, t: 0, kind: 'evil', actor: 'app' }] },
      { ...trace, events: [{ seq: 0, t: 0, kind: 'app.call', actor: 'app', line: '<b>' }] },
      { ...trace, events: [{ seq: 0, t: 0, kind: 'complete', actor: 'server' }] },
      { ...trace, events: [{ ...(everyKind[10] as object), phase: 'elsewhere' }] },
    ];
    for (const value of broken) {
      expect(isTrace(value)).toBe(false);
      expect(v.safeParse(TraceSchema, value).success).toBe(false);
    }
  });

  it('leaves values with unknown keys or extra tuple items to valibot (which drops them)', () => {
    const extra: unknown[] = [
      { ...trace, injected: '<script>' },
      { ...trace, events: [{ ...(everyKind[0] as object), injected: 1 }] },
      { ...trace, response: { ...trace.response, headers: [['A', 'b', 'c']] } },
    ];
    for (const value of extra) {
      expect(isTrace(value)).toBe(false);
      expectAgreement(value);
    }
  });

  it('answers no for schema parts it cannot compile, so it is never looser than valibot', () => {
    expect(compileExactCheck(v.pipe(v.string(), v.email()))('a@b.c')).toBe(false);
    expect(compileExactCheck(v.optional(v.string(), 'x'))(undefined)).toBe(false);
    expect(compileExactCheck(v.pipe(v.number(), v.maxValue(3)))(1)).toBe(false);
    expect(compileExactCheck(v.date())(new Date())).toBe(false);
  });

  it('checks records key by key (Trace.sources)', () => {
    const isSources = compileExactCheck(v.record(v.string(), v.string()));
    expect(isSources({ 'wsgiref/util.py': 'text' })).toBe(true);
    expect(isSources({})).toBe(true);
    expect(isSources({ 'a.py': 1 })).toBe(false);
    expect(isSources(['a'])).toBe(false);
    expect(compileExactCheck(v.record(v.pipe(v.string(), v.email()), v.string()))({ a: 'b' })).toBe(
      false,
    );
  });
});
