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
import { loadFidelityCases, withoutDate } from '../python/fidelityCases.ts';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
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

interface Case {
  name: string;
  code: string;
  request: HttpRequest;
  settings: Partial<Settings>;
}

/** Run the case in Pyodide and its exported script in python3; return both wires without Date. */
async function compare(c: Case): Promise<{ ours: string; script: string; stderr: string }> {
  const trace = await engine.run(c);
  const text = toPythonScript({
    code: c.code,
    request: trace.request,
    settings: c.settings,
    serverSoftware: serverSoftwareOf(trace),
  });
  const file = join(dir, 'wsgi_run.py');
  writeFileSync(file, text);
  const run = spawnSync(PYTHON, [file], { maxBuffer: 64 * 1024 * 1024, timeout: 20_000 });
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

describe.skipIf(!hasPython)('the standalone Python script', () => {
  for (const c of AWKWARD) {
    it(`prints the playground's wire bytes: ${c.name}`, async () => {
      const { ours, script, stderr } = await compare(c);
      expect(script, stderr).toBe(ours);
      expect(ours.length).toBeGreaterThan(0);
    });
  }

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
    const c = AWKWARD[0] as Case;
    const trace = await engine.run(c);
    const file = join(dir, 'other.py');
    writeFileSync(
      file,
      toPythonScript({
        code: c.code.replace("'200 OK'", "'404 Not Found'"),
        request: trace.request,
        settings: {},
      }),
    );
    const run = spawnSync(PYTHON, [file]);
    expect(withoutDate(new Uint8Array(run.stdout))).not.toBe(
      withoutDate(fromBase64(trace.response.wireBase64)),
    );
  });

  it('says why when the code does not load, and exits non-zero', () => {
    const file = join(dir, 'broken.py');
    writeFileSync(
      file,
      toPythonScript({ code: 'def application(:\n', request: get('/'), settings: {} }),
    );
    const run = spawnSync(PYTHON, [file]);
    expect(run.status).toBe(1);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr.toString()).toMatch(/syntax-error/);
  });

  it('shows the environ with --environ, on stderr', () => {
    const file = join(dir, 'environ.py');
    writeFileSync(
      file,
      toPythonScript({
        code: "def application(e, s):\n    s('200 OK', [])\n    return []\n",
        request: get('/x?y=1'),
        settings: {},
        serverSoftware: 'WSGIServer/0.2 CPython/3.14.2',
      }),
    );
    const run = spawnSync(PYTHON, [file, '--environ']);
    expect(run.stderr.toString()).toContain("QUERY_STRING = 'y=1'");
    expect(run.stdout.toString()).toContain('Server: WSGIServer/0.2 CPython/3.14.2\r\n');
  });
});
