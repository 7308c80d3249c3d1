import { describe, expect, it } from 'vitest';
import { bytesToText, fromBase64, toBase64 } from '../trace/bytes.ts';
import type { HttpRequest } from '../trace/schema.ts';
import {
  EMPTY_BODY,
  MULTIPART_BOUNDARY,
  row,
  toHttpRequest,
  type RequestDraft,
} from '../request/requestDraft.ts';
import { parseCurl, toCurl, type CurlImport } from './curl.ts';
import { shellQuote } from './curlExport.ts';

/** Parse, failing the test with the error when the command is refused. */
function ok(command: string): CurlImport {
  const result = parseCurl(command);
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result;
}
const sent = (command: string): HttpRequest => toHttpRequest(ok(command).request);
const bodyOf = (request: HttpRequest): string => bytesToText(fromBase64(request.bodyBase64));
const header = (request: HttpRequest, name: string): string | undefined =>
  request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe('parseCurl: real-world commands', () => {
  it("reads Chrome's Copy as cURL (bash), with continuations, -b and --data-raw JSON", () => {
    const command = String.raw`curl 'https://shop.example.com/api/cart/items?session=a%20b' \
  -H 'accept: application/json, text/plain, */*' \
  -H 'accept-language: en-GB,en;q=0.9' \
  -H 'content-type: application/json' \
  -b 'sid=abc123; theme=dark' \
  -H 'origin: https://shop.example.com' \
  -H 'priority: u=1, i' \
  -H 'sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \
  --data-raw $'{"sku":"caf\u00e9-42","note":"it\'s\\n"}'`;
    const result = ok(command);
    expect(result.url).toBe('https://shop.example.com/api/cart/items?session=a%20b');
    expect(result.settings).toEqual({ urlScheme: 'https' });
    expect(result.warnings).toEqual([]);
    const { request } = result;
    expect(request.method).toBe('POST');
    expect(request.target).toBe('/api/cart/items?session=a%20b');
    expect(request.headers.map((h) => h.name)).toEqual([
      'Host',
      'Cookie',
      'accept',
      'accept-language',
      'origin',
      'priority',
      'sec-ch-ua',
      'user-agent',
    ]);
    expect(request.headers[0]).toEqual(row('Host', 'shop.example.com'));
    expect(request.headers[1]).toEqual(row('Cookie', 'sid=abc123; theme=dark'));
    expect(request.headers[6]?.value).toBe('"Chromium";v="131", "Not_A Brand";v="24"');
    // The JSON body mode sends the Content-Type the command gave.
    expect(request.body.mode).toBe('json');
    expect(request.body.json).toBe('{"sku":"café-42","note":"it\'s\\n"}');
    const http = toHttpRequest(request);
    expect(header(http, 'content-type')).toBe('application/json');
    expect(header(http, 'content-length')).toBe(
      String(new TextEncoder().encode(request.body.json).length),
    );
  });

  it("reads Firefox's form POST, --compressed and -X POST included", () => {
    const result = ok(
      `curl 'http://localhost:8000/login' --compressed -X POST -H 'User-Agent: Mozilla/5.0' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Connection: keep-alive' --data-raw 'user=ann&pass=p%40ss+word'`,
    );
    expect(result.request.method).toBe('POST');
    expect(result.request.body.mode).toBe('form');
    expect(result.request.body.form).toEqual([row('user', 'ann'), row('pass', 'p@ss word')]);
    // The form mode carries the Content-Type: no duplicate header row.
    expect(result.request.headers.map((h) => `${h.name}: ${h.value}`)).toEqual([
      'Host: localhost:8000',
      'Accept-Encoding: deflate, gzip, br, zstd',
      'User-Agent: Mozilla/5.0',
      'Connection: keep-alive',
    ]);
    expect(bodyOf(toHttpRequest(result.request))).toBe('user=ann&pass=p%40ss+word');
  });

  it('reads a CRLF paste with a $ prompt and a glued -XPUT', () => {
    const request = sent('$ curl -XPUT \\\r\n  http://api.test/things/1 \\\r\n  -d x=1');
    expect(request.method).toBe('PUT');
    expect(request.target).toBe('/things/1');
    expect(bodyOf(request)).toBe('x=1');
  });
});

