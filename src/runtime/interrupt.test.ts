/**
 * A real Pyodide interrupt (the mechanism behind Stop and the time limit on an isolated page):
 * the app itself raises the flag, as the page would from another thread, and the run must end
 * as `stopped` with its events so far — the app's `except Exception` cannot swallow it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from './nodeEngine.ts';

let engine: NodeEngine;
const buffer = new Int32Array(new SharedArrayBuffer(4));
beforeAll(async () => {
  engine = await createNodeEngine({ interruptBuffer: buffer });
  (globalThis as Record<string, unknown>).playgroundInterrupt = buffer;
});

const REQUEST = { method: 'GET', target: '/', headers: [] as [string, string][], bodyBase64: '' };

describe('interrupting a runaway app', () => {
  it('ends as stopped with the trace so far, and the next run works', async () => {
    const code = [
      'import js',
      'def application(environ, start_response):',
      "    start_response('200 OK', [])",
      "    yield b'before the loop'",
      '    js.playgroundInterrupt[0] = 2  # what the page does when Stop is pressed',
      '    while True:',
      '        try:',
      '            pass',
      '        except Exception:',
      '            pass',
      '',
    ].join('\n');
    const trace = await engine.run({ code, request: REQUEST });
    expect(trace.outcome).toBe('stopped');
    expect(trace.events.map((e) => e.kind)).toContain('yield');
    expect(trace.events.at(-1)).toMatchObject({ kind: 'complete', outcome: 'stopped' });
    Atomics.store(buffer, 0, 0);
    const next = await engine.run({
      code: "def application(e, s):\n    s('200 OK', [])\n    return [b'ok']\n",
      request: REQUEST,
    });
    expect(next.outcome).toBe('complete');
  });
});
