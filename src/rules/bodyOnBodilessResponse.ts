import { PEP_SECTIONS } from './pep.ts';
import {
  appCommit,
  appEventsOf,
  frameworkResponds,
  plural,
  requestMethod,
  statusCode,
} from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A body in a response to HEAD, or with status 1xx, 204 or 304. */
export const bodyOnBodilessResponse: Rule = {
  id: 'body-on-bodiless-response',
  severity: 'error',
  title: 'Body on a response that cannot have one',
  detects:
    'Body bytes in a response to a HEAD request, or in a 1xx, 204 (No Content) or 304 (Not Modified) response, which HTTP forbids (RFC 9110, sections 9.3.2, 15.3.5, 15.4.5). wsgiref plays dumb and sends them, and the client reads them as the start of the next response.',
  pepQuote:
    'In general, servers and gateways should "play dumb" and allow the application complete control over its output.',
  pepUrl: PEP_SECTIONS.otherHttpFeatures,
  hint: 'Check REQUEST_METHOD and the status: for HEAD, 204 and 304 return [] (headers such as Content-Length may stay).',
  check: (trace) => {
    const commit = appCommit(trace);
    const size = trace.response.bodySize;
    if (!commit || size === 0) return [];
    const code = statusCode(commit.status);
    const head = requestMethod(trace) === 'HEAD';
    const bodiless = code !== undefined && (code < 200 || code === 204 || code === 304);
    if (!head && !bodiless) return [];
    // A framework's body on HEAD is head-body-left-to-server's (an info): it leaves it to the server.
    if (head && !bodiless && frameworkResponds(trace)) return [];
    const first = [...appEventsOf(trace, 'yield'), ...appEventsOf(trace, 'write')]
      .filter((event) => (event.size ?? 0) > 0)
      .sort((a, b) => a.seq - b.seq)[0];
    const why = head ? 'a response to HEAD' : `a ${commit.status} response`;
    return [
      {
        seq: first?.seq,
        line: first?.line,
        message: `The app sent ${plural(size, 'body byte')} in ${why}, which must not have a body.`,
      },
    ];
  },
};
