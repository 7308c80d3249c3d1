/**
 * The packed form Python sends must expand to exactly the Trace Python would have written
 * unpacked: both are taken from one run inside Pyodide and compared whole.
 */
import { beforeAll, expect, it } from 'vitest';
import { createPyodideSession } from '../runtime/nodeEngine.ts';
import type { PyodideSession } from '../runtime/pyodideSession.ts';
import { toRunJob } from '../runtime/runInput.ts';
import { textToBase64 } from './bytes.ts';
import { unpackTrace } from './unpackTrace.ts';

let session: PyodideSession;
beforeAll(async () => {
  session = await createPyodideSession();
});

/** Both forms of one run's Trace, as JSON text: `[packed, expanded]`. */
function bothForms(code: string, settings: Record<string, unknown> = {}): [unknown, unknown] {
  const job = toRunJob({
    code,
    request: { method: 'POST', target: '/', headers: [], bodyBase64: textToBase64('a\nb\n') },
  });
  const { pyodide } = session;
  pyodide.globals.set(
    'job_json',
    JSON.stringify({ ...job, settings: { ...job.settings, ...settings } }),
  );
  const text = pyodide.runPython(`
import json
from wsgi_playground.run_trace import TraceRun
from wsgi_playground.bridge import job_code
from wsgi_playground.wire import segments
job = json.loads(job_json)
run = TraceRun(job_code(job), job["request"], job["settings"])
run.execute()
packed = run.trace(packed=True)
expanded = dict(packed, events=run.recorder.events)
if run.handler is not None:
    expanded["response"] = dict(packed["response"], segments=segments(run.handler.wire, run.recorder.chunk_runs()))
else:
    expanded["response"] = dict(packed["response"], segments=[])
times = run.recorder.times
skipped = [seq for seq, ns in enumerate(times) if ns == 0]
ranges = []
for seq in skipped:
    if ranges and ranges[-1] == seq:
        ranges[-1] = seq + 1
    else:
        ranges += [seq, seq + 1]
if ranges:
    expanded["interpolatedTimes"] = ranges
json.dumps([packed, expanded])
`) as string;
  return JSON.parse(text) as [unknown, unknown];
}

it.each([
  [
    'a streamed body',
    "def application(e, s):\n    s('200 OK', [])\n    for i in range(300):\n        yield b'x' * (i % 4)\n",
  ],
  [
    'chunks interleaved with other events, writes, a write error and non-bytes',
    `def application(environ, start_response):
    write = start_response('200 OK', [('Content-Type', 'text/plain')])
    write(b'one')
    write(b'two' * 200)
    print('between')
    write(b'')
    try:
        write('not bytes')
    except AssertionError:
        pass
    environ['wsgi.input'].readline()
    yield b'a'
    yield bytearray(b'b')
    yield b'c'
    for line in environ['wsgi.input']:
        yield line
`,
  ],
  ['a list', "def application(e, s):\n    s('200 OK', [])\n    return [b'a', b'b', b'']\n"],
  [
    'an app error after chunks',
    "def application(e, s):\n    s('200 OK', [])\n    yield b'a'\n    raise ValueError('late')\n",
  ],
  ['a load error', 'def application(e, s)\n'],
])('expands %s to the unpacked Trace exactly', (_, code) => {
  const [packed, expanded] = bothForms(code);
  expect(JSON.stringify(unpackTrace(packed))).toBe(JSON.stringify(expanded));
});

it('interpolates the times the server did not read in a fast stream', () => {
  const [packed] = bothForms(
    "def application(e, s):\n    s('200 OK', [])\n    for i in range(2000):\n        yield b'x'\n",
  );
  const trace = unpackTrace(packed) as { events: { t: number }[]; interpolatedTimes: number[] };
  const interpolated = trace.interpolatedTimes.reduce(
    (sum, value, index) => sum + (index % 2 ? value : -value),
    0,
  );
  // Read every 16th chunk once the stream proves fast: most chunk times are interpolated.
  expect(interpolated).toBeGreaterThan(1500);
  const times = trace.events.map((event) => event.t);
  expect(times).toEqual([...times].sort((a, b) => a - b));
});

it('expands a run stopped by the event limit during a write', () => {
  const code =
    "def application(e, s):\n    w = s('200 OK', [])\n    w(b'a')\n    w(b'b')\n    return []\n";
  const [packed, expanded] = bothForms(code, { maxEvents: 3 });
  const unpacked = unpackTrace(packed) as { events: { kind: string; error?: string }[] };
  expect(JSON.stringify(unpacked)).toBe(JSON.stringify(expanded));
  expect(unpacked.events.find((event) => event.kind === 'write')?.error).toMatch(/RunLimit/);
});
