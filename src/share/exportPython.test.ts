/**
 * The exported script, run by the real `python3` of this machine, must print the same wire
 * bytes as the traced run in Pyodide (Date aside) — for a sample of the fidelity table and for
 * apps whose code is awkward to embed (quotes, backslashes, CR, non-ASCII, print()).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../project/project.ts';
import { loadFidelityCases, withoutDate } from '../python/fidelityCases.ts';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import { toRunJob, type RunInput } from '../runtime/runInput.ts';
import { fromBase64, textToBase64 } from '../trace/bytes.ts';
import type { HttpRequest, Settings } from '../trace/schema.ts';
import { serverSoftwareOf, toPythonScript } from './exportPython.ts';

const PYTHON = process.env.PYTHON ?? 'python3';
const hasPython = spawnSync(PYTHON, ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'wsgi-script-'));

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Case = RunInput & { name: string; settings: Partial<Settings> };

/** The project a case runs (one file's code is the project of that file). */
const projectOf = (c: RunInput): Project => {
  const { files, entry } = toRunJob(c);
  return { files, entry };
};

/** Write `text` as a script and run it with python3. */
function runScript(name: string, text: string, args: string[] = []) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return spawnSync(PYTHON, [file, ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 20_000 });
}

/** Run the case in Pyodide and its exported script in python3; return both wires without Date. */
async function compare(c: Case): Promise<{ ours: string; script: string; stderr: string }> {
  const trace = await engine.run(c);
  const text = toPythonScript({
    project: projectOf(c),
    request: trace.request,
    settings: c.settings,
    serverSoftware: serverSoftwareOf(trace),
  });
  const run = runScript('wsgi_run.py', text);
  return {
    ours: withoutDate(fromBase64(trace.response.wireBase64)),
    script: withoutDate(new Uint8Array(run.stdout)),
    stderr: run.stderr.toString(),
  };
}

const get = (target: string, headers: [string, string][] = []): HttpRequest => ({
  method: 'GET',
  target,
  headers: [['Host', 'localhost:8000'], ...headers],
  bodyBase64: '',
});

