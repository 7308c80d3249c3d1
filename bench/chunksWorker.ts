/// <reference lib="webworker" />
/** Run a 100,000-chunk app traced (to Trace JSON) and untraced (plain wsgiref), alternately. */
import { loadPyodide } from 'pyodide';
import { installServer } from '../src/runtime/pyodideSession.ts';
import { toRunJob } from '../src/runtime/runInput.ts';

declare const self: DedicatedWorkerGlobalScope;

const CODE = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  '    for i in range(100000):',
  "        yield b'x'",
  '',
].join('\n');

self.addEventListener(
  'message',
  async (event: MessageEvent<{ indexURL: string; rounds: number }>) => {
    const pyodide = await loadPyodide({ indexURL: event.data.indexURL });
    const session = installServer(pyodide);
    const job = toRunJob({
      code: CODE,
      request: { method: 'GET', target: '/', headers: [['Host', 'localhost']], bodyBase64: '' },
    });
    session.referenceWire(job); // warm both paths once
    let events = JSON.parse(session.runJson(job)).events.length as number;
    const traced: number[] = [];
    const untraced: number[] = [];
    for (let i = 0; i < event.data.rounds; i++) {
      let started = performance.now();
      session.referenceWire(job);
      untraced.push(performance.now() - started);
      started = performance.now();
      events = JSON.parse(session.runJson(job)).events.length as number;
      traced.push(performance.now() - started);
    }
    self.postMessage({ traced, untraced, events });
  },
);
