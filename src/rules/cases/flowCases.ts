import { app, py, START, type CaseApp, type RuleCase } from './ruleCase.ts';

/** An app that reads CONTENT_LENGTH bytes, sent a body that announces 10. */
const READ_TEN: CaseApp = {
  code: app(
    'size = int(environ.get("CONTENT_LENGTH") or 0)',
    'data = environ["wsgi.input"].read(size)',
    START,
    'return [data]',
  ),
  method: 'POST',
  headers: [['Content-Length', '10']],
  body: '0123456789',
};

/** Cases of the start_response, exc_info, error and stream rules. */
export const FLOW_CASES: RuleCase[] = [
  {
    rule: 'no-start-response',
    trigger: { code: app('return []') },
    clean: { code: app(START, 'return []') },
  },
  {
    rule: 'yield-before-start-response',
    trigger: { code: app('yield b"early"', START, 'yield b"late"') },
    clean: { code: app(START, 'yield b"early"', 'yield b"late"') },
  },
  {
    rule: 'empty-yield-before-start-response',
    trigger: { code: app('yield b""', START, 'yield b"body"') },
    clean: { code: app(START, 'yield b""', 'yield b"body"') },
  },
  {
    rule: 'start-response-twice',
    trigger: { code: app(START, 'start_response("404 Not Found", [])', 'return [b"x"]') },
    clean: {
      code: py(
        'import sys',
        'def application(environ, start_response):',
        `    ${START}`,
        '    try:',
        '        1 / 0',
        '    except ZeroDivisionError:',
        '        start_response("500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info())',
        '    return [b"x"]',
      ),
    },
  },
  {
    rule: 'headers-changed-after-start-response',
    trigger: {
      code: app(
        'headers = [("Content-Type", "text/plain")]',
        'start_response("200 OK", headers)',
        'headers.append(("X-Late", "1"))',
        'return [b"x"]',
      ),
    },
    clean: {
      code: app(
        'headers = [("Content-Type", "text/plain")]',
        'headers.append(("X-Early", "1"))',
        'start_response("200 OK", headers)',
        'return [b"x"]',
      ),
    },
  },
  {
    rule: 'exc-info-invalid',
    trigger: {
      code: app(
        'import sys',
        'start_response("500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info())',
        'return [b"x"]',
      ),
    },
    clean: {
      code: py(
        'import sys',
        'def application(environ, start_response):',
        '    try:',
        '        raise ValueError("bad input")',
        '    except ValueError:',
        '        start_response("400 Bad Request", [("Content-Type", "text/plain")], sys.exc_info())',
        '        return [b"bad input"]',
      ),
    },
  },
  {
    rule: 'exc-info-after-headers-sent',
    trigger: {
      code: py(
        'import sys',
        'def application(environ, start_response):',
        `    ${START}`,
        '    yield b"partial"',
        '    try:',
        '        raise ValueError("late")',
        '    except ValueError:',
        '        start_response("500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info())',
      ),
    },
    clean: {
      code: py(
        'import sys',
        'def application(environ, start_response):',
        `    ${START}`,
        '    try:',
        '        raise ValueError("early")',
        '    except ValueError:',
        '        start_response("500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info())',
        '    yield b"error page"',
      ),
    },
  },
  {
    rule: 'exc-info-error-trapped',
    trigger: {
      code: py(
        'import sys',
        'def application(environ, start_response):',
        `    ${START}`,
        '    yield b"partial"',
        '    try:',
        '        raise ValueError("late")',
        '    except ValueError:',
        '        try:',
        '            start_response("500 Oops", [("Content-Type", "text/plain")], sys.exc_info())',
        '        except ValueError:',
        '            pass',
        '    yield b" and an error message"',
      ),
    },
    clean: { code: app(START, 'yield b"partial"', 'yield b" and the rest"') },
  },
  {
    rule: 'app-raised',
    trigger: { code: app('user = environ["HTTP_X_USER"]', START, 'return [user.encode()]') },
    clean: {
      code: app('user = environ.get("HTTP_X_USER", "anonymous")', START, 'return [user.encode()]'),
    },
  },
  {
    rule: 'read-past-content-length',
    trigger: {
      code: app('data = environ["wsgi.input"].read(1024)', START, 'return [data]'),
      method: 'POST',
      headers: [['Content-Length', '5']],
      body: 'a=1&b',
    },
    clean: {
      code: app(
        'size = int(environ.get("CONTENT_LENGTH") or 0)',
        'data = environ["wsgi.input"].read(size) + environ["wsgi.input"].read()',
        START,
        'return [data]',
      ),
      method: 'POST',
      headers: [['Content-Length', '5']],
      body: 'a=1&b',
    },
  },
  {
    rule: 'client-short-body',
    // The client announces 10 bytes and sends 4.
    trigger: { ...READ_TEN, settings: { shortBody: 4 } },
    // The same app, and a client that sends it all.
    clean: { ...READ_TEN, settings: { shortBody: 10 } },
  },
  {
    rule: 'stream-misuse',
    trigger: { code: app('environ["wsgi.input"].close()', START, 'return [b"x"]') },
    clean: { code: app('environ["wsgi.errors"].flush()', START, 'return [b"x"]') },
  },
  {
    rule: 'errors-write-not-str',
    trigger: { code: app('environ["wsgi.errors"].write(b"log line\\n")', START, 'return [b"x"]') },
    clean: { code: app('environ["wsgi.errors"].write("log line\\n")', START, 'return [b"x"]') },
  },
];
