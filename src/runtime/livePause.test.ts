/**
 * Holding a live run at its events, through the real server object in a real Pyodide (the
 * Node engine answers each pause at once), and the worker's wait on the shared buffer.
 */
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, bytesToText } from '../trace/bytes.ts';
import type { Trace } from '../trace/schema.ts';
import { PAUSE_CODES, waitForCommand, type PauseCommand, type PausePlan } from './livePause.ts';
import { createNodeEngine, type NodeEngine } from './nodeEngine.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const REQUEST = { method: 'GET', target: '/', headers: [] as [string, string][], bodyBase64: '' };
const GENERATOR = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    yield b'one '",
  "    yield b'two '",
  "    yield b'three'",
  '',
].join('\n');

/** Run `code` held as `plan` says, answering each pause from `answers` (then `step`). */
async function held(code: string, plan: PausePlan, answers: PauseCommand[] = []) {
  const pauses: Trace[] = [];
  const trace = await engine.run(
    { code, request: REQUEST },
    {
      pause: {
        plan,
        onPause: (so) => {
          pauses.push(so);
          return answers.shift() ?? 'step';
        },
      },
    },
  );
  return { trace, pauses };
}

const body = (trace: Trace) =>
  bytesToText(fromBase64(trace.response.wireBase64)).split('\r\n\r\n')[1] ?? '';
const heldAt = (so: Trace) => so.events.at(-2);
const kinds = (t: Trace) => t.events.map((e) => e.kind);
const noDate = (t: Trace) =>
  bytesToText(fromBase64(t.response.wireBase64)).replace(/^Date: .*\r\n/m, '');

describe('a live run held at its events', () => {
  it('steps event by event, the wire growing, and ends as an unheld run ends', async () => {
    const plain = await engine.run({ code: GENERATOR, request: REQUEST });
    const { trace, pauses } = await held(GENERATOR, { start: 'step', kinds: [], lines: [] });
    expect(kinds(trace)).toEqual(kinds(plain));
    expect(noDate(trace)).toBe(noDate(plain));
    expect(pauses).toHaveLength(plain.events.length - 1); // every event but `complete`
    expect(pauses.every((so) => so.outcome === 'paused')).toBe(true);
    const atYields = pauses.filter((so) => heldAt(so)?.kind === 'yield');
    expect(atYields.map(body)).toEqual(['', 'one ', 'one two ']);
    expect(atYields.map((so) => heldAt(so)?.line)).toEqual([3, 4, 5]);
  });

  it('continues to breakpoints on a kind and on a line, then finishes', async () => {
    const byKind = await held(GENERATOR, { start: 'continue', kinds: ['yield'], lines: [] }, [
      'continue',
      'finish',
    ]);
    expect(byKind.pauses.map((so) => heldAt(so)?.kind)).toEqual(['yield', 'yield']);
    expect(byKind.trace.outcome).toBe('complete');
    const byLine = await held(
      GENERATOR,
      {
        start: 'continue',
        kinds: [],
        lines: [{ file: 'app.py', line: 4 }],
      },
      ['continue'],
    );
    expect(byLine.pauses.map((so) => [heldAt(so)?.kind, heldAt(so)?.line])).toEqual([['yield', 4]]);
  });
});

describe('the wait on the shared buffer', () => {
  it('blocks until another thread writes a command, then clears it', () => {
    const buffer = new Int32Array(new SharedArrayBuffer(4));
    const script = [
      "const { workerData } = require('node:worker_threads');",
      'setTimeout(() => { Atomics.store(workerData, 0, 2); Atomics.notify(workerData, 0); }, 60);',
    ].join('\n');
    const started = performance.now();
    const thread = new Worker(script, { eval: true, workerData: buffer });
    expect(waitForCommand(buffer, 20)).toBe(PAUSE_CODES.continue);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect(Atomics.load(buffer, 0)).toBe(0);
    void thread.terminate();
  });
});