describe('parseCurl: what curl sends', () => {
  it('implies POST and the form Content-Type for -d, joining several with &', () => {
    const request = sent(`curl localhost:8000/f -d a=1 --data 'b=2 3' --data-binary c=%`);
    expect(request.method).toBe('POST');
    expect(request.target).toBe('/f');
    expect(header(request, 'Host')).toBe('localhost:8000');
    expect(header(request, 'Content-Type')).toBe('application/x-www-form-urlencoded');
    // Not what the form table would encode: kept as raw bytes, with curl's type.
    expect(ok(`curl localhost -d 'b=2 3'`).request.body.mode).toBe('raw');
    expect(bodyOf(request)).toBe('a=1&b=2 3&c=%');
    expect(header(request, 'Content-Length')).toBe('13');
  });

  it('keeps a raw body with the Content-Type given, or none with -H "Content-Type:"', () => {
    const csv = ok(`curl http://h/ -H 'Content-Type: text/csv' --data-binary $'a,b\\n1,2\\n'`);
    expect(csv.request.body).toMatchObject({
      mode: 'raw',
      raw: 'a,b\n1,2\n',
      rawContentType: 'text/csv',
    });
    expect(csv.request.headers.map((h) => h.name)).toEqual(['Host']);
    const bare = sent(`curl http://h/ -H 'Content-Type:' -d hello`);
    expect(header(bare, 'Content-Type')).toBeUndefined();
    expect(bodyOf(bare)).toBe('hello');
  });

  it('--json sets JSON with Accept, and concatenates its pieces', () => {
    const result = ok(`curl --json '{"a":' --json '1}' https://h.test/api`);
    expect(result.request.body).toMatchObject({ mode: 'json', json: '{"a":1}' });
    const request = toHttpRequest(result.request);
    expect(header(request, 'Content-Type')).toBe('application/json');
    expect(header(request, 'Accept')).toBe('application/json');
    expect(request.method).toBe('POST');
  });

  it('--data-urlencode encodes the content and not the name', () => {
    const request = sent(
      `curl http://h/s --data-urlencode 'q=café & co' --data-urlencode '=x y' --data-urlencode "a'b"`,
    );
    expect(bodyOf(request)).toBe('q=caf%C3%A9%20%26%20co&x%20y&a%27b');
  });

  it('-G moves the data into the query, and --url-query appends to it', () => {
    const request = sent(
      `curl -G 'http://h/search?lang=en' -d q=wsgi --data-urlencode 'tag=a b' --url-query 'p=1'`,
    );
    expect(request.method).toBe('GET');
    expect(request.target).toBe('/search?lang=en&q=wsgi&tag=a%20b&p=1');
    expect(request.bodyBase64).toBe('');
    expect(header(request, 'Content-Length')).toBeUndefined();
  });

  it('-I is HEAD; -X wins over what data implies', () => {
    expect(sent('curl -I http://h/').method).toBe('HEAD');
    expect(sent('curl --head http://h/').method).toBe('HEAD');
    expect(sent('curl -X PATCH -d a=1 http://h/').method).toBe('PATCH');
    expect(sent('curl --request DELETE http://h/x').method).toBe('DELETE');
    expect(sent('curl --request=OPTIONS --url http://h/').method).toBe('OPTIONS');
  });

  it('turns -A, -e, -b, -u, -r, --oauth2-bearer into headers; a -H of the same name wins', () => {
    const request = sent(
      `curl -A 'agent/1' -e 'http://ref/;auto' -b a=1 -b b=2 -u 'ann:s3cr:t' -r 0-99 http://h/ -H 'User-Agent: mine'`,
    );
    expect(header(request, 'User-Agent')).toBe('mine');
    expect(request.headers.filter(([n]) => n === 'User-Agent')).toHaveLength(1);
    expect(header(request, 'Referer')).toBe('http://ref/');
    expect(header(request, 'Cookie')).toBe('a=1; b=2');
    expect(header(request, 'Authorization')).toBe(`Basic ${btoa('ann:s3cr:t')}`);
    expect(header(request, 'Range')).toBe('bytes=0-99');
    expect(header(sent('curl --oauth2-bearer tok http://h/'), 'Authorization')).toBe('Bearer tok');
  });

  it('takes Basic credentials from the URL, and the Host without a default port', () => {
    const result = ok(`curl 'https://ann:p%40ss@example.com:443/a#frag'`);
    expect(result.request.target).toBe('/a');
    const request = toHttpRequest(result.request);
    expect(header(request, 'Host')).toBe('example.com');
    expect(header(request, 'Authorization')).toBe(`Basic ${btoa('ann:p@ss')}`);
    expect(toHttpRequest(ok('curl http://[::1]:8080').request).target).toBe('/');
    expect(header(toHttpRequest(ok('curl http://[::1]:8080?x=1').request), 'Host')).toBe(
      '[::1]:8080',
    );
    expect(ok('curl http://[::1]:8080?x=1').request.target).toBe('/?x=1');
  });

  it('honours -H Host, -H "Host:" and header forms "Name;" and "Name:"', () => {
    expect(header(sent(`curl http://h/ -H 'Host: other:81'`), 'Host')).toBe('other:81');
    expect(header(sent(`curl http://h/ -H 'Host:'`), 'Host')).toBeUndefined();
    expect(sent(`curl http://h/ -H 'X-Empty;'`).headers).toContainEqual(['X-Empty', '']);
    expect(header(sent(`curl -A x http://h/ -H 'User-Agent:'`), 'User-Agent')).toBeUndefined();
  });

  it('reads -F text fields and file parts; a file part is empty, with a warning', () => {
    const result = ok(
      `curl http://h/up -F 'title=Hello world' -F 'doc=@/tmp/report.pdf' -F 'pic=@p.bin;type=image/png;filename=me.png' -F 'quoted="a;b"' --form-string 'raw=@literal'`,
    );
    expect(result.request.method).toBe('POST');
    expect(result.request.body.mode).toBe('multipart');
    const parts = result.request.body.multipart;
    expect(parts.map((p) => [p.kind, p.name, p.value, p.filename, p.contentType])).toEqual([
      ['text', 'title', 'Hello world', '', ''],
      ['file', 'doc', '', 'report.pdf', 'application/pdf'],
      ['file', 'pic', '', 'me.png', 'image/png'],
      ['text', 'quoted', 'a;b', '', ''],
      ['text', 'raw', '@literal', '', ''],
    ]);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/report\.pdf.*cannot be read/);
    expect(header(toHttpRequest(result.request), 'Content-Type')).toBe(
      `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
    );
  });

  it("reads a browser's multipart body into parts, re-sent with the playground's boundary", () => {
    const b = '----WebKitFormBoundaryX3bY';
    const command = String.raw`curl 'http://h/up' -H 'content-type: multipart/form-data; boundary=${b}' --data-raw $'--${b}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHé\r\n--${b}\r\nContent-Disposition: form-data; name="doc"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nline 1\nline 2\r\n--${b}--\r\n'`;
    const result = ok(command);
    expect(result.request.body.mode).toBe('multipart');
    expect(result.request.body.multipart.map((p) => [p.kind, p.name, p.value, p.filename])).toEqual(
      [
        ['text', 'title', 'Hé', ''],
        ['file', 'doc', '', 'a.txt'],
      ],
    );
    expect(atob(result.request.body.multipart[1]?.dataBase64 ?? '')).toBe('line 1\nline 2');
    expect(result.request.headers.map((h) => h.name)).toEqual(['Host']);
    expect(result.warnings).toEqual([
      `The multipart body was read into its 2 parts; it is sent with the playground's boundary instead of ${b}.`,
    ]);
    // A part with a header the parts table cannot hold stays raw, byte for byte.
    const odd = ok(
      String.raw`curl http://h/ -H 'Content-Type: multipart/form-data; boundary=B' --data-binary $'--B\r\nContent-Disposition: form-data; name="a"\r\nX-Extra: 1\r\n\r\nv\r\n--B--\r\n'`,
    );
    expect(odd.request.body.mode).toBe('raw');
    expect(odd.request.body.rawContentType).toBe('multipart/form-data; boundary=B');
  });

  it('warns about files for -d @file and leaves them out', () => {
    const result = ok('curl http://h/ -d @body.json -d a=1');
    expect(result.warnings.join(' ')).toMatch(/body\.json.*cannot be read/);
    expect(bodyOf(toHttpRequest(result.request))).toBe('a=1');
    // The data was meant: curl would still POST, with its form type.
    const unread = sent('curl http://h/ -d @only.json');
    expect(unread.method).toBe('POST');
    expect(header(unread, 'Content-Length')).toBe('0');
    // --data-raw takes @ literally.
    expect(bodyOf(sent('curl http://h/ --data-raw @me'))).toBe('@me');
  });

  it('reads the body piped in by printf, byte for byte when it is text', () => {
    const result = ok(String.raw`printf 'a=1%%\x0a\303\251' | curl --data-binary @- http://h/`);
    expect(result.warnings).toEqual([]);
    expect(bodyOf(toHttpRequest(result.request))).toBe('a=1%\né');
    // -d strips newlines from what it reads, as curl does.
    expect(bodyOf(sent(String.raw`printf 'a\nb' | curl -d @- http://h/`))).toBe('ab');
    expect(bodyOf(sent(`curl --data-binary @- http://h/ <<< 'hi'`))).toBe('hi\n');
  });

  it('sets the HTTP version from --http1.0 / -0 and warns about HTTP/2', () => {
    expect(ok('curl -0 http://h/').settings.httpVersion).toBe('1.0');
    expect(ok('curl --http1.0 http://h/').settings.httpVersion).toBe('1.0');
    expect(ok('curl --http2 http://h/').warnings[0]).toMatch(/HTTP\/1\.1 is used/);
  });
});

