/**
 * The fast path of `parseTrace` must be the path real traces take: every kind of event the
 * server object records passes the compiled check as it is (else big traces silently fall
 * back to valibot and get slow again).
 */
import { beforeAll, expect, it } from 'vitest';
import { createPyodideSession } from '../runtime/nodeEngine.ts';
import type { PyodideSession } from '../runtime/pyodideSession.ts';
import { toRunJob } from '../runtime/runInput.ts';
import { textToBase64 } from './bytes.ts';
import { compileExactCheck } from './exactCheck.ts';
import { TraceSchema } from './schema.ts';
import { unpackTrace } from './unpackTrace.ts';

let session: PyodideSession;
beforeAll(async () => {
  session = await createPyodideSession();
});

/** An app that makes the server record every kind of event it knows. */
const EVERY_KIND = `
import sys

def application(environ, start_response):
    print("hello")
    environ["wsgi.errors"].write("log line\\n")
    body = environ["wsgi.input"].read(2)
    environ["wsgi.input"].readline()
    write = start_response("200 OK", [("Content-Type", "text/plain")])
    write(b"written ")
    yield body
    raise ValueError("late")
`;

it('accepts real traces of every event kind without valibot', () => {
  const isExactTrace = compileExactCheck(TraceSchema);
  const request = {
    method: 'POST',
    target: '/',
    headers: [],
    bodyBase64: textToBase64('hi\nthere'),
  };
  const runs = [
    EVERY_KIND,
    'def application(e, s):\n    s("200 OK", [("X", 1)])\n    return [b""]\n',
    'def application(e, s):\n    return [b"x"]\n',
    'def application(e, s)\n',
  ].map((code) => unpackTrace(JSON.parse(session.runJson(toRunJob({ code, request })))));
  const kinds = new Set<string>();
  for (const trace of runs) {
    expect(isExactTrace(trace)).toBe(true);
    for (const event of (trace as { events: { kind: string }[] }).events) kinds.add(event.kind);
  }
  expect([...kinds].sort()).toEqual(
    [
      'app.call',
      'app.return',
      'close',
      'complete',
      'error.response',
      'errors.write',
      'exception',
      'headers.commit',
      'input.read',
      'print',
      'start_response',
      'write',
      'yield',
    ].sort(),
  );
});
