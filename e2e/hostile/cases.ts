/**
 * Malformed and hostile input for the playground: wrong types in every protocol position,
 * exceptions in every phase, process exits, runaway loops and recursion, huge and malformed
 * headers, markup and scripts in every place a value is shown, and attempts to reach the page.
 * Each must end in a clear outcome without an uncaught page error or injected markup running.
 */
import type { Outcome } from '../../src/index.ts';

/** One hostile case: an app (and optionally a request) and the outcomes that are acceptable. */
export interface HostileCase {
  name: string;
  code: string;
  request?: { method?: string; target?: string; headers?: [string, string][] };
  outcomes: Outcome[];
  /** Text the results must show, proving the hostile value was rendered as text. */
  shows?: string;
}

/** Markup that sets `window.__pwned` if it is ever parsed as HTML in the page. */
export const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const P = JSON.stringify(PAYLOAD);

const app = (...lines: string[]): string =>
  [
    'import sys',
    'def application(environ, start_response):',
    ...lines.map((l) => `    ${l}`),
    '',
  ].join('\n');
const ok = "start_response('200 OK', [('Content-Type', 'text/plain')])";

export const HOSTILE_APPS: HostileCase[] = [
  // Wrong types in every position of start_response and the body.
  {
    name: 'status is an int',
    code: app('start_response(200, [])', 'return [b""]'),
    outcomes: ['app-error'],
  },
  {
    name: 'status is None',
    code: app('start_response(None, [])', 'return [b""]'),
    outcomes: ['app-error'],
  },
  {
    name: 'status is bytes',
    code: app("start_response(b'200 OK', [])", 'return []'),
    outcomes: ['app-error'],
  },
  {
    name: 'headers is a dict',
    code: app("start_response('200 OK', {'A': 'b'})", 'return []'),
    outcomes: ['app-error'],
  },
  {
    name: 'headers is a string',
    code: app("start_response('200 OK', 'A: b')", 'return []'),
    outcomes: ['app-error'],
  },
  {
    name: 'header is a 3-tuple',
    code: app("start_response('200 OK', [('A', 'b', 'c')])", 'return []'),
    outcomes: ['app-error'],
  },
  {
    name: 'header value is bytes',
    code: app("start_response('200 OK', [('A', b'b')])", 'return []'),
    outcomes: ['app-error'],
  },
  {
    name: 'header name is an int',
    code: app("start_response('200 OK', [(1, 'b')])", 'return []'),
    outcomes: ['app-error'],
  },
  {
    name: 'exc_info is a string',
    code: app("start_response('200 OK', [], 'oops')", 'return [b"x"]'),
    outcomes: ['complete', 'app-error'],
  },
  { name: 'returns None', code: app(ok), outcomes: ['app-error'] },
  { name: 'returns an int', code: app(ok, 'return 42'), outcomes: ['app-error'] },
  { name: 'returns a str', code: app(ok, "return 'text'"), outcomes: ['app-error'] },
  { name: 'yields an int', code: app(ok, 'yield 1'), outcomes: ['app-error'] },
  { name: 'yields None', code: app(ok, 'yield None'), outcomes: ['app-error'] },
  {
    name: 'write() of a str',
    code: app(`w = ${ok}`, "w('text')", 'return []'),
    outcomes: ['app-error'],
  },
  {
    name: 'write() of None',
    code: app(`w = ${ok}`, 'w(None)', 'return []'),
    outcomes: ['app-error'],
  },
  // Exceptions in every phase.
  { name: 'raises in the call', code: app("raise ValueError('in call')"), outcomes: ['app-error'] },
  {
    name: 'raises in __iter__',
    code: `class B:\n    def __iter__(self):\n        raise ValueError('iter')\n${app(ok, 'return B()')}`,
    outcomes: ['app-error'],
  },
  {
    name: 'raises in __next__',
    code: `class B:\n    def __iter__(self):\n        return self\n    def __next__(self):\n        raise ValueError('next')\n${app(ok, 'return B()')}`,
    outcomes: ['app-error'],
  },
  {
    name: 'raises in close()',
    code: `class B(list):\n    def close(self):\n        raise ValueError('close')\n${app(ok, "return B([b'x'])")}`,
    outcomes: ['app-error'],
  },
  {
    name: 'raises in __len__',
    code: `class B(list):\n    def __len__(self):\n        raise ValueError('len')\n${app(ok, "return B([b'x'])")}`,
    outcomes: ['app-error'],
  },
  {
    name: 'raises after the headers',
    code: app(ok, "yield b'part'", "raise ValueError('late')"),
    outcomes: ['app-error'],
  },
  {
    name: 'raises BaseException',
    code: app('raise BaseException("base")'),
    outcomes: ['app-error'],
  },
  {
    name: 'raises at import time',
    code: "raise RuntimeError('at import')\n",
    outcomes: ['load-error'],
  },
  {
    name: 'syntax error',
    code: 'def application(environ, start_response)\n    pass\n',
    outcomes: ['syntax-error'],
  },
  { name: 'NUL byte in the source', code: 'x = 1\0\n', outcomes: ['syntax-error'] },
  { name: 'no application', code: 'def handler(e, s):\n    pass\n', outcomes: ['load-error'] },
  { name: 'application is not callable', code: "application = 'nope'\n", outcomes: ['load-error'] },
  // Exceptions that are hard to describe.
  {
    name: 'an exception whose __str__ raises',
    code: `class Weird(Exception):\n    def __str__(self):\n        raise RuntimeError('no str')\n${app('raise Weird()')}`,
    outcomes: ['app-error'],
  },
  {
    name: 'an exception chain that loops',
    code: app(
      "a = ValueError('a')",
      "b = KeyError('b')",
      'a.__cause__ = b',
      'b.__context__ = a',
      'raise a',
    ),
    outcomes: ['app-error'],
  },
  {
    name: 'an ExceptionGroup',
    code: app("raise ExceptionGroup('many', [ValueError('one'), TypeError('two')])"),
    outcomes: ['app-error'],
  },
  {
    name: 'a 1 MB exception message',
    code: app("raise ValueError('m' * 1_000_000)"),
    outcomes: ['app-error'],
  },
  {
    name: 'a header value of a str subclass',
    code: `class S(str):\n    pass\n${app("start_response('200 OK', [('X-A', S('v'))])", "return [b'x']")}`,
    outcomes: ['app-error'],
  },
  // Exits, runaways and caps.
  { name: 'sys.exit() in the app', code: app('sys.exit(3)'), outcomes: ['app-error'] },
  { name: 'sys.exit() at import', code: 'import sys\nsys.exit("bye")\n', outcomes: ['load-error'] },
  { name: 'os._exit()', code: `import os\n${app('os._exit(1)')}`, outcomes: ['app-error'] },
  { name: 'os.abort()', code: `import os\n${app('os.abort()')}`, outcomes: ['app-error'] },
  {
    name: 'KeyboardInterrupt raised by the app',
    code: app('raise KeyboardInterrupt()'),
    outcomes: ['stopped'],
  },
  {
    name: 'deep recursion',
    code: `def f(n):\n    return f(n + 1)\n${app('sys.setrecursionlimit(10**6)', 'f(0)')}`,
    outcomes: ['limit'],
  },
  {
    name: 'yields forever',
    code: app(ok, 'while True:', "    yield b'x'"),
    outcomes: ['limit', 'timeout'],
  },
  { name: 'loops forever', code: app('while True:', '    pass'), outcomes: ['timeout'] },
  {
    name: 'allocates more than a gigabyte',
    code: app('hog = bytearray(1_200_000_000)', ok, "return [b'%d' % len(hog)]"),
    // Zeroing 1.2 GB can outlast the time limit on a loaded two-core machine (seen in CI).
    outcomes: ['limit', 'timeout'],
  },
  {
    name: 'a 2 MB header value',
    code: app("start_response('200 OK', [('X-Big', 'a' * 2_000_000)])", "return [b'x']"),
    outcomes: ['complete'],
  },
  {
    name: '5,000 headers',
    code: app(
      "start_response('200 OK', [('X-%d' % i, 'v') for i in range(5000)])",
      "return [b'x']",
    ),
    outcomes: ['complete'],
  },
  {
    name: 'NUL in a header name',
    code: app("start_response('200 OK', [('X\\0Y', 'v')])", "return [b'x']"),
    outcomes: ['complete', 'app-error'],
  },
  {
    name: 'CR/LF in a header value (response splitting)',
    code: app("start_response('200 OK', [('X-A', 'a\\r\\nSet-Cookie: evil=1')])", "return [b'x']"),
    outcomes: ['complete'],
  },
  { name: 'a 5 MB body', code: app(ok, "return [b'x' * 5_000_000]"), outcomes: ['complete'] },
  {
    name: 'bytes that are not UTF-8',
    code: app(ok, 'return [bytes(range(256))]'),
    outcomes: ['complete'],
  },
  // Markup everywhere a value is shown: it must appear as text.
  {
    name: 'markup in the body',
    code: app(ok, `return [${P}.encode()]`),
    outcomes: ['complete'],
    shows: 'onerror',
  },
  {
    name: 'markup in a header value',
    code: app(`start_response('200 OK', [('X-Evil', ${P})])`, "return [b'x']"),
    outcomes: ['complete'],
  },
  {
    name: 'markup in the status',
    code: app(`start_response('200 ' + ${P}, [])`, "return [b'x']"),
    outcomes: ['complete'],
  },
  {
    name: 'markup in an exception',
    code: app(`raise ValueError(${P})`),
    outcomes: ['app-error'],
    shows: 'onerror',
  },
  {
    name: 'markup in print()',
    code: app(`print(${P})`, ok, "return [b'x']"),
    outcomes: ['complete'],
    shows: 'onerror',
  },
  {
    name: 'markup in wsgi.errors',
    code: app(`environ['wsgi.errors'].write(${P})`, ok, "return [b'x']"),
    outcomes: ['complete'],
  },
  {
    name: 'markup in the request (environ values)',
    code: app(ok, "return [environ.get('HTTP_X_EVIL', '').encode('latin-1')]"),
    request: {
      target: `/p?q=${encodeURIComponent(PAYLOAD)}`,
      headers: [
        ['Host', 'localhost'],
        ['X-Evil', PAYLOAD],
      ],
    },
    outcomes: ['complete'],
  },
  // Reaching out of the worker.
  {
    name: 'touches the DOM',
    code: `import js\n${app('js.document.body.innerHTML = "pwned"')}`,
    outcomes: ['app-error'],
  },
  {
    name: 'reads localStorage',
    code: `import js\n${app('js.localStorage.getItem("wsgi-playground:draft")')}`,
    outcomes: ['app-error'],
  },
  {
    name: 'forges a worker message',
    code: `import js\n${app('js.postMessage(js.JSON.parse(\'{"type": "failed", "id": null, "message": "forged"}\'))', ok, "return [b'still here']")}`,
    outcomes: ['complete'],
    shows: 'still here',
  },
];

/** Malformed requests: each is refused with a clear message (outcome bad-request). */
export const HOSTILE_REQUESTS: HostileCase[] = (
  [
    { name: 'CR/LF in a header name', request: { headers: [['X-A\r\nInjected', 'v']] } },
    { name: 'NUL in a header value', request: { headers: [['X-A', 'v\0w']] } },
    { name: 'a method with a space', request: { method: 'GET /evil' } },
    { name: 'a javascript: target', request: { target: 'javascript:alert(1)' } },
    { name: 'a target without a slash', request: { target: 'relative/path' } },
  ] satisfies Pick<HostileCase, 'name' | 'request'>[]
).map((c) => ({ ...c, code: app(ok, "return [b'x']"), outcomes: ['bad-request'] as Outcome[] }));

/** Share fragments that are malformed or hostile: each gives a message, never a crash. */
export const HOSTILE_FRAGMENTS = [
  '#v1/!!!not-base64!!!',
  '#v1/AAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  '#v9/whatever',
  `#${encodeURIComponent(PAYLOAD)}`,
  '#example/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
];
