import { PEP_SECTIONS } from './pep.ts';
import { acceptedStarts, appCommit, headerValue, plural, statusCode } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A response with a body but no Content-Type (a redirect or 204 without a body needs none). */
export const missingContentType: Rule = {
  id: 'missing-content-type',
  severity: 'warning',
  title: 'Body without Content-Type',
  detects:
    'A response that carries a body but no `Content-Type` header, so the client has to guess what the bytes are. A response without a body — a redirect, a 204, a 304 — needs none.',
  pepQuote:
    'The application is responsible for ensuring that the bytestring(s) to be written are in a format suitable for the client.',
  pepUrl: PEP_SECTIONS.specificationDetails,
  hint: 'Add a Content-Type header, e.g. `("Content-Type", "text/html; charset=utf-8")`.',
  check: (trace) => {
    const commit = appCommit(trace);
    const size = trace.response.bodySize;
    if (!commit || size === 0 || headerValue(commit.headers, 'content-type') !== undefined) {
      return [];
    }
    const code = statusCode(commit.status);
    if (code !== undefined && (code < 200 || code === 204 || code === 304)) return [];
    const start = acceptedStarts(trace)
      .filter((event) => event.seq < commit.seq)
      .at(-1);
    return [
      {
        seq: start?.seq ?? commit.seq,
        line: start?.line ?? commit.line,
        message: `The response has a body of ${plural(size, 'byte')} but no Content-Type header: the client has to guess what it is.`,
      },
    ];
  },
};
