/**
 * The packed form Python sends must expand to exactly the Trace Python would have written
 * unpacked: both are taken from one run inside Pyodide and compared whole.
 */
import { beforeAll, expect, it } from 'vitest';
import type { Project } from '../project/project.ts';
import { createPyodideSession } from '../runtime/nodeEngine.ts';
import type { PyodideSession } from '../runtime/pyodideSession.ts';
import { toRunJob } from '../runtime/runInput.ts';
import { textToBase64 } from './bytes.ts';
import { unpackTrace } from './unpackTrace.ts';

let session: PyodideSession;
beforeAll(async () => {
  session = await createPyodideSession();
});

/** Both forms of one run's Trace (of one file's code, or a project): `[packed, expanded]`. */
function bothForms(
  app: string | Project,
  settings: Record<string, unknown> = {},
): [unknown, unknown] {
  const request = {
    method: 'POST',
    target: '/',
    headers: [],
    bodyBase64: textToBase64('a\nb\n'),
  };
  const job = toRunJob(
    typeof app === 'string' ? { code: app, request } : { project: app, request },
  );
  const { pyodide } = session;
  pyodide.globals.set(
    'job_json',
    JSON.stringify({ ...job, settings: { ...job.settings, ...settings } }),
  );
  const text = pyodide.runPython(`
import json
from wsgi_playground.run_trace import TraceRun
from wsgi_playground.project_loader import job_app
from wsgi_playground.wire import segments
job = json.loads(job_json)
run = TraceRun(job_app(job), job["request"], job["settings"])
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

it('expands the events of a project, their files and runs of chunks from a second file', () => {
  const project = {
    files: {
      'app.py': 'from views import app\n\nprint("loaded")\n',
      'views.py':
        "def app(e, s):\n    e['wsgi.errors'].write('x')\n    s('200 OK', [])\n    for i in range(40):\n        yield b'x' * (i % 3)\n    yield from [b'a', b'b']\n",
    },
    entry: 'app:app',
  };
  const [packed, expanded] = bothForms(project);
  expect(JSON.stringify(unpackTrace(packed))).toBe(JSON.stringify(expanded));
  const events = (expanded as { events: { kind: string; file?: string }[] }).events;
  expect(events.filter((e) => e.kind === 'yield').every((e) => e.file === 'views.py')).toBe(true);
});

it('expands events with stacks: start_response through contextlib, chunks through FileWrapper', () => {
  const [packed, expanded] = bothForms(`import contextlib
from wsgiref.util import FileWrapper
class Reader:
    chunks = iter([b'a', b'bb', b''])
    def read(self, size):
        return next(self.chunks)
def application(environ, start_response):
    with contextlib.ExitStack() as stack:
        stack.callback(start_response, '200 OK', [])
    return FileWrapper(Reader())
`);
  expect(JSON.stringify(unpackTrace(packed))).toBe(JSON.stringify(expanded));
  const events = (expanded as { events: { kind: string; stack?: unknown[] }[] }).events;
  expect(events.filter((e) => e.stack).map((e) => e.kind)).toEqual(
    expect.arrayContaining(['start_response', 'yield']),
  );
});

it('expands the layer events of middleware, and chunk runs whose actor is a layer', () => {
  const project = {
    files: {
      'app.py':
        'from middleware import Upper\nfrom views import index\napplication = Upper(index)\n',
      'middleware.py': `class Upper:
    def __init__(self, app):
        self.app = app
    def __call__(self, environ, start_response):
        def upper(status, headers, exc_info=None):
            return start_response(status.upper(), headers + [("X-Upper", "1")], exc_info)
        for chunk in self.app(environ, upper):
            yield chunk.upper()
`,
      'views.py': `def index(environ, start_response):
    start_response("200 ok", [])
    for i in range(40):
        yield b"x" * (i % 3)
`,
    },
    entry: 'app',
  };
  const [packed, expanded] = bothForms(project);
  expect(JSON.stringify(unpackTrace(packed))).toBe(JSON.stringify(expanded));
  const trace = expanded as { layers: { id: string }[]; events: { kind: string; actor: string }[] };
  expect(trace.layers.map((layer) => layer.id)).toEqual(['Upper']);
  const kinds = new Set(trace.events.map((e) => e.kind));
  expect(kinds).toEqual(
    new Set([...kinds, 'layer.call', 'layer.start_response', 'layer.return', 'layer.yield']),
  );
  expect(new Set(trace.events.filter((e) => e.kind === 'yield').map((e) => e.actor))).toEqual(
    new Set(['Upper']),
  );
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
