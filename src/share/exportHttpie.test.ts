import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row, type RequestDraft } from '../request/requestDraft.ts';
import { textToBase64 } from '../trace/bytes.ts';
import type { HttpRequest } from '../trace/schema.ts';
import { toHttpie } from './exportHttpie.ts';
import { shellWords } from './shellWords.ts';

/** The words bash would hand to `http` (and whether a printf pipes into it). */
function words(command: string): { argv: string[]; piped: boolean } {
  const parsed = shellWords(command);
  if (!('commands' in parsed)) throw new Error(parsed.error);
  const last = parsed.commands.at(-1);
  return { argv: last?.words ?? [], piped: parsed.commands.length > 1 };
}

describe('toHttpie', () => {
  it('writes a GET as method and URL, the Host folded into the URL', () => {
    const draft: RequestDraft = {
      method: 'GET',
      target: '/hello?name=World',
      headers: [row('Host', 'localhost:8000')],
      body: EMPTY_BODY,
    };
    expect(toHttpie(draft)).toBe(`http GET 'http://localhost:8000/hello?name=World'`);
  });

  it('writes headers as items, a text body with --raw, and drops a true Content-Length', () => {
    const request: HttpRequest = {
      method: 'POST',
      target: '/form',
      headers: [
        ['Host', 'example.test'],
        ['X-Token', "it's"],
        ['X-Empty', ''],
        ['X-Eq', '=starts'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Content-Length', '9'],
      ],
      bodyBase64: textToBase64('a=1&b=caf'),
    };
    const command = toHttpie(request);
    expect(command).toBe(
      [
        `http POST 'http://example.test/form'`,
        `'X-Token:it'\\''s'`,
        `'X-Empty;'`,
        `'X-Eq:\\=starts'`,
        `'Content-Type:application/x-www-form-urlencoded'`,
        `--raw 'a=1&b=caf'`,
      ].join(' \\\n  '),
    );
    expect(words(command).argv).toEqual([
      'http',
      'POST',
      'http://example.test/form',
      "X-Token:it's",
      'X-Empty;',
      'X-Eq:\\=starts',
      'Content-Type:application/x-www-form-urlencoded',
      '--raw',
      'a=1&b=caf',
    ]);
  });

  it('keeps a Content-Length that lies and a Host that differs from an absolute URL', () => {
    const command = toHttpie({
      method: 'PUT',
      target: 'https://api.test/x',
      headers: [
        ['Host', 'other.test'],
        ['Content-Type', 'text/plain'],
        ['Content-Length', '99'],
      ],
      bodyBase64: textToBase64('hi'),
    });
    expect(words(command).argv).toEqual([
      'http',
      'PUT',
      'https://api.test/x',
      'Host:other.test',
      'Content-Type:text/plain',
      'Content-Length:99',
      '--raw',
      'hi',
    ]);
  });

  it("switches off HTTPie's JSON Content-Type when the request has none", () => {
    const command = toHttpie({
      method: 'POST',
      target: '/',
      headers: [['Host', 'h']],
      bodyBase64: textToBase64('{"a": 1}'),
    });
    expect(words(command).argv).toContain('Content-Type:');
  });

  it('pipes a body that is not text through printf', () => {
    const command = toHttpie({
      method: 'POST',
      target: '/bin',
      headers: [
        ['Host', 'h'],
        ['Content-Type', 'application/octet-stream'],
      ],
      bodyBase64: btoa('\x00\xff%\\'),
    });
    expect(command.startsWith(`printf '\\x00\\xff%%\\\\' | http POST 'http://h/bin'`)).toBe(true);
    expect(words(command).piped).toBe(true);
    expect(command).not.toContain('--raw');
  });

  it('sends dot segments as typed', () => {
    const command = toHttpie({ method: 'GET', target: '/a/../b', headers: [], bodyBase64: '' });
    expect(command).toBe(`http --path-as-is GET 'http://localhost/a/../b'`);
  });
});