const AWKWARD: Case[] = [
  {
    name: "both kinds of triple quotes, backslashes, a trailing '",
    code:
      'A = """x"""\nB = \'\'\'y\'\'\'\nC = "back\\\\slash \\n"\n' +
      'def application(environ, start_response):\n' +
      "    start_response('200 OK', [('Content-Type', 'text/plain')])\n" +
      "    return [(A + B + C).encode()]\n#'",
    request: get('/'),
    settings: {},
  },
  {
    name: 'CRLF line endings, non-ASCII text and a print()',
    code:
      "# café ✓ 🐍\r\ndef application(environ, start_response):\r\n    print('to stderr, not the wire')\r\n" +
      "    start_response('200 OK', [('X-Path', environ['PATH_INFO'])])\r\n    return ['héllo'.encode()]\r\n",
    request: get('/caf%C3%A9'),
    settings: {},
  },
  {
    name: 'a POST with a binary body, CGI personality, HTTP/1.0, a mount point',
    code:
      'def application(environ, start_response):\n' +
      "    body = environ['wsgi.input'].read(int(environ['CONTENT_LENGTH']))\n" +
      "    environ['wsgi.errors'].write('read %d bytes\\n' % len(body))\n" +
      "    start_response('201 Created', [('Content-Type', 'application/octet-stream')])\n" +
      "    return [body[::-1], environ['SCRIPT_NAME'].encode(), environ['wsgi.url_scheme'].encode()]\n",
    request: {
      method: 'POST',
      target: 'https://example.test/mnt/up?x=1',
      headers: [
        ['Content-Type', 'application/octet-stream'],
        ['Content-Length', '5'],
      ],
      bodyBase64: btoa('\x00\xff\r\n\x7f'),
    },
    settings: { personality: 'cgi', httpVersion: '1.0', scriptName: '/mnt' },
  },
  {
    name: 'an app that raises (wsgiref answers 500) and a named callable',
    code: "def handler(environ, start_response):\n    raise ValueError('boom')\n",
    request: get('/', [['X-Name', 'Zoë']]),
    settings: { callable: 'handler' },
  },
  {
    name: 'a form POST whose app echoes the environ',
    code:
      'def application(environ, start_response):\n' +
      "    keys = sorted(k for k in environ if not k.startswith('wsgi.'))\n" +
      "    start_response('200 OK', [('Content-Type', 'text/plain')])\n" +
      "    return ['\\n'.join('%s=%s' % (k, environ[k]) for k in keys).encode('latin-1')]\n",
    request: {
      method: 'POST',
      target: '/form?a=1&b=%20',
      headers: [
        ['Host', 'example.test:8080'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Content-Length', '11'],
        ['Cookie', 'a=1; b=2'],
      ],
      bodyBase64: textToBase64('name=caf%C3'),
    },
    settings: { runOnce: true, multithread: true },
  },
];

/** Projects of several files: a package with a factory entry, middleware in its own module. */
const PROJECTS: Case[] = [
  {
    name: 'a package entered through a factory, with relative imports and a data file',
    project: {
      files: {
        'shop/__init__.py': 'from .web import create_app\n',
        'shop/web.py':
          'from . import views\nfrom .util.text import shout\n\n\n' +
          'def create_app(name, loud=False):\n' +
          '    def app(environ, start_response):\n' +
          "        start_response('200 OK', [('Content-Type', 'text/plain'), ('X-Module', __name__)])\n" +
          '        body = views.greet(name, environ)\n' +
          '        return [shout(body) if loud else body]\n' +
          '    return app\n',
        'shop/views.py':
          "def greet(name, environ):\n    return ('Hello, %s, at %s' % (name, environ['PATH_INFO'])).encode()\n",
        'shop/util/__init__.py': '',
        'shop/util/text.py': 'def shout(data):\n    return data.upper() + b"!"\n',
        'shop/templates/page.html': '<p>not imported, but written</p>\r\n',
      },
      entry: "shop:create_app('Ada', loud=True)",
    },
    request: get('/caf%C3%A9'),
    settings: {},
  },
  {
    name: 'middleware in one module around an app in another, entered at a module alone',
    project: {
      files: {
        'app.py':
          'from middleware import Stamp\nfrom views import hello\n\napplication = Stamp(hello)\n',
        'middleware.py':
          'class Stamp:\n    def __init__(self, app):\n        self.app = app\n\n' +
          '    def __call__(self, environ, start_response):\n' +
          '        def stamped(status, headers, exc_info=None):\n' +
          "            return start_response(status, headers + [('X-Stamp', '1')], exc_info)\n" +
          '        return self.app(environ, stamped)\n',
        'views.py':
          'def hello(environ, start_response):\n' +
          "    start_response('201 Created', [('Content-Type', 'text/plain')])\n" +
          "    yield b'made '\n    yield environ['REQUEST_METHOD'].encode()\n",
      },
      entry: 'app',
    },
    request: { ...get('/'), method: 'PUT' },
    settings: { personality: 'cgi' },
  },
];

describe.skipIf(!hasPython)('the standalone Python script', () => {
  for (const c of AWKWARD) {
    it(`prints the playground's wire bytes: ${c.name}`, async () => {
      const { ours, script, stderr } = await compare(c);
      expect(script, stderr).toBe(ours);
      expect(ours.length).toBeGreaterThan(0);
    });
  }

  for (const c of PROJECTS) {
    it(`prints the playground's wire bytes for a project: ${c.name}`, async () => {
      const { ours, script, stderr } = await compare(c);
      expect(script, stderr).toBe(ours);
      expect(ours).toMatch(/^(HTTP\/1\.1|Status:) 20[01]/);
    });
  }

  it('writes every file and imports the entry from a temporary directory', () => {
    const c = PROJECTS[0] as Case;
    const project = projectOf(c);
    const probe = {
      ...project.files,
      'probe.py':
        'import os, shop\n\ndef application(environ, start_response):\n' +
        '    here = os.path.dirname(shop.__file__)\n' +
        "    page = open(os.path.join(here, 'templates', 'page.html'), 'rb').read()\n" +
        "    start_response('200 OK', [])\n    return [page, here.encode()]\n",
    };
    const text = toPythonScript({
      project: { files: probe, entry: 'probe' },
      request: c.request,
      settings: {},
    });
    const run = runScript('probe.py', text);
    const body = run.stdout.toString().split('\r\n\r\n')[1] ?? '';
    expect(body, run.stderr.toString()).toMatch(
      /^<p>not imported, but written<\/p>\r\n\/.*wsgi-project-/,
    );
  });

  it("prints the playground's wire bytes for a sample of the fidelity table", async () => {
    const cases = loadFidelityCases().filter((_, i) => i % 12 === 0);
    expect(cases.length).toBeGreaterThan(30);
    const mismatches: string[] = [];
    for (const c of cases) {
      const { ours, script, stderr } = await compare(c);
      if (ours !== script) mismatches.push(`${c.name}: ${stderr.slice(-300)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('can fail: a different app prints different bytes', async () => {
    const c = AWKWARD[0] as Case & { code: string };
    const trace = await engine.run(c);
    const changed = {
      files: { 'app.py': c.code.replace("'200 OK'", "'404 Not Found'") },
      entry: 'app',
    };
    const run = runScript(
      'other.py',
      toPythonScript({ project: changed, request: trace.request, settings: {} }),
    );
    expect(withoutDate(new Uint8Array(run.stdout))).not.toBe(
      withoutDate(fromBase64(trace.response.wireBase64)),
    );
  });

  it('says why when the code does not load, and exits non-zero', () => {
    const cases: [Project, RegExp][] = [
      [
        { files: { 'app.py': 'def application(:\n' }, entry: 'app' },
        /^syntax-error: .*\(app\.py, line 1\)$/m,
      ],
      [
        { files: { 'app.py': 'from pkg import x\n', 'pkg/__init__.py': 'x = (\n' }, entry: 'app' },
        /^syntax-error: .*\(pkg\/__init__\.py, line 1\)$/m,
      ],
      [
        { files: { 'app.py': 'import nowhere\n' }, entry: 'app' },
        /^ModuleNotFoundError: No module named 'nowhere'$/m,
      ],
      [
        { files: { 'app.py': 'x = 1\n' }, entry: 'app' },
        /^load-error: app: module 'app' has no 'application' or 'app'/m,
      ],
      [
        { files: { 'app.py': 'app = 1\n' }, entry: 'app:app' },
        /^load-error: app:app: 'app' in module 'app' is not callable/m,
      ],
      [
        { files: { 'app.py': '' }, entry: 'web:app' },
        /^load-error: web:app: no module 'web' in the project; files: app.py$/m,
      ],
    ];
    for (const [project, message] of cases) {
      const run = runScript(
        'broken.py',
        toPythonScript({ project, request: get('/'), settings: {} }),
      );
      expect(run.status).toBe(1);
      expect(run.stdout.length).toBe(0);
      expect(run.stderr.toString()).toMatch(message);
    }
  });

  it('shows the environ with --environ, on stderr', () => {
    const code = "def application(e, s):\n    s('200 OK', [])\n    return []\n";
    const text = toPythonScript({
      project: { files: { 'app.py': code }, entry: 'app' },
      request: get('/x?y=1'),
      settings: {},
      serverSoftware: 'WSGIServer/0.2 CPython/3.14.2',
    });
    const run = runScript('environ.py', text, ['--environ']);
    expect(run.stderr.toString()).toContain("QUERY_STRING = 'y=1'");
    expect(run.stdout.toString()).toContain('Server: WSGIServer/0.2 CPython/3.14.2\r\n');
  });
});
