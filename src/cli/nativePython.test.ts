import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTrace as run } from './runCli.testing.ts';

const APP = [
  'import sys',
  '',
  'def application(environ, start_response):',
  '    print("python", sys.version_info[0], sys.platform)',
  '    start_response("200 OK", [("Content-Type", "text/plain")])',
  '    return [b"native"]',
  '',
].join('\n');

describe('wsgi-playground trace --python', () => {
  const root = mkdtempSync(join(tmpdir(), 'wsgi-cli-native-'));
  writeFileSync(join(root, 'app.py'), APP);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('runs the app on the native CPython, with the same JSON as in Pyodide', async () => {
    const python = process.env.PYTHON ?? 'python3';
    const native = await run(join(root, 'app.py'), '--python', python, '--json');
    const pyodide = await run(join(root, 'app.py'), '--json');
    expect(native.status, native.err).toBe(0);
    type Json = { events: { kind: string; text?: string }[]; wire_base64: string };
    const [a, b] = [JSON.parse(native.out) as Json, JSON.parse(pyodide.out) as Json];
    const printed = (json: Json) => json.events.find((event) => event.kind === 'print')?.text;
    expect(printed(a)).toBe(`python 3 ${process.platform}`);
    expect(printed(b)).toBe('python 3 emscripten');
    expect(a.events.map((event) => event.kind)).toEqual(b.events.map((event) => event.kind));
    const body = (json: Json) =>
      Buffer.from(json.wire_base64, 'base64').toString().split('\r\n\r\n')[1];
    expect(body(a)).toBe('native');
  });

  it('says when the interpreter cannot be started, or is asked to install', async () => {
    const missing = await run(join(root, 'app.py'), '--python', join(root, 'no-such-python'));
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('cannot start');
    const both = await run(join(root, 'app.py'), '--python', 'python3', '--with', 'flask');
    expect(both.status).toBe(2);
    expect(both.err).toContain("with --python the app uses that Python's own packages");
  });
});
