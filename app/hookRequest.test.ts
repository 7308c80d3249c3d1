import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row, toHttpRequest, type RequestDraft } from '../src/index.ts';
import { readHookRequest } from './hookRequest.ts';

const current: RequestDraft = {
  method: 'GET',
  target: '/hello',
  headers: [row('Host', 'localhost:8000')],
  body: { ...EMPTY_BODY, json: '{"kept": true}' },
};

const full = (change: { request: Partial<RequestDraft> }): RequestDraft => ({
  ...current,
  ...change.request,
});

describe('readHookRequest', () => {
  it('reads the plain shape into a whole request, the body as raw text', () => {
    const change = readHookRequest(
      { method: 'POST', url: '/x', headers: [['Content-Type', 'text/plain']], body: 'text' },
      current,
    );
    expect(change.settings).toEqual({});
    expect(toHttpRequest(full(change))).toEqual({
      method: 'POST',
      target: '/x',
      headers: [
        ['Host', 'localhost'],
        ['Content-Type', 'text/plain'],
        ['Content-Length', '4'],
      ],
      bodyBase64: 'dGV4dA==',
    });
  });

  it('sends an absolute URL as curl does: Host, credentials and scheme', () => {
    const change = readHookRequest({ url: 'https://ada:pw@example.test:8443/a?b=1' }, current);
    expect(change.settings).toEqual({ urlScheme: 'https' });
    expect(toHttpRequest(full(change))).toEqual({
      method: 'GET',
      target: '/a?b=1',
      headers: [
        ['Host', 'example.test:8443'],
        ['Authorization', 'Basic YWRhOnB3'],
      ],
      bodyBase64: '',
    });
    const given = readHookRequest(
      { url: 'http://a.test/', headers: [['host', 'b.test']] },
      current,
    );
    expect(given.request.headers).toEqual([row('host', 'b.test')]);
  });

  it('changes only the fields a draft-shaped patch names, body fields included', () => {
    const change = readHookRequest(
      { target: '/y', headers: [{ name: 'X', value: '1' }], body: { mode: 'json' } },
      current,
    );
    expect(change.request).toEqual({
      target: '/y',
      headers: [row('X', '1')],
      body: { ...current.body, mode: 'json' },
    });
    expect(readHookRequest({ method: 'PUT' }, current).request).toEqual({ method: 'PUT' });
  });

  it.each([
    [null, /setRequest takes .*, got null\./],
    [42, /got number/],
    ['GET /', /got string/],
    [[], /got an array/],
    [{ method: 'GET', colour: 'red' }, /colour is not a key of a request draft/],
    [{ url: '/x', target: '/y' }, /give url or target, not both/],
    [{ url: 'example.test/x' }, /url must be an absolute http:\/\/ or https:\/\/ URL/],
    [{ url: 'ftp://example.test/' }, /Only http:\/\/ and https:\/\/ URLs/],
    [
      { body: 'x', headers: [['A']] },
      /headers\[0\] must be a \[name, value\] pair of strings, got \["A"\]/,
    ],
    [
      { body: 'x', headers: [{ name: 'A', value: 'b' }] },
      /headers\[0\] must be a \[name, value\] pair/,
    ],
    [{ url: '/', headers: 'A: b' }, /headers must be a list of \[name, value\] pairs, got "A: b"/],
    [{ method: 7 }, /method must be a string, got 7/],
    [{ body: 42 }, /body must be a body draft .*got 42/],
    [{ body: { mode: 'xml' } }, /body\.mode must be one of none, raw, json, form, multipart/],
    [
      { headers: [{ name: 'A' }] },
      /headers\[0\]\.value is required \(a row takes name, value, enabled\)/,
    ],
    [{ headers: [{ name: 'A', value: 'b', enabled: 'yes' }] }, /enabled must be true or false/],
    [
      { body: { multipart: [{ name: 'f', kind: 'file', dataBase64: '!!' }] } },
      /body\.multipart\[0\]\.dataBase64 must be base64/,
    ],
  ])('refuses %j with a message that says what is wrong', (input, message) => {
    expect(() => readHookRequest(input, current)).toThrow(message);
  });
});
