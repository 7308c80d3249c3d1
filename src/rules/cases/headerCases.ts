import { app, START, type RuleCase } from './ruleCase.ts';

const ok = (status: string, headers: string, ret = 'return [b"x"]'): string =>
  app(`start_response(${status}, ${headers})`, ret);

/** Cases of the status and header rules. */
export const HEADER_CASES: RuleCase[] = [
  {
    rule: 'status-not-str',
    trigger: { code: ok('b"200 OK"', '[("Content-Type", "text/plain")]') },
    clean: { code: ok('"200 OK"', '[("Content-Type", "text/plain")]') },
  },
  {
    rule: 'status-format',
    trigger: { code: ok('"200"', '[("Content-Type", "text/plain")]') },
    clean: { code: ok('"404 Not Found"', '[("Content-Type", "text/plain")]') },
  },
  {
    rule: 'headers-not-list',
    trigger: { code: ok('"200 OK"', '{"Content-Type": "text/plain"}') },
    clean: { code: ok('"200 OK"', '[("Content-Type", "text/plain")]') },
  },
  {
    rule: 'header-item-not-pair',
    trigger: { code: ok('"200 OK"', '["Content-Type: text/plain"]') },
    clean: { code: ok('"200 OK"', '[("Content-Type", "text/plain")]') },
  },
  {
    rule: 'header-not-tuple',
    trigger: { code: ok('"200 OK"', '[["Content-Type", "text/plain"]]') },
    clean: { code: ok('"200 OK"', '[("Content-Type", "text/plain")]') },
  },
  {
    rule: 'header-not-str',
    trigger: {
      code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("Content-Length", 1)]'),
    },
    clean: {
      code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("Content-Length", "1")]'),
    },
  },
  {
    rule: 'header-name-invalid',
    trigger: { code: ok('"200 OK"', '[("Content-Type:", "text/plain")]') },
    clean: { code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("X-Request-Id", "7")]') },
  },
  {
    rule: 'header-value-crlf',
    trigger: {
      code: app(
        'url = "/next\\r\\nSet-Cookie: session=stolen"',
        'start_response("302 Found", [("Location", url)])',
        'return []',
      ),
    },
    clean: { code: app('start_response("302 Found", [("Location", "/next")])', 'return []') },
  },
  {
    rule: 'header-value-control-chars',
    trigger: { code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("X-Tab", "a\\tb")]') },
    clean: { code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("X-Tab", "a b")]') },
  },
  {
    rule: 'header-not-latin1',
    trigger: {
      code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("X-Name", "Zoë ✓")]'),
    },
    clean: { code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("X-Name", "Zoë")]') },
  },
  {
    rule: 'status-header',
    trigger: { code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("Status", "200 OK")]') },
    clean: { code: ok('"200 OK"', '[("Content-Type", "text/plain")]') },
  },
  {
    rule: 'hop-by-hop-header',
    trigger: {
      code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked")]'),
    },
    clean: {
      code: ok('"200 OK"', '[("Content-Type", "text/plain"), ("Cache-Control", "no-store")]'),
    },
  },
  {
    rule: 'missing-content-type',
    trigger: { code: ok('"200 OK"', '[]', 'return [b"<h1>hi</h1>"]') },
    // A redirect without a body needs no Content-Type, and a relative Location is valid.
    clean: { code: app('start_response("303 See Other", [("Location", "/done")])', 'return []') },
  },
];

/** An app that starts the response and returns a body: used by cases of other groups. */
export const HELLO = app(START, 'return [b"hello"]');
