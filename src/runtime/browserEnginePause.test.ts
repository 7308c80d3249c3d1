/**
 * The browser engine's side of holding a live run: the worker here is a stand-in that holds
 * its run as the real worker does (it posts the Trace so far, then waits for a command), so
 * that what the engine does with the held time and the commands can be watched.
 */
import { describe, expect, it, vi } from 'vitest';
import { createBrowserEngine } from './browserEngine.ts';
import { PAUSE_CODES, type PausePlan } from './livePause.ts';
import { syntheticTrace } from './syntheticTrace.ts';
import type { WorkerLink } from './workerLink.ts';
import type { FromWorker, ToWorker } from './workerProtocol.ts';

const READY = { type: 'ready', bootMs: 1, pythonVersion: '3.14.0', source: 'plain' } as const;
const REQUEST = { method: 'GET', target: '/', headers: [] as [string, string][], bodyBase64: '' };
const CODE = "def application(e, s):\n    s('200 OK', [])\n    return [b'hi']\n";
const PLAN: PausePlan = { start: 'step', kinds: [], lines: [] };

/** A worker that holds each run twice, then ends it (`stopped` when it was interrupted). */
function holdingWorker(codes: number[]): WorkerLink {
  const { port1, port2 } = new MessageChannel();
  const post = (message: FromWorker) => port2.postMessage(message);
  let run: Extract<ToWorker, { type: 'run' }> | null = null;
  let holds = 0;
  const hold = () => {
    if (!run) return;
    const so = syntheticTrace(run.job, 'paused', 'held', holds);
    post({ type: 'paused', id: run.id, traceJson: JSON.stringify(so) });
  };
  const end = (outcome: 'complete' | 'stopped') => {
    if (!run) return;
    const trace = syntheticTrace(run.job, outcome, outcome, 1);
    post({ type: 'result', id: run.id, traceJson: JSON.stringify(trace) });
    run = null;
  };
  port2.addEventListener('message', (event: MessageEvent<ToWorker>) => {
    if (event.data.type !== 'run') return;
    run = event.data;
    if (run.pause) hold();
    else end('complete');
  });
  port2.start();
  queueMicrotask(() => post(READY));
  return {
    port: port1,
    interrupt: () => (setTimeout(() => end('stopped'), 5), true),
    resume: (code) => {
      codes.push(code);
      setTimeout(() => (++holds < 2 ? hold() : end('complete')), 5);
      return true;
    },
    terminate: () => port1.close(),
    onCrash: () => {},
  };
}

describe('a held run in the browser engine', () => {
  it('hands over each Trace so far, passes the commands on, and does not count held time', async () => {
    const codes: number[] = [];
    const engine = createBrowserEngine({ launch: () => holdingWorker(codes) });
    const held: string[] = [];
    const done = engine.run(
      { code: CODE, request: REQUEST },
      {
        timeoutMs: 100,
        pause: {
          plan: PLAN,
          onPause: (trace) => {
            held.push(trace.outcome);
            // Held for three times the time limit before going on.
            setTimeout(() => engine.resume(held.length === 1 ? 'step' : 'continue'), 300);
          },
        },
      },
    );
    const trace = await done;
    expect(trace.outcome).toBe('complete');
    expect(held).toEqual(['paused', 'paused']);
    expect(codes).toEqual([PAUSE_CODES.step, PAUSE_CODES.continue]);
    expect(engine.resume('step')).toBe(false); // nothing is held any more
  });

  it('stops a held run when asked', async () => {
    const engine = createBrowserEngine({ launch: () => holdingWorker([]) });
    const onPause = vi.fn(() => engine.stop());
    const trace = await engine.run(
      { code: CODE, request: REQUEST },
      { pause: { plan: PLAN, onPause } },
    );
    expect(onPause).toHaveBeenCalledOnce();
    expect(trace.outcome).toBe('stopped');
  });
});
