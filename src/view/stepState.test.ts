import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace/schema.ts';
import { moveStep, stepCount, stepIndexOfSeq, stepStateAt, wireProgress } from './stepState.ts';
import {
  HEAD,
  call,
  chunk,
  closable,
  close,
  commit,
  complete,
  eventsOf,
  generator,
  layer,
  raised,
  returns,
  start,
  traceOf,
} from './stepState.testing.ts';
import { buildWireMap } from './wireMap.ts';

const every = <T>(trace: Trace, pick: (state: NonNullable<ReturnType<typeof stepStateAt>>) => T) =>
  trace.events.map((_, index) => pick(stepStateAt(trace, index)!));

describe('stepStateAt', () => {
  it('grows the wire from the commit on, the first chunk going out with the head', () => {
    const trace = generator();
    const h = HEAD.length;
    expect(every(trace, (s) => s.wire.sent)).toEqual([0, 0, 0, 0, h + 1, h + 3, h + 3, h + 3]);
    expect(every(trace, (s) => s.body.sent)).toEqual([0, 0, 0, 0, 1, 3, 3, 3]);
    expect(every(trace, (s) => s.wire.total)).toEqual(Array(8).fill(h + 3));
    expect(every(trace, (s) => s.commit?.seq)).toEqual([...Array(4).fill(undefined), 4, 4, 4, 4]);
  });

  it('stops at the byte boundaries buildWireMap draws, and reaches every byte at the end', () => {
    for (const trace of [generator(), generator(HEAD.length + 2)]) {
      const map = buildWireMap(trace);
      const ends = new Set([0, ...map.spans.map((span) => span.end), map.totalBytes]);
      const sent = every(trace, (s) => s.wire.sent);
      for (const count of sent) expect(ends.has(count), String(count)).toBe(true);
      expect(sent).toEqual([...sent].sort((a, b) => a - b));
      expect(sent.at(-1)).toBe(map.totalBytes);
    }
  });

  it('counts what was sent, not what was kept, when the wire was cut', () => {
    const trace = generator(HEAD.length + 1);
    expect(stepStateAt(trace, 5)?.wire).toEqual({ sent: HEAD.length + 3, total: HEAD.length + 3 });
  });

  it('sends a write() right after the commit it causes', () => {
    const trace = traceOf(
      eventsOf(call(), start(), chunk('write', 'xy'), commit, returns('list'), close(), complete),
      { 2: 'xy' },
    );
    expect(every(trace, (s) => s.wire.sent)).toEqual([0, 0, 0, ...Array(4).fill(HEAD.length + 2)]);
  });

  it('lists the start_response calls so far, a refused one included', () => {
    const trace = traceOf(
      eventsOf(call(), start(), start('app', 'AssertionError: Headers already set!'), complete),
      {},
    );
    expect(every(trace, (s) => s.startResponses.map((e) => e.seq))).toEqual([
      [],
      [1],
      [1, 2],
      [1, 2],
    ]);
    expect(every(trace, (s) => s.wire.sent)).toEqual([0, 0, 0, 0]);
  });

  it('holds the call until the app returns, and the iterable until close()', () => {
    const trace = generator();
    expect(every(trace, (s) => s.held.map((c) => `${c.outer}→${c.lane}`))).toEqual([
      ['server→app'],
      ['server→app'],
      ...Array.from({ length: 6 }, () => []),
    ]);
    expect(every(trace, (s) => s.open.map((o) => `${o.resultType}@${o.since}`))).toEqual([
      [],
      [],
      ...Array.from({ length: 4 }, () => ['generator@2']),
      [],
      [],
    ]);
  });

  it('nests middleware calls, and closes a passed-on iterable with the server’s close()', () => {
    const trace = traceOf(
      eventsOf(
        call('Stamp'),
        layer('layer.call', 'app', 'Stamp'),
        start('Stamp'),
        layer('layer.return', 'app', 'Stamp', closable('Rows')),
        returns('Rows', 'Stamp'),
        close('Stamp'),
        complete,
      ),
      {},
    );
    expect(every(trace, (s) => s.held.map((c) => c.lane))).toEqual([
      ['Stamp'],
      ['Stamp', 'app'],
      ['Stamp', 'app'],
      ['Stamp'],
      [],
      [],
      [],
    ]);
    expect(every(trace, (s) => s.open.map((o) => `${o.lane}→${o.outer}`))).toEqual([
      [],
      [],
      [],
      ['app→Stamp'],
      ['app→Stamp', 'Stamp→server'],
      [],
      [],
    ]);
  });

  it('keeps an inner iterable open, marked, when its caller never closed it', () => {
    const ret = closable('Rows');
    const never = { called: false, resultType: 'Rows' };
    const trace = traceOf(
      eventsOf(
        call('Drop'),
        layer('layer.call', 'app', 'Drop'),
        layer('layer.return', 'app', 'Drop', ret),
        returns('list', 'Drop'),
        close('Drop'),
        layer('layer.close', 'app', 'Drop', never),
        complete,
      ),
      {},
    );
    expect(stepStateAt(trace, 4)?.open).toMatchObject([{ lane: 'app', neverClosed: false }]);
    expect(stepStateAt(trace, 6)?.open).toMatchObject([{ lane: 'app', neverClosed: true }]);
    const closed = traceOf(
      eventsOf(
        call('Drop'),
        layer('layer.call', 'app', 'Drop'),
        layer('layer.return', 'app', 'Drop', ret),
        layer('layer.close', 'app', 'Drop', { called: true, resultType: 'Rows' }),
        complete,
      ),
      {},
    );
    expect(every(closed, (s) => s.open.length)).toEqual([0, 0, 1, 0, 0]);
  });

  it('unwinds every call under way when the call raised', () => {
    const trace = traceOf(eventsOf(call('Stamp'), layer('layer.call', 'app', 'Stamp'), raised), {});
    expect(every(trace, (s) => s.held.length)).toEqual([1, 2, 0]);
  });

  it('clamps the index to the run, and has no state for a run without events', () => {
    const trace = generator();
    expect(stepStateAt(trace, 99)).toMatchObject({ index: 7, step: 8, count: 8 });
    expect(stepStateAt(trace, -3)).toMatchObject({ index: 0, step: 1 });
    expect(stepStateAt(traceOf([], {}), 0)).toBeNull();
  });

  it('computes the same state with a progress worked out once', () => {
    const trace = generator();
    const progress = wireProgress(trace);
    expect(stepStateAt(trace, 4, progress)).toEqual(stepStateAt(trace, 4));
  });
});

describe('moving between steps', () => {
  const trace = generator();

  it('counts one step per event and finds the step of a seq', () => {
    expect(stepCount(trace)).toBe(8);
    expect(stepIndexOfSeq(trace, 5)).toBe(5);
    expect(stepIndexOfSeq(trace, null)).toBe(-1);
    expect(stepIndexOfSeq(trace, 42)).toBe(-1);
  });

  it('moves within the run, starting at the first step from none', () => {
    expect(moveStep(trace, 3, 'next')).toBe(4);
    expect(moveStep(trace, 7, 'next')).toBe(7);
    expect(moveStep(trace, 3, 'previous')).toBe(2);
    expect(moveStep(trace, 0, 'previous')).toBe(0);
    expect(moveStep(trace, 3, 'first')).toBe(0);
    expect(moveStep(trace, 3, 'last')).toBe(7);
    expect(moveStep(trace, -1, 'next')).toBe(0);
    expect(moveStep(trace, -1, 'previous')).toBe(0);
    expect(moveStep(traceOf([], {}), -1, 'next')).toBe(-1);
  });
});
