/** Cases for the rules about what gunicorn and waitress did differently from wsgiref. */
import { START, app, type RuleCase } from './ruleCase.ts';

const GUNICORN = { personality: 'gunicorn' } as const;
const WAITRESS = { personality: 'waitress' } as const;
const SIZED = 'start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])';

export const SERVER_CASES: RuleCase[] = [
  {
    rule: 'server-chunked-body',
    trigger: { code: app(START, 'yield b"hello "', 'yield b"world"'), settings: GUNICORN },
    clean: { code: app(SIZED, 'yield b"hello"'), settings: GUNICORN },
  },
  {
    rule: 'server-dropped-body',
    trigger: { code: app(SIZED, 'yield b"hello"', 'yield b" world"'), settings: WAITRESS },
    clean: { code: app(SIZED, 'yield b"hel"', 'yield b"lo"'), settings: WAITRESS },
  },
  {
    rule: 'server-dropped-header',
    trigger: {
      code: app(
        'start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2"), ("Server", "mine/1.0")])',
        'return [b"ok"]',
      ),
      settings: GUNICORN,
    },
    clean: { code: app(SIZED.replace('"5"', '"2"'), 'return [b"ok"]'), settings: GUNICORN },
  },
];
