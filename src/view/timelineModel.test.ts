import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema.ts';
import {
  commitBoundaryPosition,
  eventBySeq,
  eventFamily,
  eventFlow,
  eventsByLine,
  filterByKinds,
  headersCommitIndex,
  indexOfSeq,
  kindCounts,
  lanesOf,
  laneTitle,
  lineNote,
  lineOfSeq,
  nextSeqOnLine,
  positionAtOrAfter,
  positionOf,
} from './timelineModel.ts';

const chunk = { type: 'bytes', size: 1, previewBase64: 'eA==' };

/** The events of a small generator app: call, start_response, two yields, commit between. */
const events: TraceEvent[] = [
  { seq: 0, t: 0, kind: 'app.call', actor: 'server', line: 1 },
  {
    seq: 1,
    t: 0.1,
    kind: 'app.return',
    actor: 'app',
    line: 1,
    resultType: 'generator',
    isGenerator: true,
    hasClose: true,
    hasLen: false,
  },
  {
    seq: 2,
    t: 0.2,
    kind: 'start_response',
    actor: 'app',
    line: 2,
    status: '200 OK',
    statusType: 'str',
    excInfo: null,
    headersSent: false,
    headersType: 'list',
    headers: [],
  },
  { seq: 3, t: 0.3, kind: 'yield', actor: 'app', line: 4, index: 0, ...chunk },
  {
    seq: 4,
    t: 0.4,
    kind: 'headers.commit',
    actor: 'server',
    line: 4,
    status: '200 OK',
    headers: [],
    added: [],
    wireStart: 0,
    wireEnd: 10,
  },
  { seq: 5, t: 0.5, kind: 'yield', actor: 'app', line: 4, index: 1, ...chunk },
  {
    seq: 6,
    t: 0.6,
    kind: 'close',
    actor: 'server',
    line: 3,
    called: true,
    resultType: 'generator',
  },
  { seq: 7, t: 0.7, kind: 'complete', actor: 'server', outcome: 'complete' },
];

describe('eventFlow', () => {
  it('draws each kind between the lanes it crosses', () => {
    const flows = events.map(eventFlow);
    expect(flows).toEqual([
      { from: 'server', to: 'app' },
      { from: 'app', to: 'server' },
      { from: 'app', to: 'server' },
      { from: 'app', to: 'server', onward: 'client' },
      { from: 'server', to: 'client' },
      { from: 'app', to: 'server', onward: 'client' },
      { from: 'server', to: 'app' },
      { from: 'server', to: 'server' },
    ]);
  });

  it('starts the server’s own actions in its lane and keeps exceptions where they happened', () => {
    const errorPage: TraceEvent = {
      seq: 0,
      t: 0,
      kind: 'yield',
      actor: 'server',
      index: 0,
      ...chunk,
    };
    expect(eventFlow(errorPage)).toEqual({ from: 'server', to: 'client' });
    const log: TraceEvent = {
      seq: 0,
      t: 0,
      kind: 'errors.write',
      actor: 'server',
      method: 'write',
      text: 'x',
    };
    expect(eventFlow(log)).toEqual({ from: 'server', to: 'server' });
    const exception: TraceEvent = {
      seq: 0,
      t: 0,
      kind: 'exception',
      actor: 'app',
      phase: 'call',
      type: 'ValueError',
      message: 'no',
      traceback: [],
      formatted: 'ValueError: no',
    };
    expect(eventFlow(exception)).toEqual({ from: 'app', to: 'app' });
    expect(eventFamily(exception)).toBe('error');
    const errorResponse: TraceEvent = {
      seq: 1,
      t: 0,
      kind: 'error.response',
      actor: 'server',
      status: '500',
      size: 3,
    };
    expect(eventFlow(errorResponse)).toEqual({ from: 'server', to: 'client' });
    const read: TraceEvent = {
      seq: 2,
      t: 0,
      kind: 'input.read',
      actor: 'app',
      method: 'read',
      arg: null,
      position: 0,
      ...chunk,
    };
    expect(eventFlow(read)).toEqual({ from: 'app', to: 'server', onward: 'client' });
  });

  it('gives a middleware layer its own lane, between the server and the app', () => {
    const layered: TraceEvent[] = [
      { seq: 0, t: 0, kind: 'app.call', actor: 'server' },
      { seq: 1, t: 0, kind: 'print', actor: 'Gzip', stream: 'stdout', text: 'hi' },
      { seq: 2, t: 0, kind: 'print', actor: 'app', stream: 'stdout', text: 'hi' },
    ];
    expect(lanesOf(layered)).toEqual(['client', 'server', 'Gzip', 'app']);
    // The Trace's layers come outermost first, even before they act.
    expect(lanesOf(layered, [{ id: 'Stamp' }, { id: 'Gzip' }])).toEqual([
      'client',
      'server',
      'Stamp',
      'Gzip',
      'app',
    ]);
    const call: TraceEvent = {
      seq: 3,
      t: 0,
      kind: 'layer.call',
      actor: 'Stamp',
      layer: 'Gzip',
      outer: 'Stamp',
    };
    const stamped: TraceEvent = {
      seq: 4,
      t: 0,
      kind: 'layer.start_response',
      actor: 'app',
      layer: 'app',
      outer: 'Gzip',
      status: '200 OK',
      statusType: 'str',
      excInfo: null,
      headersType: 'list',
      headers: [],
    };
    expect(eventFlow(call)).toEqual({ from: 'Stamp', to: 'Gzip' });
    expect(eventFlow(stamped)).toEqual({ from: 'app', to: 'Gzip' });
    expect(lanesOf(events)).toEqual(['client', 'server', 'app']);
    expect(eventFlow(layered[1] as TraceEvent)).toEqual({ from: 'Gzip', to: 'Gzip' });
    expect(['client', 'server', 'Gzip', 'app'].map(laneTitle)).toEqual([
      'Client',
      'Server',
      'Gzip',
      'App',
    ]);
  });
});

