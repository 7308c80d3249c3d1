import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand, SLOW_CLIENT_MS } from './args.ts';
import { main } from './main.ts';

const GENERATOR = [
  'def application(environ, start_response):',
  "    start_response('200 OK', [('Content-Type', 'text/plain')])",
  '    try:',
  '        for i in range(5):',
  "            yield b'chunk %d\\n' % i",
  '    finally:',
  "        print('finally reached')",
  '',
].join('\n');

// A middleware that passes the app's iterable on (its close() with it), as most do.
const MIDDLEWARE = [
  'from app import application as inner',
  '',
  'class Passing:',
  '    def __init__(self, app):',
  '        self.app = app',
  '',
  '    def __call__(self, environ, start_response):',
  '        return self.app(environ, start_response)',
  '',
  'application = Passing(inner)',
  '',
].join('\n');

interface CliTrace {
  outcome: string;
  events: { kind: string; text?: string; called?: boolean; afterBytes?: number }[];
  findings: { rule: string; message: string }[];
}

async function traceJson(...argv: string[]): Promise<CliTrace> {
  let out = '';
  let err = '';
  const status = await main(['trace', ...argv, '--json'], {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    readFile: (path) => readFileSync(path),
  });
  expect(status, err).toBe(0);
  return JSON.parse(out) as CliTrace;
}

describe('wsgi-playground trace --disconnect-after', () => {
  const root = mkdtempSync(join(tmpdir(), 'wsgi-cli-faults-'));
  writeFileSync(join(root, 'app.py'), GENERATOR);
  writeFileSync(join(root, 'wrapped.py'), MIDDLEWARE);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('ends a generator app with outcome disconnected, close() and its finally', async () => {
    const json = await traceJson(join(root, 'app.py'), '--disconnect-after', '5');
    expect(json.outcome).toBe('disconnected');
    const kinds = json.events.map((event) => event.kind);
    expect(kinds.indexOf('client.disconnect')).toBeGreaterThan(-1);
    expect(kinds.indexOf('close')).toBeGreaterThan(kinds.indexOf('client.disconnect'));
    expect(json.events.find((event) => event.kind === 'close')?.called).toBe(true);
    expect(json.events.filter((e) => e.kind === 'print').map((e) => e.text)).toEqual([
      'finally reached',
    ]);
    const [finding] = json.findings.filter((f) => f.rule === 'client-disconnected');
    expect(finding?.message).toContain('the finally blocks around that yield ran');
  });

  it('does the same for an app behind a middleware layer', async () => {
    const json = await traceJson('wrapped:application', '--chdir', root, '--disconnect-after', '5');
    expect(json.outcome).toBe('disconnected');
    const kinds = json.events.map((event) => event.kind);
    expect(kinds).toContain('close');
    expect(kinds.indexOf('close')).toBeGreaterThan(kinds.indexOf('client.disconnect'));
    expect(json.events.filter((e) => e.kind === 'print').map((e) => e.text)).toEqual([
      'finally reached',
    ]);
  });

  it('--short-body: the client sends 4 of the 10 bytes it announces', async () => {
    writeFileSync(
      join(root, 'echo.py'),
      [
        'def application(environ, start_response):',
        "    size = int(environ.get('CONTENT_LENGTH') or 0)",
        "    data = environ['wsgi.input'].read(size)",
        "    start_response('200 OK', [('Content-Type', 'text/plain')])",
        "    return [b'%d of %d' % (len(data), size)]",
        '',
      ].join('\n'),
    );
    const json = (await traceJson(
      join(root, 'echo.py'),
      '--data',
      '0123456789',
      '--short-body',
      '4',
    )) as CliTrace & { body_base64: string };
    expect(json.outcome).toBe('complete');
    expect(atob(json.body_base64)).toBe('4 of 10');
    const [finding] = json.findings.filter((f) => f.rule === 'client-short-body');
    expect(finding?.message).toContain('announced 10 bytes and sent 4');
  });

  it('--slow-client: each write of the body waits for the client', async () => {
    const json = await traceJson(join(root, 'app.py'), '--slow-client');
    expect(json.outcome).toBe('complete');
    const waits = json.events.filter((event) => event.kind === 'client.wait');
    expect(waits).toHaveLength(5);
    expect(waits.every((wait) => (wait as { ms?: number }).ms === SLOW_CLIENT_MS)).toBe(true);
  });

  it('refuses a count that is not one', () => {
    const parsed = parseCommand(['trace', 'app.py', '--disconnect-after', '-3'], () =>
      Buffer.from(''),
    );
    expect(parsed).toMatchObject({ kind: 'error', message: /count of bytes/ });
  });
});
