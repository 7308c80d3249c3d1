import type { WheelSpec } from '../../packages/buildWheel.testing.ts';
import { app, py, START, type RuleCase } from './ruleCase.ts';

/** A generator of two chunks with a finally. */
const STREAM_TWO = app(
  START,
  'try:',
  '    yield b"one"',
  '    yield b"two"',
  'finally:',
  '    pass',
);

/** Cases of the response-body rules. */
/** A framework in a wheel: its own code calls start_response, whatever the method. */
const MINI_FRAMEWORK: WheelSpec = {
  name: 'miniframework',
  version: '1.0',
  files: {
    'miniframework.py': [
      'def serve(view):',
      '    def app(environ, start_response):',
      '        body = view(environ).encode()',
      '        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])',
      '        return [body]',
      '    return app',
      '',
    ].join('\n'),
  },
};

const FRAMEWORK_APP = py(
  'from miniframework import serve',
  '',
  'def hello(environ):',
  '    return "hello"',
  '',
  'application = serve(hello)',
);

export const BODY_CASES: RuleCase[] = [
  {
    rule: 'returned-string',
    trigger: { code: app(START, 'return b"hello"') },
    clean: { code: app(START, 'return [b"hello"]') },
  },
  {
    rule: 'returned-not-iterable',
    trigger: {
      code: app(
        'write = start_response("200 OK", [("Content-Type", "text/plain")])',
        'write(b"hello")',
      ),
    },
    clean: {
      code: app(
        'write = start_response("200 OK", [("Content-Type", "text/plain")])',
        'write(b"hello")',
        'return []',
      ),
    },
  },
  {
    rule: 'yield-not-bytes',
    trigger: { code: app(START, 'yield "héllo"') },
    clean: { code: app(START, 'yield "héllo".encode("utf-8")') },
  },
  {
    rule: 'write-not-bytes',
    trigger: {
      code: app(
        'write = start_response("200 OK", [("Content-Type", "text/plain")])',
        'write("hello")',
        'return []',
      ),
    },
    clean: {
      code: app(
        'write = start_response("200 OK", [("Content-Type", "text/plain")])',
        'write(b"hello")',
        'return []',
      ),
    },
  },
  {
    rule: 'write-inside-iterable',
    trigger: {
      code: app(
        'write = start_response("200 OK", [("Content-Type", "text/plain")])',
        'yield b"one "',
        'write(b"two")',
      ),
    },
    clean: {
      code: app(
        'write = start_response("200 OK", [("Content-Type", "text/plain")])',
        'write(b"one ")',
        'return [b"two"]',
      ),
    },
  },
  {
    rule: 'content-length-mismatch',
    trigger: {
      code: app(
        'start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "3")])',
        'return [b"hello"]',
      ),
    },
    clean: {
      code: app(
        'body = b"hello"',
        'start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])',
        'return [body]',
      ),
    },
  },
  {
    rule: 'len-inaccurate',
    trigger: {
      code: py(
        'class Body:',
        '    def __len__(self):',
        '        return 1',
        '    def __iter__(self):',
        '        return iter([b"one ", b"two"])',
        'def application(environ, start_response):',
        `    ${START}`,
        '    return Body()',
      ),
    },
    clean: {
      code: py(
        'class Body:',
        '    def __len__(self):',
        '        return 2',
        '    def __iter__(self):',
        '        return iter([b"one ", b"two"])',
        'def application(environ, start_response):',
        `    ${START}`,
        '    return Body()',
      ),
    },
  },
  {
    rule: 'head-body-left-to-server',
    // A framework that answers HEAD as GET and leaves the body to the server (as Django does).
    trigger: { code: FRAMEWORK_APP, wheels: [MINI_FRAMEWORK], method: 'HEAD' },
    clean: { code: FRAMEWORK_APP, wheels: [MINI_FRAMEWORK] },
  },
  {
    rule: 'body-on-bodiless-response',
    trigger: {
      code: app('start_response("204 No Content", [])', 'return [b"nothing to see"]'),
    },
    // HEAD: headers (Content-Length included) but no body.
    clean: {
      code: app(
        'body = b"hello"',
        'start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])',
        'return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]',
      ),
      method: 'HEAD',
    },
  },
  {
    rule: 'inner-iterable-not-closed',
    trigger: {
      code: py(
        'import io',
        'def inner(environ, start_response):',
        `    ${START}`,
        '    return environ["wsgi.file_wrapper"](io.BytesIO(b"file body"))',
        'def application(environ, start_response):',
        '    result = inner(environ, start_response)',
        '    return [b"replaced"]',
      ),
    },
    clean: {
      code: py(
        'import io',
        'def inner(environ, start_response):',
        `    ${START}`,
        '    return environ["wsgi.file_wrapper"](io.BytesIO(b"file body"))',
        'def application(environ, start_response):',
        '    result = inner(environ, start_response)',
        '    if hasattr(result, "close"):',
        '        result.close()',
        '    return [b"replaced"]',
      ),
    },
  },
  {
    rule: 'client-disconnected',
    // The client reads 5 bytes of the response and goes away.
    trigger: { code: STREAM_TWO, settings: { disconnectAfter: 5 } },
    // The same app, and a client that reads it all.
    clean: { code: STREAM_TWO, settings: { disconnectAfter: 10_000 } },
  },
];
