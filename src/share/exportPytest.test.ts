/**
 * The exported pytest file, run by this machine's pytest (or at least compiled by python3),
 * passes for the app it was recorded from and fails for a changed app.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../project/project.ts';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import { textToBase64 } from '../trace/bytes.ts';
import type { HttpRequest, Settings, Trace } from '../trace/schema.ts';
import { parseWire, pytestUnavailable, toPytest } from './exportPytest.ts';

const PYTHON = process.env.PYTHON ?? 'python3';
const hasPython = spawnSync(PYTHON, ['--version']).status === 0;
const hasPytest = hasPython && spawnSync(PYTHON, ['-m', 'pytest', '--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'wsgi-pytest-'));

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HELLO =
  'def application(environ, start_response):\n' +
  "    name = environ.get('QUERY_STRING', '').partition('=')[2] or 'stranger'\n" +
  "    start_response('200 OK', [('Content-Type', 'text/plain'), ('Set-Cookie', 'seen=1')])\n" +
  "    return [b'Hello, ', name.encode(), b'!']\n";

const POST: HttpRequest = {
  method: 'POST',
  target: '/echo?name=Ada',
  headers: [
    ['Host', 'example.test'],
    ['Content-Type', 'text/plain'],
    ['Content-Length', '4'],
  ],
  bodyBase64: textToBase64('ping'),
};

/** Write the test file and run it: pytest where it exists, else only compile it. */
function runTests(text: string, name: string): { status: number | null; output: string } {
  const file = join(dir, `test_${name}.py`);
  writeFileSync(file, text);
  const args = hasPytest
    ? ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', file]
    : ['-m', 'py_compile', file];
  const run = spawnSync(PYTHON, args, { cwd: dir, timeout: 30_000 });
  return { status: run.status, output: run.stdout.toString() + run.stderr.toString() };
}

/** A project of one file. */
const only = (code: string): Project => ({ files: { 'app.py': code }, entry: 'app' });

async function trace(
  app: string | Project,
  request: HttpRequest,
  settings: Partial<Settings> = {},
): Promise<Trace> {
  return engine.run({ project: typeof app === 'string' ? only(app) : app, request, settings });
}

/** A package whose app is made by a factory, and a module that imports it. */
const PACKAGED: Project = {
  files: {
    'app.py': 'from greeter import make_app\n\napplication = make_app("Hello")\n',
    'greeter/__init__.py': 'from .web import make_app\n',
    'greeter/web.py':
      'from .words import name_of\n\n\ndef make_app(greeting):\n' +
      '    def app(environ, start_response):\n' +
      "        start_response('200 OK', [('Content-Type', 'text/plain')])\n" +
      "        return [('%s, %s!' % (greeting, name_of(environ))).encode()]\n" +
      '    return app\n',
    'greeter/words.py':
      "def name_of(environ):\n    return environ.get('QUERY_STRING', '').partition('=')[2] or 'stranger'\n",
  },
  entry: 'app',
};

describe.skipIf(!hasPython)('the exported pytest file', () => {
  const cases: [string, string | Project, HttpRequest, Partial<Settings>][] = [
    ['hello', HELLO, POST, {}],
    ['cgi', HELLO, POST, { personality: 'cgi', httpVersion: '1.0' }],
    ['error', "def application(environ, start_response):\n    raise KeyError('x')\n", POST, {}],
    [
      'echo',
      'def app(environ, start_response):\n' +
        "    body = environ['wsgi.input'].read()\n" +
        "    start_response('200 OK', [('X-Script', environ['SCRIPT_NAME'] + '|' + environ['wsgi.url_scheme'])])\n" +
        '    yield body.upper()\n',
      { ...POST, target: 'https://example.test/mnt/echo' },
      { scriptName: '/mnt' },
    ],
    ['package', PACKAGED, POST, {}],
    ['factory', { ...PACKAGED, entry: 'greeter:make_app("Hi")' }, POST, { httpVersion: '1.0' }],
  ];
  for (const [name, app, request, settings] of cases) {
    it(`passes for the app it was recorded from: ${name}`, async () => {
      const run = await trace(app, request, settings);
      expect(pytestUnavailable(run)).toBeNull();
      const project = typeof app === 'string' ? only(app) : app;
      const result = runTests(toPytest(project, run), name);
      expect(result.status, result.output).toBe(0);
      if (hasPytest) expect(result.output).toMatch(/3 passed/);
    });
  }

  it.skipIf(!hasPytest)('fails for a changed app', async () => {
    const run = await trace(HELLO, POST);
    const changed = HELLO.replace("b'!'", "b'?'");
    const result = runTests(toPytest(only(changed), run), 'changed');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/1 failed, 2 passed/);
  });

  it.skipIf(!hasPytest)(
    'checks the length and the start of a body the playground cut short',
    async () => {
      const code =
        "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'x' * 5000]\n";
      const run = await trace(code, POST, { maxWireBytes: 1000 });
      expect(run.response.truncated).toBe(true);
      const result = runTests(toPytest(only(code), run), 'truncated');
      expect(result.status, result.output).toBe(0);
    },
  );

  it.skipIf(!hasPytest)('fails when a file of the package changes', async () => {
    const run = await trace(PACKAGED, POST);
    const web = (PACKAGED.files['greeter/web.py'] ?? '').replace("'%s, %s!'", "'%s, %s?'");
    const changed = { ...PACKAGED, files: { ...PACKAGED.files, 'greeter/web.py': web } };
    expect(changed.files['greeter/web.py']).not.toBe(PACKAGED.files['greeter/web.py']);
    const result = runTests(toPytest(changed, run), 'package_changed');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/1 failed, 2 passed/);
  });

  it('is not offered when the app never answered', async () => {
    const broken = await trace('def application(:\n', POST);
    expect(pytestUnavailable(broken)).toMatch(/never called/);
  });
});

describe('parseWire', () => {
  const wire = new TextEncoder().encode(
    'HTTP/1.1 404 Not Found\r\nDate: x\r\nX-A:  b \r\n\r\nbody',
  );
  it('reads the status line, the headers and the body', () => {
    const parsed = parseWire(wire, true);
    expect(parsed.status).toBe('404 Not Found');
    expect(parsed.headers).toEqual([
      ['Date', 'x'],
      ['X-A', 'b'],
    ]);
    expect(new TextDecoder().decode(parsed.body)).toBe('body');
  });
  it('reads the Status header of a CGI response', () => {
    const cgi = new TextEncoder().encode('Status: 200 OK\r\nX: 1\r\n\r\n');
    expect(parseWire(cgi, false)).toMatchObject({ status: '200 OK', headers: [['X', '1']] });
  });
});
