/**
 * Stepping through real runs: the Node engine (real Pyodide, the real server object) runs the
 * page's default app, a generator, the write() style and a middleware; at every step the bytes
 * on the wire must be the prefix the server had really sent — worked out here from the
 * events alone (the head at its commit, then each chunk's size), not from the segments the
 * stepper reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleProject } from '../examples/example.ts';
import { exampleById, exampleRequest } from '../examples/gallery.ts';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import { bytesToLatin1, fromBase64 } from '../trace/bytes.ts';
import type { Trace } from '../trace/schema.ts';
import { stepStateAt, wireProgress } from './stepState.ts';
import { buildWireMap } from './wireMap.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

/** The page's first app, as a visitor gets it (app/state/defaultExample.*). */
const DEFAULT_CODE = readFileSync(
  join(import.meta.dirname, '../../app/state/defaultExample.py'),
  'utf8',
);
const DEFAULT_REQUEST = {
  method: 'GET',
  target: '/hello?name=World',
  headers: [['Host', 'localhost:8000']] as [string, string][],
  bodyBase64: '',
};

function runExample(id: string): Promise<Trace> {
  const example = exampleById(id);
  if (!example) throw new Error(`no example ${id}`);
  return engine.run({ project: exampleProject(example), request: exampleRequest(example) });
}

/** The wire bytes sent by each event, from the events: the head at its commit, then chunks. */
function expectedWire(trace: Trace): number[] {
  let head = 0;
  let chunks = 0;
  return trace.events.map((event, index) => {
    if (event.kind === 'headers.commit') head = event.wireEnd;
    const refused = event.kind === 'write' && event.error !== undefined;
    if ((event.kind === 'write' || event.kind === 'yield') && !refused) {
      chunks += event.size ?? 0;
    }
    if (index === trace.events.length - 1) return trace.response.wireSize;
    return head === 0 ? 0 : head + chunks;
  });
}

/** Every step's wire count, and each one checked against the real wire and the wire map. */
function wireSteps(trace: Trace): number[] {
  const progress = wireProgress(trace);
  const wire = bytesToLatin1(fromBase64(trace.response.wireBase64));
  const ends = new Set([0, ...buildWireMap(trace).spans.map((span) => span.end)]);
  const counts = trace.events.map((_, index) => stepStateAt(trace, index, progress)!.wire.sent);
  expect(counts).toEqual(expectedWire(trace));
  for (const count of counts) expect(ends.has(count), `${count} is a span's end`).toBe(true);
  expect(wire.length).toBe(trace.response.wireSize);
  return counts;
}

const kinds = (trace: Trace) => trace.events.map((event) => event.kind);

describe('stepping through real runs', () => {
  it('the default app: nothing on the wire until the commit, then head and body at once', async () => {
    const trace = await engine.run({ code: DEFAULT_CODE, request: DEFAULT_REQUEST });
    expect(kinds(trace)).toEqual([
      'app.call',
      'start_response',
      'app.return',
      'yield',
      'headers.commit',
      'close',
      'complete',
    ]);
    const wire = bytesToLatin1(fromBase64(trace.response.wireBase64));
    const head = wire.indexOf('\r\n\r\n') + 4;
    expect(wireSteps(trace)).toEqual([0, 0, 0, 0, wire.length, wire.length, wire.length]);
    expect(wire.slice(head)).toBe('Hello, World!\n');

    const before = stepStateAt(trace, 3)!;
    expect(before.startResponses).toHaveLength(1);
    expect(before.startResponses[0]).toMatchObject({ status: '200 OK', line: 15 });
    expect(before.commit).toBeUndefined();
    expect(before.body).toEqual({ sent: 0, total: 14 });
    expect(before.open).toMatchObject([{ lane: 'app', outer: 'server', resultType: 'list' }]);
    expect(stepStateAt(trace, 0)!.held).toMatchObject([{ lane: 'app', outer: 'server' }]);
    expect(stepStateAt(trace, 2)!.held).toEqual([]);

    const after = stepStateAt(trace, 4)!;
    expect(after.commit?.wireEnd).toBe(head);
    expect(after.body).toEqual({ sent: 14, total: 14 });
    expect(stepStateAt(trace, 5)!.open).toEqual([]);
  });

  it('a generator: the wire grows chunk by chunk, each sent before the next is asked for', async () => {
    const trace = await runExample('streaming-chunks');
    const counts = wireSteps(trace);
    const yields = trace.events.flatMap((event, index) => (event.kind === 'yield' ? [index] : []));
    expect(yields).toHaveLength(3);
    // From the second yield on, each yield step adds its chunk's bytes.
    for (const index of yields.slice(1)) {
      expect(counts[index]! - counts[index - 1]!).toBe(
        (trace.events[index] as { size: number }).size,
      );
    }
    expect(new Set(counts).size).toBe(4); // 0, then after each of the three chunks
    const generator = stepStateAt(trace, yields[0]!)!.open;
    expect(generator).toMatchObject([{ resultType: 'generator', hasClose: true }]);
    expect(stepStateAt(trace, trace.events.length - 1)!.open).toEqual([]);
  });

  it('write(): each write goes out as it is made, the first with the head', async () => {
    const trace = await runExample('write-callable');
    const counts = wireSteps(trace);
    const writes = trace.events.flatMap((event, index) => (event.kind === 'write' ? [index] : []));
    expect(writes).toHaveLength(2);
    expect(counts[writes[1]!]! - counts[writes[1]! - 1]!).toBe('and again\n'.length);
  });

  it('a client that goes away: the wire stops where it left, and the state says so', async () => {
    const example = exampleById('streaming-chunks')!;
    const trace = await engine.run({
      project: exampleProject(example),
      request: exampleRequest(example),
      settings: { disconnectAfter: 100 },
    });
    expect(trace.outcome).toBe('disconnected');
    const gone = trace.events.findIndex((event) => event.kind === 'client.disconnect');
    expect(gone).toBeGreaterThan(0);
    const progress = wireProgress(trace);
    const counts = trace.events.map((_, index) => stepStateAt(trace, index, progress)!.wire.sent);
    expect(counts.at(-1)).toBe(trace.response.wireSize);
    expect(counts[gone]).toBe(trace.response.wireSize);
    expect(stepStateAt(trace, gone - 1)!.disconnect).toBeUndefined();
    expect(stepStateAt(trace, gone)!.disconnect).toMatchObject({ afterBytes: 100 });
  });

  it('a middleware: the calls nest, and the inner iterable it dropped stays open', async () => {
    const trace = await runExample('middleware-drops-close');
    wireSteps(trace);
    const last = stepStateAt(trace, trace.events.length - 1)!;
    expect(last.held).toEqual([]);
    expect(last.open).toMatchObject([
      { resultType: 'views.Rows', hasClose: true, neverClosed: true },
    ]);
    const deepest = Math.max(
      ...trace.events.map((_, index) => stepStateAt(trace, index)!.held.length),
    );
    expect(deepest).toBe(2);
  });

  it('a middleware that passes its app’s iterable on: the server’s close() closes both', async () => {
    const trace = await runExample('middleware-add-header');
    wireSteps(trace);
    const close = trace.events.findIndex((event) => event.kind === 'close');
    const open = (index: number) => stepStateAt(trace, index)!.open.map((item) => item.lane);
    expect(open(close - 1)).toEqual(['HeaderStamp', 'app']);
    expect(open(close)).toEqual([]);
  });
});
