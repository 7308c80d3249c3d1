import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../rules/types.ts';
import { parseCommand } from './args.ts';
import { failsOn, main } from './main.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const APPS = join(ROOT, 'src', 'python', 'tests', 'fidelity_apps');

async function cli(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(argv, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    readFile: (path) => readFileSync(path),
  });
  return { status, out, err };
}

const finding = (severity: Finding['severity']): Finding => ({
  rule: 'x',
  severity,
  message: 'x',
  pep: 'https://peps.python.org/pep-3333/',
});

const app = (name: string): string => join(APPS, `${name}.py`);
const example = (name: string): string => join(ROOT, 'src', 'examples', 'apps', `${name}.py`);

describe('wsgi-playground trace', () => {
  it('prints a readable timeline for hello world', async () => {
    const { status, out } = await cli('trace', app('hello'));
    expect(status).toBe(0);
    expect(out).toMatch(/app\.call\s+L1/);
    expect(out).toMatch(/start_response\s+L2\s+"200 OK", 1 header/);
    expect(out).toMatch(/headers\.commit.*server added Date, Content-Length/);
    expect(out).toContain('Hello, WSGI!');
    expect(out).toContain('Outcome: complete');
  });

  it('shows a lazy generator calling start_response after the app returned', async () => {
    const { out } = await cli('trace', app('generator_lazy'));
    const order = [...out.matchAll(/^\s+\+[\d.]+ms\s+\w+\s+(\S+)/gm)].map((m) => m[1]);
    expect(order.slice(0, 5)).toEqual([
      'app.call',
      'app.return',
      'start_response',
      'yield',
      'headers.commit',
    ]);
    expect(out).toMatch(/app\.return\s+L\d+\s+returned a generator/);
  });

  it('shows write() calls before the commit they cause', async () => {
    const { out } = await cli('trace', app('write_callable'));
    expect(out).toMatch(/write\s+L3\s+write\(21 bytes b'written with write\(\)\\n'\)/);
    expect(out.indexOf('write(21')).toBeLessThan(out.indexOf('headers sent'));
  });

  it('shows start_response called twice, the AssertionError and the 500', async () => {
    const { status, out } = await cli('trace', app('start_response_twice'));
    expect(status).toBe(0); // without --fail-on, findings never change the exit status
    expect(out).toMatch(
      /start_response\s+L3\s+"404 Not Found".*raised AssertionError: Headers already set!/,
    );
    expect(out).toContain('server sends its own error response: 500 Internal Server Error');
    expect(out).toContain('Response: 500 Internal Server Error');
    expect(out).toContain('Outcome: app-error');
  });

  it('shows an exception after the headers were committed, with the partial body', async () => {
    const { out } = await cli('trace', app('raise_after_commit'), '--server', 'cgi');
    expect(out).toMatch(
      /exception\s+L4\s+RuntimeError: failed after the headers were sent \(in next, after headers were sent\)/,
    );
    expect(out).toContain('Response: 200 OK');
    expect(out).toContain('partial ');
    expect(out).not.toContain('error response');
  });

  it('prints the trace as JSON with the documented fields', async () => {
    const { status, out } = await cli(
      'trace',
      app('post_echo'),
      '--url',
      'http://example.test:8080/mnt/form?x=1',
      '--script-name',
      '/mnt',
      '-H',
      'X-Test: yes',
      '--data',
      'a=1&b=2',
      '--http-version',
      '1.0',
      '--json',
    );
    expect(status).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown> & {
      environ: { key: string; value: string }[];
    };
    expect(json.status).toBe('200 OK');
    expect(json.outcome).toBe('complete');
    expect(atob(json.body_base64 as string)).toBe('echo: a=1&b=2');
    expect(atob(json.wire_base64 as string)).toMatch(/^HTTP\/1\.0 200 OK\r\n/);
    expect(json.headers).toContainEqual(['Content-Type', 'application/x-www-form-urlencoded']);
    const environ = Object.fromEntries(json.environ.map((e) => [e.key, e.value]));
    expect(environ).toMatchObject({
      REQUEST_METHOD: 'POST',
      SCRIPT_NAME: '/mnt',
      PATH_INFO: '/form',
      QUERY_STRING: 'x=1',
      SERVER_NAME: 'example.test',
      SERVER_PORT: '8080',
      CONTENT_LENGTH: '7',
      HTTP_X_TEST: 'yes',
    });
    expect(Array.isArray(json.events)).toBe(true);
    expect(json.findings).toEqual([]);
    expect(json).not.toHaveProperty('validate');
  });

  it('lists the findings with severity, rule, line, message and PEP link', async () => {
    const { status, out } = await cli('trace', app('start_response_twice'), '--fail-on', 'error');
    expect(status).toBe(1);
    expect(out).toContain('Findings (1):');
    expect(out).toMatch(/^ {2}error {3}start-response-twice L3$/m);
    expect(out).toMatch(/start_response\(\) was called again \(status "404 Not Found"\)/);
    expect(out).toContain(
      'PEP 3333: https://peps.python.org/pep-3333/#the-start-response-callable',
    );
    expect(out.indexOf('Findings')).toBeLessThan(out.indexOf('Outcome:'));
  });

  it('--fail-on fails on findings of that severity or worse, and never by default', () => {
    expect(failsOn([finding('warning')], 'warning')).toBe(true);
    expect(failsOn([finding('warning')], 'error')).toBe(false);
    expect(failsOn([finding('info')], 'warning')).toBe(false);
    expect(failsOn([finding('error')], 'error')).toBe(true);
    expect(failsOn([finding('error')], null)).toBe(false);
    expect(parseCommand(['trace', 'a.py', '--fail-on', 'fatal'], () => new Uint8Array())).toEqual({
      kind: 'error',
      message: '--fail-on must be error or warning, not fatal',
    });
  });

  it('guards CI: --fail-on warning exits 1 on a warning; --json has findings and the verdict', async () => {
    const { status, out } = await cli(
      'trace',
      example('middleware_late_header'),
      '--fail-on',
      'warning',
      '--validate',
      '--json',
    );
    expect(status).toBe(1);
    const json = JSON.parse(out) as { findings: { rule: string }[]; validate: unknown };
    expect(json.findings.map((f) => f.rule)).toEqual(['headers-changed-after-start-response']);
    expect(json.validate).toEqual({ passed: true, errors: [], warnings: [] });
  });

  it('--validate shows the verdict of wsgiref.validate beside ours', async () => {
    const { status, out } = await cli('trace', app('empty_yield_before_start'), '--validate');
    expect(status).toBe(0);
    expect(out).toContain('info    empty-yield-before-start-response L2');
    expect(out).toMatch(
      /wsgiref\.validate: failed\n {2}error {3}The application returns and we started iterating/,
    );
  });

  it('rejects bad usage with status 2 and the usage text', async () => {
    const { status, err } = await cli('trace', app('hello'), '--server', 'nginx');
    expect(status).toBe(2);
    expect(err).toContain('--server must be http, cgi, gunicorn, waitress');
    expect((await cli('trace', '/no/such/app.py')).status).toBe(2);
    expect((await cli('serve')).status).toBe(2);
  });

  it('parses -d @FILE and sets the method and headers as curl would', () => {
    const command = parseCommand(['trace', 'app.py', '-d', '@body.txt'], () =>
      new TextEncoder().encode('x=1'),
    );
    expect(command).toMatchObject({
      kind: 'trace',
      input: {
        request: {
          method: 'POST',
          headers: [
            ['Host', 'localhost'],
            ['Content-Type', 'application/x-www-form-urlencoded'],
            ['Content-Length', '3'],
          ],
        },
      },
    });
  });

  it('works as the installed command (bin → built CLI)', () => {
    const out = execFileSync('node', [
      join(ROOT, 'bin', 'wsgi-playground.mjs'),
      'trace',
      app('hello'),
    ]);
    expect(out.toString()).toContain('Outcome: complete');
  });
});

