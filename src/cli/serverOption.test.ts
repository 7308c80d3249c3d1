import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand } from './args.ts';
import { runTrace as run } from './runCli.testing.ts';

const STREAM = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  "    yield b'hello '",
  "    yield b'world'",
  '',
].join('\n');

describe('wsgi-playground trace --server', () => {
  const root = mkdtempSync(join(tmpdir(), 'wsgi-cli-server-'));
  writeFileSync(join(root, 'app.py'), STREAM);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('takes the four personalities and refuses any other, naming them', () => {
    for (const server of ['http', 'cgi', 'gunicorn', 'waitress']) {
      const command = parseCommand(['trace', 'app.py', '--server', server], readFileSync);
      expect(command.kind === 'trace' && command.input.settings?.personality).toBe(server);
    }
    const bad = parseCommand(['trace', 'app.py', '--server', 'nginx'], readFileSync);
    expect(bad).toEqual({
      kind: 'error',
      message: '--server must be http, cgi, gunicorn, waitress, not nginx',
    });
  });

  it('frames the body as gunicorn would: chunked, with the last chunk', async () => {
    const { status, out, err } = await run(join(root, 'app.py'), '--server', 'gunicorn', '--json');
    expect(status, err).toBe(0);
    const json = JSON.parse(out) as {
      trace: { response: { wireBase64: string; bodyBase64: string } };
      findings: { rule: string }[];
    };
    const { response } = json.trace;
    const wire = Buffer.from(response.wireBase64, 'base64').toString('latin1');
    expect(wire).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: gunicorn\r\nDate: .*\r\nConnection: close/);
    expect(wire.endsWith('\r\n\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n')).toBe(true);
    expect(Buffer.from(response.bodyBase64, 'base64').toString()).toBe('hello world');
    expect(json.findings.map((finding) => finding.rule)).toEqual(['server-chunked-body']);
  });

  it('names the modelled release in the text heading', async () => {
    const { out } = await run(join(root, 'app.py'), '--server', 'waitress');
    expect(out.split('\n')[0]).toBe('GET / → app:application (waitress 2.1.2, HTTP/1.1)');
  });
});
