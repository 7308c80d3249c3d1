import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine, type NodeEngine } from '../runtime/nodeEngine.ts';
import { fromBase64, textToBase64 } from '../trace/bytes.ts';
import type { HttpRequest } from '../trace/schema.ts';
import { toHar } from './exportHar.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const STARTED = new Date('2026-11-24T10:00:00.000Z');

const FORM_APP = `import time
def application(environ, start_response):
    body = environ['wsgi.input'].read(int(environ['CONTENT_LENGTH']))
    start_response('303 See Other', [
        ('Content-Type', 'text/plain; charset=utf-8'),
        ('Location', '/done'),
        ('Set-Cookie', 'sid=abc; Path=/; HttpOnly; Secure'),
    ])
    yield b'got ' + body
    time.sleep(0.002)
    yield 'é'.encode()
`;

const FORM: HttpRequest = {
  method: 'POST',
  target: '/submit?lang=en&q=a+b',
  headers: [
    ['Host', 'example.test:8080'],
    ['Cookie', 'a=1; b=2'],
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['Content-Length', '17'],
  ],
  bodyBase64: textToBase64('name=Ada&x=caf%C3'),
};

describe('toHar', () => {
  it('writes one HAR 1.2 entry with the request and response of the run', async () => {
    const trace = await engine.run({ code: FORM_APP, request: FORM });
    const har = toHar(trace, { startedAt: STARTED, version: '9.9' });
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'WSGI Playground', version: '9.9' });
    expect(har.log.entries).toHaveLength(1);
    const [entry] = har.log.entries;
    if (!entry) return;
    expect(entry.startedDateTime).toBe('2026-11-24T10:00:00.000Z');
    expect(entry.request).toMatchObject({
      method: 'POST',
      url: 'http://example.test:8080/submit?lang=en&q=a+b',
      httpVersion: 'HTTP/1.1',
      cookies: [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
      queryString: [
        { name: 'lang', value: 'en' },
        { name: 'q', value: 'a b' },
      ],
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: 'name=Ada&x=caf%C3',
      },
      bodySize: 17,
    });
    expect(entry.request.headers[0]).toEqual({ name: 'Host', value: 'example.test:8080' });
    expect(entry.request.headersSize).toBe(
      'POST /submit?lang=en&q=a+b HTTP/1.1\r\n'.length +
        FORM.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 0) +
        2,
    );
    expect(entry.response).toMatchObject({
      status: 303,
      statusText: 'See Other',
      httpVersion: 'HTTP/1.1',
      redirectURL: '/done',
      cookies: [{ name: 'sid', value: 'abc', path: '/', httpOnly: true, secure: true }],
      content: { size: 23, mimeType: 'text/plain; charset=utf-8', text: 'got name=Ada&x=caf%C3é' },
      bodySize: 23,
    });
    expect(entry.response.headers.map((h) => h.name)).toContain('Date');
    const wire = fromBase64(trace.response.wireBase64);
    expect(entry.response.headersSize + entry.response.bodySize).toBe(wire.length);
    // Timings: non-negative, the body after the head, and `time` their sum.
    // HAR makes `text` and `params` exclusive; decoded params would lose the bad %-escape.
    expect(entry.request.postData).not.toHaveProperty('params');
    const { send = -1, wait, receive } = entry.timings;
    expect(Math.min(send, wait, receive)).toBeGreaterThanOrEqual(0);
    expect(receive).toBeGreaterThan(1);
    expect(entry.time).toBeCloseTo(send + wait + receive, 2);
    expect(entry.comment).toMatch(/outcome complete/);
    // It is plain JSON.
    expect(JSON.parse(JSON.stringify(har))).toEqual(har);
  });

  it('encodes a body that is not text as base64, and reads a CGI Status header', async () => {
    const code =
      "def application(environ, start_response):\n    start_response('404 Gone Fishing', [])\n    return [bytes(range(256))]\n";
    const request: HttpRequest = { method: 'GET', target: '/', headers: [], bodyBase64: '' };
    const trace = await engine.run({ code, request, settings: { personality: 'cgi' } });
    const entry = toHar(trace, { startedAt: STARTED }).log.entries[0];
    expect(entry?.request.url).toBe('http://localhost/');
    expect(entry?.request.postData).toBeUndefined();
    expect(entry?.response).toMatchObject({
      status: 404,
      statusText: 'Gone Fishing',
      content: { size: 256, mimeType: 'x-unknown', encoding: 'base64' },
    });
    expect(fromBase64(entry?.response.content.text ?? '')).toEqual(
      Uint8Array.from({ length: 256 }, (_, i) => i),
    );
    expect(entry?.response.headers.find((h) => h.name === 'Status')).toBeUndefined();
  });

  it('gives status 0 when the app never answered', async () => {
    const request: HttpRequest = { method: 'GET', target: '/', headers: [], bodyBase64: '' };
    const trace = await engine.run({ code: 'def application(:\n', request });
    const har = toHar(trace, { startedAt: STARTED });
    const entry = har.log.entries[0];
    expect(entry?.response.status).toBe(0);
    // Without a version given, the creator is this release, as package.json names it.
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(har.log.creator.version).toBe(version);
    expect(entry?.comment).toMatch(/syntax-error/);
  });
});