describe('parseCurl: flags, noise and hostile input', () => {
  it('ignores harmless flags, clusters included, without a word', () => {
    const result = ok(
      `curl -sSLkvif --fail-with-body --compressed -o out.json -m 5 --retry 3 -w '%{http_code}' -c jar.txt --connect-timeout 2 http://h/x -N`,
    );
    expect(result.warnings).toEqual([]);
    expect(result.request.target).toBe('/x');
    expect(result.request.method).toBe('GET');
  });

  it('warns about unknown options and what follows the curl command', () => {
    const result = ok(`curl --frobnicate -Q http://h/a?x=1 | jq . > out.json 2>&1`);
    expect(result.request.target).toBe('/a?x=1');
    expect(result.warnings).toEqual([
      'Only the curl command is used; ignored: jq ..',
      'Unknown option --frobnicate: ignored.',
      'Unknown option -Q: ignored.',
    ]);
  });

  it('keeps shell variables literal, and a # inside a word', () => {
    const result = ok('curl "http://h/p#x" -H "Authorization: Bearer $TOKEN" -d a#b');
    expect(result.request.headers).toContainEqual(row('Authorization', 'Bearer $TOKEN'));
    expect(result.warnings).toEqual(['Kept as typed, not expanded: $TOKEN.']);
    expect(bodyOf(toHttpRequest(result.request))).toBe('a#b');
  });

  it('stops at an unquoted & as a shell would, and says so', () => {
    const result = ok('curl http://h/?a=1&b=2');
    expect(result.request.target).toBe('/?a=1');
    expect(result.warnings[0]).toMatch(/ignored: b=2/);
  });

  it('refuses unbalanced quotes with where they opened', () => {
    expect(parseCurl(`curl 'http://h/ -H 'X: 1'`)).toEqual({
      ok: false,
      error: "Unbalanced quotes: the single quote (') at line 1, column 25 is never closed.",
    });
    expect(parseCurl('curl "http://h/\n  -d x')).toMatchObject({
      ok: false,
      error: expect.stringContaining('double quote (") at line 1, column 6'),
    });
    expect(parseCurl(`curl $'abc`)).toMatchObject({ ok: false });
  });

  it('refuses what is not a curl command, has no URL, or another scheme', () => {
    expect(parseCurl('wget http://h/')).toEqual({
      ok: false,
      error: 'This is not a curl command: it starts with "wget".',
    });
    expect(parseCurl('   ')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Paste a curl'),
    });
    expect(parseCurl('curl -H "X: 1"')).toEqual({
      ok: false,
      error: 'The curl command has no URL.',
    });
    expect(parseCurl('curl ftp://h/file')).toMatchObject({
      ok: false,
      error: expect.stringContaining('ftp://'),
    });
    expect(parseCurl('curl http://h/ -H')).toEqual({
      ok: false,
      error: 'The option -H needs a value.',
    });
    expect(parseCurl('curl -F a=1 -d b=2 http://h/')).toMatchObject({ ok: false });
  });

  it('accepts the arguments without the word curl', () => {
    expect(ok(`-X POST 'http://h/x' -d 1`).request.method).toBe('POST');
    expect(ok('http://h/y').request.target).toBe('/y');
  });

  it('never throws on odd input', () => {
    for (const text of [
      'curl',
      'curl \\',
      'curl ;;',
      'curl $(',
      '|||',
      'curl ""',
      "curl '' ''",
      'curl -',
      '\0',
    ]) {
      expect(() => parseCurl(text)).not.toThrow();
    }
  });
});

