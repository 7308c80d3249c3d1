/**
 * The text and JSON of a run of several files with a middleware layer, from a Trace shaped as
 * src/trace/schema.ts says the Python side records it (no run needed: this is the CLI's shaping).
 */
import { describe, expect, it } from 'vitest';
import { syntheticTrace } from '../runtime/syntheticTrace.ts';
import { toRunJob } from '../runtime/runInput.ts';
import type { Trace, TraceEvent } from '../trace/schema.ts';
import { formatTraceText, traceToCliJson } from './formatText.ts';

const EVENTS: TraceEvent[] = [
  { seq: 0, t: 0, kind: 'app.call', actor: 'server', line: 4 },
  {
    seq: 1,
    t: 0.1,
    kind: 'layer.call',
    actor: 'Stamp',
    layer: 'app',
    outer: 'Stamp',
    file: 'middleware.py',
    line: 7,
  },
  {
    seq: 2,
    t: 0.2,
    kind: 'layer.start_response',
    actor: 'app',
    layer: 'app',
    outer: 'Stamp',
    file: 'shop/views.py',
    line: 3,
    status: '200 OK',
    statusType: 'str',
    excInfo: null,
    headersType: 'list',
    headers: [],
  },
  {
    seq: 3,
    t: 0.3,
    kind: 'start_response',
    actor: 'Stamp',
    file: 'middleware.py',
    line: 9,
    status: '200 OK',
    statusType: 'str',
    excInfo: null,
    headersSent: false,
    headersType: 'list',
    headers: [{ itemType: 'tuple', name: 'X-Stamp', value: '1' }],
  },
  {
    seq: 4,
    t: 0.4,
    kind: 'yield',
    actor: 'app',
    file: 'shop/views.py',
    line: 5,
    stack: [
      { file: 'shop/views.py', line: 5, function: 'index', origin: 'project' },
      { file: 'werkzeug/wsgi.py', line: 312, function: '__next__', origin: 'library' },
    ],
    type: 'bytes',
    size: 2,
    previewBase64: 'aGk=',
    index: 0,
  },
  { seq: 5, t: 0.5, kind: 'complete', actor: 'server', outcome: 'complete' },
];

const { error: _, ...finished } = syntheticTrace(
  toRunJob({ code: '', request: { method: 'GET', target: '/', headers: [], bodyBase64: '' } }),
  'complete',
  '',
  1,
);

const TRACE: Trace = {
  ...finished,
  events: EVENTS,
  project: {
    entry: 'app',
    entryFile: 'app.py',
    files: ['app.py', 'middleware.py', 'shop/views.py'],
  },
  layers: [{ id: 'Stamp', name: 'Stamp', file: 'middleware.py', line: 1 }],
  callable: 'application',
};

describe('a run of several files with a middleware layer', () => {
  const text = formatTraceText(TRACE);

  it('names the file of a line outside the entry file, and the lane of layer events', () => {
    expect(text).toContain('GET / → app:application (HTTP/1.1 origin server, 3 files)');
    expect(text).toContain('Layers: server → Stamp (middleware.py:1) → app');
    expect(text).toMatch(/\+0\.00ms {2}server {4}app\.call +L4 +server calls/);
    expect(text).toMatch(/Stamp→app +layer\.call +middleware\.py:7 +Stamp calls app/);
    expect(text).toMatch(/app→Stamp +layer\.start_response shop\/views\.py:3 +app passes "200 OK"/);
    expect(text).toMatch(/Stamp +start_response +middleware\.py:9/);
    expect(text).toMatch(/yield +shop\/views\.py:5 .*\(via werkzeug\/wsgi\.py:312\)$/m);
  });

  it('keeps each event whole in the JSON: file, line, stack, and the layer events', () => {
    const json = JSON.parse(traceToCliJson(TRACE)) as Record<string, unknown>;
    expect(json.events).toEqual(EVENTS);
    expect(json.project).toEqual(TRACE.project);
    expect(json.layers).toEqual(TRACE.layers);
    expect(json.trace).toEqual(JSON.parse(JSON.stringify(TRACE)));
  });
});
