/**
 * `wsgi-playground trace app.py --with SPEC --find-links DIR --no-index`: wheels built here
 * from small fixture packages (a tiny framework, its dependency behind a marker that holds, one
 * behind a marker that does not, an older release) are resolved, installed into the run's
 * interpreter and used by the app; the wire bytes equal plain wsgiref's on the machine's own
 * CPython with the same wheels unpacked on its path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutDate } from '../python/fidelityCases.ts';
import { buildWheel, type WheelSpec } from '../packages/buildWheel.testing.ts';
import { toRunJob } from '../runtime/runInput.ts';
import type { HttpRequest, Settings } from '../trace/schema.ts';
import { runTrace as cli } from './runCli.testing.ts';

const FRAMEWORK = [
  'from tinydep import greeting',
  '',
  'class App:',
  '    def __init__(self):',
  '        self.routes = {}',
  '',
  '    def route(self, path):',
  '        def register(view):',
  '            self.routes[path] = view',
  '            return view',
  '        return register',
  '',
  '    def __call__(self, environ, start_response):',
  '        view = self.routes.get(environ.get("PATH_INFO") or "/")',
  '        if view is None:',
  '            start_response("404 Not Found", [("Content-Type", "text/plain")])',
  '            return [b"not found"]',
  '        body = greeting(view(environ)).encode()',
  '        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])',
  '        return [body]',
  '',
].join('\n');

const WHEELS: WheelSpec[] = [
  {
    name: 'tinyframework',
    version: '1.0.0',
    files: { 'tinyframework/__init__.py': FRAMEWORK },
    metadata: [
      'Requires-Dist: tinydep>=1.1; python_version >= "3.8"',
      'Requires-Dist: winonly; sys_platform == "win32"',
    ],
  },
  {
    name: 'tinyframework',
    version: '0.9.0',
    files: { 'tinyframework/__init__.py': 'raise ImportError("the old release was picked")\n' },
  },
  { name: 'tinydep', version: '1.0.0', files: { 'tinydep.py': 'def greeting(t): return t\n' } },
  {
    name: 'tinydep',
    version: '1.1.0',
    files: { 'tinydep.py': 'def greeting(text):\n    return "Hello, " + text + "!"\n' },
  },
];

const APP = [
  'from tinyframework import App',
  '',
  'app = App()',
  '',
  '@app.route("/hello")',
  'def hello(environ):',
  '    return environ["PATH_INFO"][1:]',
  '',
].join('\n');

interface CliJson {
  packages: { name: string; version: string; filename: string; sha256: string }[];
  outcome: string;
  body_base64: string;
  wire_base64: string;
  events: {
    kind: string;
    file?: string;
    line?: number;
    stack?: { file: string; origin: string }[];
  }[];
  trace: { request: HttpRequest; settings: Settings };
}

describe('wsgi-playground trace --with --find-links --no-index', () => {
  const root = mkdtempSync(join(tmpdir(), 'wsgi-cli-packages-'));
  const wheels = join(root, 'wheels');
  const project = join(root, 'project');
  mkdirSync(wheels);
  mkdirSync(project);
  for (const spec of WHEELS) {
    const { filename, bytes } = buildWheel(spec);
    writeFileSync(join(wheels, filename), bytes);
  }
  writeFileSync(join(project, 'app.py'), APP);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('installs the framework and its dependency, and serves through them', async () => {
    const args = [join(project, 'app.py'), '--url', '/hello', '--with', 'tinyframework'];
    const { status, out, err } = await cli(...args, '--find-links', wheels, '--no-index', '--json');
    expect(status, err).toBe(0);
    const json = JSON.parse(out) as CliJson;
    expect(json.packages.map((pin) => `${pin.name}==${pin.version}`).sort()).toEqual([
      'tinydep==1.1.0',
      'tinyframework==1.0.0',
    ]);
    for (const pin of json.packages) expect(pin.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.outcome).toBe('complete');
    expect(Buffer.from(json.body_base64, 'base64').toString()).toBe('Hello, hello!');
    // The framework called start_response: the event names the library frame on its stack.
    const start = json.events.find((event) => event.kind === 'start_response');
    expect(start?.stack?.some((frame) => frame.origin === 'library')).toBe(true);
    expect(start?.stack?.map((frame) => frame.file)).toContain('tinyframework/__init__.py');

    // The same app and request on this machine's CPython, the wheels unpacked on its path.
    const site = join(root, 'site');
    for (const pin of json.packages) {
      const files = unzipSync(readFileSync(join(wheels, pin.filename)));
      for (const [path, bytes] of Object.entries(files)) {
        mkdirSync(dirname(join(site, path)), { recursive: true });
        writeFileSync(join(site, path), bytes);
      }
    }
    const python = join(import.meta.dirname, '..', 'python');
    const { request, settings } = json.trace;
    const job = toRunJob({
      request,
      settings,
      project: { files: { 'app.py': APP }, entry: 'app' },
    });
    const native = execFileSync(
      process.env.PYTHON ?? 'python3',
      ['-m', 'wsgi_playground.reference'],
      {
        cwd: python,
        input: JSON.stringify([job]),
        env: { ...process.env, PYTHONPATH: `${python}:${site}` },
      },
    );
    const [wire] = JSON.parse(native.toString()) as string[];
    expect(withoutDate(Buffer.from(json.wire_base64, 'base64'))).toBe(
      withoutDate(Buffer.from(wire ?? '', 'base64')),
    );
  });

  it('says which package it cannot find, and runs nothing', async () => {
    const app = join(project, 'app.py');
    const { status, err } = await cli(
      app,
      '--with',
      'tinyframwork',
      '--find-links',
      wheels,
      '--no-index',
    );
    expect(status).toBe(2);
    expect(err).toContain("'tinyframwork'");
  });

  it('says when the package index cannot be reached', async () => {
    const closed = 'http://127.0.0.1:9/simple'; // the discard port: nothing listens there
    const { status, err } = await cli(
      join(project, 'app.py'),
      '--with',
      'flask',
      '--index-url',
      closed,
    );
    expect(status).toBe(2);
    expect(err).toContain('cannot reach the package index at http://127.0.0.1:9/simple/flask/');
  });
});