const draft = (patch: Partial<RequestDraft> = {}): RequestDraft => ({
  method: 'GET',
  target: '/hello?name=World',
  headers: [row('Host', 'localhost:8000')],
  body: EMPTY_BODY,
  ...patch,
});

describe('toCurl', () => {
  it('writes a plain GET on one line, the URL from Host and target', () => {
    expect(toCurl(draft())).toBe(`curl 'http://localhost:8000/hello?name=World'`);
    expect(toCurl(draft({ headers: [] }), { baseUrl: 'https://example.test' })).toBe(
      `curl 'https://example.test/hello?name=World'`,
    );
    expect(toCurl(draft({ method: 'HEAD' }))).toBe(
      `curl --head 'http://localhost:8000/hello?name=World'`,
    );
    expect(toCurl(draft({ method: 'DELETE' }))).toMatch(/^curl -X DELETE 'http/);
  });

  it('writes headers and the body, leaving out what curl adds by itself', () => {
    const command = toCurl(
      draft({
        method: 'POST',
        target: '/form',
        headers: [row('Host', 'localhost:8000'), row('X-Note', "it's here")],
        body: { ...EMPTY_BODY, mode: 'form', form: [row('name', 'café'), row('x', '1 2')] },
      }),
    );
    expect(command).toBe(
      [
        `curl 'http://localhost:8000/form'`,
        `-H 'X-Note: it'\\''s here'`,
        `-H 'Content-Type: application/x-www-form-urlencoded'`,
        `--data-binary 'name=caf%C3%A9&x=1+2'`,
      ].join(' \\\n  '),
    );
  });

  it('keeps a lying Content-Length, says "no Content-Type" explicitly, and sends -X GET with a body', () => {
    const command = toCurl({
      method: 'GET',
      target: '/',
      headers: [['Content-Length', '99']],
      bodyBase64: btoa('abc'),
    });
    expect(command).toContain(`-X GET 'http://localhost/'`);
    expect(command).toContain(`-H 'Content-Length: 99'`);
    expect(command).toContain(`-H 'Content-Type:'`);
  });

  it("quotes control characters with $'…' and pipes bytes that are not text through printf", () => {
    expect(shellQuote("a\r\nb'c!")).toBe(`$'a\\r\\nb\\'c\\x21'`);
    const command = toCurl({
      method: 'POST',
      target: '/b',
      headers: [],
      bodyBase64: toBase64(Uint8Array.from([0, 0xff, 0x25, 0x41])),
    });
    expect(command).toMatch(/^printf '\\x00\\xff%%A' \| curl 'http:\/\/localhost\/b'/);
    expect(command).toContain('--data-binary @-');
  });

  it('writes an absolute target as it is, and an odd Host with -H', () => {
    const command = toCurl({
      method: 'GET',
      target: 'https://a.test/x#f',
      headers: [['Host', 'b.test']],
      bodyBase64: '',
    });
    expect(command).toBe(`curl 'https://a.test/x' \\\n  -H 'Host: b.test'`);
    expect(
      toCurl({ method: 'OPTIONS', target: '*', headers: [['Host', 'h']], bodyBase64: '' }),
    ).toBe(`curl -X OPTIONS 'http://h/' \\\n  --request-target '*'`);
    expect(
      toCurl({ method: 'GET', target: '/', headers: [], bodyBase64: '' }, { httpVersion: '1.0' }),
    ).toContain('--http1.0');
  });
});

const sortHeaders = (headers: [string, string][]) =>
  [...headers].sort((a, b) => a[0].localeCompare(b[0]));

describe('toCurl → parseCurl round trip', () => {
  const cases: [string, HttpRequest][] = [
    [
      'a GET',
      {
        method: 'GET',
        target: '/hello?name=World',
        headers: [['Host', 'localhost:8000']],
        bodyBase64: '',
      },
    ],
    [
      'a JSON PUT with odd headers',
      {
        method: 'PUT',
        target: '/api/items/1?dry=1',
        headers: [
          ['Host', 'api.test'],
          ['X-Quote', `"double" and 'single' $HOME \\`],
          ['Content-Type', 'application/json'],
          ['Content-Length', '27'],
        ],
        bodyBase64: btoa('{"a": "b\\n", "c": [1, 2]}\n'),
      },
    ],
    [
      'a multipart body with CRLF',
      toHttpRequest({
        method: 'POST',
        target: '/upload',
        headers: [row('Host', 'h:81')],
        body: {
          ...EMPTY_BODY,
          mode: 'multipart',
          multipart: [
            {
              name: 'title',
              kind: 'text',
              value: 'Hé!',
              filename: '',
              contentType: '',
              dataBase64: '',
              enabled: true,
            },
            {
              name: 'f',
              kind: 'file',
              value: '',
              filename: 'a.txt',
              contentType: 'text/plain',
              dataBase64: btoa('x\ty'),
              enabled: true,
            },
          ],
        },
      }),
    ],
    [
      'a POST with no body type',
      {
        method: 'POST',
        target: '/raw',
        headers: [
          ['Host', 'h'],
          ['Content-Length', '2'],
        ],
        bodyBase64: btoa('hi'),
      },
    ],
    [
      'a DELETE with an empty header',
      {
        method: 'DELETE',
        target: '/x',
        headers: [
          ['Host', 'h'],
          ['X-Empty', ''],
        ],
        bodyBase64: '',
      },
    ],
  ];
  it('gives back an editable multipart body', () => {
    const multipart = toHttpRequest(ok(toCurl(cases[2]?.[1] as HttpRequest)).request);
    expect(multipart.bodyBase64).toBe(cases[2]?.[1].bodyBase64);
    const { body } = ok(toCurl(cases[2]?.[1] as HttpRequest)).request;
    expect(body.mode).toBe('multipart');
    expect(body.multipart.map((p) => p.name)).toEqual(['title', 'f']);
  });

  for (const [name, request] of cases) {
    it(`reproduces ${name}`, () => {
      const back = toHttpRequest(ok(toCurl(request)).request);
      expect(back.method).toBe(request.method);
      expect(back.target).toBe(request.target);
      expect(back.bodyBase64).toBe(request.bodyBase64);
      expect(sortHeaders(back.headers)).toEqual(sortHeaders(request.headers));
    });
  }
});
