import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** An empty `b""` yielded before `start_response`: allowed by PEP 3333, refused by wsgiref. */
export const emptyYieldBeforeStartResponse: Rule = {
  id: 'empty-yield-before-start-response',
  severity: 'info',
  title: 'Empty chunk before start_response',
  detects:
    'An empty bytestring yielded before `start_response()` was called. PEP 3333 allows it — only non-empty bytestrings are body, and middleware must yield `b""` while it waits — but wsgiref\'s handler (the server here) raises "write() before start_response()", and wsgiref.validate rejects it too.',
  pepQuote:
    "Instead, it must store them for the server or gateway to transmit **only** after the first iteration of the application return value that yields a non-empty bytestring, or upon the application's first invocation of the `write()` callable.",
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Correct per PEP 3333; to run on wsgiref as well, call start_response() before the first yield.',
  check: (trace) => {
    const firstStart = appEventsOf(trace, 'start_response')[0]?.seq ?? Infinity;
    const empty = appEventsOf(trace, 'yield').find(
      (event) => event.seq < firstStart && event.type === 'bytes' && event.size === 0,
    );
    if (!empty) return [];
    return [
      {
        seq: empty.seq,
        line: empty.line,
        message: `The iterable yielded b"" (chunk #${empty.index}) before start_response() was called. PEP 3333 allows this, but wsgiref's handler raises "write() before start_response()" on it.`,
      },
    ];
  },
};