/** A project of several files: a package of views behind middleware of its own module. */
const PROJECT: Record<string, string> = {
  'app.py':
    'from middleware import Stamp\nfrom shop import views\n\napplication = Stamp(views.index)\n',
  'middleware.py':
    '# A middleware as a class: its instances are the layer.\n' +
    'class Stamp:\n    def __init__(self, app):\n        self.app = app\n\n' +
    '    def __call__(self, environ, start_response):\n' +
    "        headers = [('X-Stamp', '1')]\n" +
    '        return self.app(environ, lambda s, h, e=None: start_response(s, h + headers, e))\n',
  'shop/__init__.py': '',
  'shop/views.py':
    'def index(environ, start_response):\n' +
    "    start_response('200 OK', [('Content-Type', 'text/plain')])\n" +
    "    return [b'from the shop']\n",
  'shop/web.py': 'from app import application as app\n',
  '.venv/lib/shop.py': 'raise SystemExit("a virtual environment is never the project")\n',
};

describe('wsgi-playground trace of a project', () => {
  const root = mkdtempSync(join(tmpdir(), 'wsgi-cli-'));
  for (const [path, text] of Object.entries(PROJECT)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("runs APP.py with its folder's modules, naming the file of a line outside the entry file", async () => {
    const { status, out, err } = await cli('trace', join(root, 'app.py'));
    expect(status, err).toBe(0);
    expect(out).toContain('GET / → app:application (HTTP/1.1 origin server, 5 files)');
    expect(out).toContain('from the shop');
    expect(out).toContain('X-Stamp: 1');
    expect(out).toMatch(/app\.call +middleware\.py:6 +server calls application/);
    expect(out).toMatch(/start_response +middleware\.py:8 +"200 OK", 2 headers/);
    expect(out).toContain('Outcome: complete');
  });

  it('runs module:callable looked up in --chdir, as gunicorn does', async () => {
    const { status, out, err } = await cli('trace', 'shop.web:app', '--chdir', root, '--json');
    expect(status, err).toBe(0);
    const json = JSON.parse(out) as {
      outcome: string;
      project: { entry: string; entryFile: string; files: string[] };
      events: { kind: string; file?: string; line?: number }[];
      layers: unknown[];
    };
    expect(json.outcome).toBe('complete');
    expect(json.project).toMatchObject({ entry: 'shop.web:app', entryFile: 'shop/web.py' });
    expect(json.project.files.toSorted()).toEqual([
      'app.py',
      'middleware.py',
      'shop/__init__.py',
      'shop/views.py',
      'shop/web.py',
    ]);
    expect(json.events).toContainEqual(
      expect.objectContaining({ kind: 'start_response', file: 'middleware.py', line: 8 }),
    );
    expect(Array.isArray(json.layers)).toBe(true);
  });

  it('runs each middleware layer in its own lane, in the text and in the JSON', async () => {
    const { out } = await cli('trace', join(root, 'app.py'));
    expect(out).toMatch(/^Layers: server → Stamp \(middleware\.py:\d+\) → app$/m);
    expect(out).toMatch(/Stamp→app +layer\.call +middleware\.py:8 +Stamp calls app/);
    expect(out).toMatch(/app→Stamp +layer\.start_response +shop\/views\.py:2 +app passes "200 OK"/);
    expect(out).toMatch(/app→Stamp +layer\.yield +shop\/views\.py:3 +app gives Stamp chunk #0/);
    const json = JSON.parse((await cli('trace', join(root, 'app.py'), '--json')).out) as {
      layers: { id: string; file?: string }[];
      events: { kind: string }[];
    };
    expect(json.layers).toEqual([expect.objectContaining({ id: 'Stamp', file: 'middleware.py' })]);
    expect(json.events).toContainEqual(
      expect.objectContaining({
        kind: 'layer.start_response',
        layer: 'app',
        outer: 'Stamp',
        file: 'shop/views.py',
        line: 2,
      }),
    );
  });

  it('says which module it did not find, with status 2', async () => {
    const { status, err } = await cli('trace', 'shop.nothing:app', '--chdir', root);
    expect(status).toBe(2);
    expect(err).toContain('no module shop.nothing in');
  });
});