describe('eventFamily', () => {
  it('colours by who acted, and errors as errors', () => {
    expect(events.map(eventFamily)).toEqual([
      'server',
      'app',
      'app',
      'app',
      'server',
      'app',
      'server',
      'server',
    ]);
    const failedWrite: TraceEvent = {
      seq: 0,
      t: 0,
      kind: 'write',
      actor: 'app',
      error: 'AssertionError: x',
      ...chunk,
    };
    expect(eventFamily(failedWrite)).toBe('error');
    const stopped: TraceEvent = {
      seq: 0,
      t: 0,
      kind: 'complete',
      actor: 'server',
      outcome: 'app-error',
    };
    expect(eventFamily(stopped)).toBe('error');
  });
});

describe('seq lookups', () => {
  it('finds events by seq directly or by binary search', () => {
    expect(indexOfSeq(events, 5)).toBe(5);
    const gappy = events.filter((event) => event.seq % 2 === 1);
    expect(indexOfSeq(gappy, 5)).toBe(2);
    expect(indexOfSeq(gappy, 4)).toBe(-1);
    expect(eventBySeq(events, null)).toBeUndefined();
    expect(eventBySeq(events, 2)?.kind).toBe('start_response');
    expect(lineOfSeq(events, 2)).toBe(2);
    expect(lineOfSeq(events, 7)).toBeNull();
    expect(lineOfSeq(undefined, 2)).toBeNull();
  });
});

describe('headers-commit boundary and filtering', () => {
  it('finds the commit and where its boundary goes in a filtered list', () => {
    const commit = headersCommitIndex(events);
    expect(commit).toBe(4);
    const all = filterByKinds(events, new Set());
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(commitBoundaryPosition(all, commit)).toBe(4);
    const yields = filterByKinds(events, new Set(['yield']));
    expect(yields).toEqual([3, 5]);
    // The commit row is hidden: the boundary goes before the first yield after it.
    expect(commitBoundaryPosition(yields, commit)).toBe(1);
    expect(commitBoundaryPosition(filterByKinds(events, new Set(['app.call'])), commit)).toBe(-1);
    expect(commitBoundaryPosition(all, -1)).toBe(-1);
    expect(headersCommitIndex(events.slice(0, 3))).toBe(-1);
  });

  it('counts kinds and locates positions in a filtered list', () => {
    expect([...kindCounts(events)]).toEqual([
      ['app.call', 1],
      ['app.return', 1],
      ['start_response', 1],
      ['yield', 2],
      ['headers.commit', 1],
      ['close', 1],
      ['complete', 1],
    ]);
    const shown = [3, 5, 9];
    expect(positionOf(shown, 5)).toBe(1);
    expect(positionOf(shown, 4)).toBe(-1);
    expect(positionAtOrAfter(shown, 4)).toBe(1);
    expect(positionAtOrAfter(shown, 10)).toBe(3);
    expect(positionAtOrAfter(shown, 0)).toBe(0);
  });
});

describe('source lines', () => {
  it('indexes the events each line caused and notes them compactly', () => {
    const lines = eventsByLine(events);
    expect([...lines.keys()]).toEqual([1, 2, 4, 3]);
    const line4 = lines.get(4);
    expect(line4?.seqs).toEqual([3, 4, 5]);
    expect(lineNote(line4?.kinds ?? new Map())).toBe('yield ×2 · headers.commit');
    expect(lineNote(lines.get(1)?.kinds ?? new Map())).toBe('app.call · app.return');
    expect(
      lineNote(
        new Map([
          ['app.call', 1],
          ['app.return', 1],
          ['start_response', 1],
          ['write', 100000],
          ['close', 1],
          ['print', 2],
        ]),
      ),
    ).toBe('app.call · app.return · start_response · write ×100,000 · +2 more');
  });

  it('steps through a line’s events on repeated clicks, wrapping', () => {
    const line4 = eventsByLine(events).get(4);
    if (!line4) throw new Error('line 4 has events');
    expect(nextSeqOnLine(line4, null)).toBe(3);
    expect(nextSeqOnLine(line4, 3)).toBe(4);
    expect(nextSeqOnLine(line4, 4)).toBe(5);
    expect(nextSeqOnLine(line4, 5)).toBe(3);
    // A selection elsewhere starts again at the line's first event.
    expect(nextSeqOnLine(line4, 0)).toBe(3);
  });
});
