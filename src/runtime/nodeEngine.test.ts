import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToLatin1, fromBase64, textToBase64 } from '../trace/bytes.ts';
import { createNodeEngine, createPyodideSession, type NodeEngine } from './nodeEngine.ts';
import { readNodeImage } from './nodeImage.ts';

const HELLO_CODE = "def application(e, s):\n    s('200 OK', [])\n    return [b'hi']\n";
import { DEFAULT_SETTINGS } from './runInput.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const GET = { method: 'GET', target: '/', headers: [['Host', 'localhost']], bodyBase64: '' } as {
  method: string;
  target: string;
  headers: [string, string][];
  bodyBase64: string;
};

describe('the Node engine', () => {
  it('runs hello world and returns a validated trace', async () => {
    const trace = await engine.run({
      code: "def application(e, s):\n    s('200 OK', [('Content-Type', 'text/plain')])\n    return [b'hi']\n",
      request: GET,
    });
    expect(trace.outcome).toBe('complete');
    expect(trace.response.status).toBe('200 OK');
    expect(bytesToLatin1(fromBase64(trace.response.bodyBase64))).toBe('hi');
    expect(trace.events.map((e) => e.kind)).toEqual([
      'app.call',
      'start_response',
      'app.return',
      'yield',
      'headers.commit',
      'close',
      'complete',
    ]);
    const wire = bytesToLatin1(fromBase64(trace.response.wireBase64));
    expect(wire).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: .+\r\nContent-Type: text\/plain\r\n/);
    expect(wire.endsWith('Content-Length: 2\r\n\r\nhi')).toBe(true);
  });

  it('passes the request body to wsgi.input and records the read', async () => {
    const trace = await engine.run({
      code: "def application(e, s):\n    data = e['wsgi.input'].read(int(e['CONTENT_LENGTH']))\n    s('200 OK', [])\n    return [data.upper()]\n",
      request: {
        ...GET,
        method: 'POST',
        headers: [['Content-Length', '5']],
        bodyBase64: textToBase64('héllo'.slice(0, 4)),
      },
    });
    const read = trace.events.find((e) => e.kind === 'input.read');
    expect(read).toMatchObject({ method: 'read', arg: '5', size: 5, line: 2 });
    expect(new TextDecoder().decode(fromBase64(trace.response.bodyBase64))).toBe('HéLL'); // bytes.upper() changes ASCII only;
  });

  it('keeps its TypeScript defaults in agreement with the Python ones', async () => {
    const session = await createPyodideSession();
    expect(JSON.parse(session.defaultSettingsJson())).toEqual(DEFAULT_SETTINGS);
  });

  it('reports a syntax error with its line and column', async () => {
    const trace = await engine.run({ code: 'def application(e, s)\n    pass\n', request: GET });
    expect(trace.outcome).toBe('syntax-error');
    expect(trace.error).toMatchObject({ kind: 'syntax-error', line: 1 });
    expect(trace.error?.column).toBeGreaterThan(0);
  });

  it('runs a project of several files, each event naming its file', async () => {
    const trace = await engine.run({
      project: {
        files: {
          'app.py': 'from views import index as application\n\n__all__ = ["application"]\n',
          'views.py': "def index(e, s):\n    s('200 OK', [])\n    return [__name__.encode()]\n",
        },
        entry: 'app',
      },
      request: GET,
    });
    expect(trace.outcome).toBe('complete');
    expect(bytesToLatin1(fromBase64(trace.response.bodyBase64))).toBe('views');
    expect(trace.project).toEqual({
      entry: 'app',
      entryFile: 'app.py',
      files: ['app.py', 'views.py'],
    });
    expect(trace.events.find((e) => e.kind === 'start_response')).toMatchObject({
      file: 'views.py',
      line: 2,
    });
  });

  it('runs middleware as layers, and the trace they make passes the schema', async () => {
    const folder = join(
      import.meta.dirname,
      '..',
      'python',
      'tests',
      'fidelity_apps',
      'project_middleware',
    );
    const files = Object.fromEntries(
      readdirSync(folder)
        .filter((name) => name.endsWith('.py'))
        .map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
    );
    const trace = await engine.run({ project: { files, entry: 'app' }, request: GET });
    expect(trace.layers?.map((layer) => layer.id)).toEqual(['Stamp', 'Buffer']);
    expect(trace.events.find((e) => e.kind === 'app.call')?.actor).toBe('Stamp');
    const passed = trace.events.flatMap((e) =>
      e.kind === 'layer.start_response' ? [[e.layer, e.outer, e.file, e.line]] : [],
    );
    expect(passed).toEqual([
      ['app', 'Buffer', 'views.py', 2],
      ['Buffer', 'Stamp', 'middleware.py', 33],
    ]);
    expect(trace.events.filter((e) => e.kind.startsWith('layer.')).map((e) => e.kind)).toContain(
      'layer.close',
    );
  });

  it('isolates runs: module state from one run does not leak into the next', async () => {
    const code =
      "import sys\ncount = getattr(sys, '_demo_count', 0) + 1\ndef application(e, s):\n    s('200 OK', [])\n    return [str(count).encode()]\n";
    const first = await engine.run({ code, request: GET });
    const second = await engine.run({ code, request: GET });
    expect(first.response.bodyBase64).toBe(second.response.bodyBase64);
  });

  it('restores every run from the image, and refuses an image made for another server', async () => {
    expect(engine.source).toBe('image');
    const image = await readNodeImage();
    expect(image, 'npm run build:cli writes dist-cli/wsgi-image.bin').not.toBeNull();
    if (!image) return;
    const stale = await createNodeEngine({ image: { bytes: image.bytes, key: 'another' } });
    expect(stale.source).toBe('plain');
    expect(stale.fallback).toMatch(/made for another version of the server object/);
    const trace = await stale.run({ code: HELLO_CODE, request: GET });
    expect(trace.outcome).toBe('complete');
  });
});
