import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** The status passed to `start_response` is not a str (bytes, an int, …). */
export const statusNotStr: Rule = {
  id: 'status-not-str',
  severity: 'error',
  title: 'Status is not a str',
  detects:
    'A status passed to `start_response()` that is not a native string: `b"200 OK"`, `200`, `None`.',
  pepQuote:
    'In short: where you see the word "string" in this document, it refers to a "native" string, i.e., an object of type `str`, whether it is internally implemented as bytes or unicode.',
  pepUrl: PEP_SECTIONS.stringTypes,
  hint: 'Pass the status as a str: `start_response("200 OK", headers)`.',
  check: (trace) =>
    appEventsOf(trace, 'start_response')
      .filter((event) => event.statusType !== 'str')
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `start_response() got a status of type ${event.statusType} (${event.status}); the status must be a str such as "200 OK".`,
      })),
};
