import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, appReturn, eventsOf, withArticle } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** The app finished without ever calling `start_response` (and yielded no body). */
export const noStartResponse: Rule = {
  id: 'no-start-response',
  severity: 'error',
  title: 'start_response never called',
  detects:
    'An app that returns (or a generator that finishes) without ever calling `start_response()`, and without raising: a forgotten call, or a call in a branch that did not run.',
  pepQuote:
    'the application **must** invoke the `start_response()` callable before the iterable yields its first body bytestring, so that the server can send the headers before any body content.',
  pepUrl: PEP_SECTIONS.specificationDetails,
  hint: 'Call start_response(status, headers) on every path through the app, before returning the body.',
  check: (trace) => {
    const returned = appReturn(trace);
    if (!returned || appEventsOf(trace, 'start_response').length) return [];
    if (appEventsOf(trace, 'yield').some((event) => (event.size ?? 0) > 0)) return [];
    // Only when the iteration ran to its end: a server that aborted it early (say, on an
    // empty chunk before start_response) cannot tell whether the call would have come.
    const exceptions = eventsOf(trace, 'exception');
    if (exceptions.some((event) => event.phase !== 'finish')) return [];
    const failure = exceptions[0];
    const raised = failure ? ` wsgiref then failed with ${failure.type}: ${failure.message}.` : '';
    return [
      {
        seq: returned.seq,
        line: returned.line,
        message: `The app returned ${returned.isGenerator ? 'a generator that finished' : withArticle(returned.resultType)} without ever calling start_response(): there is no status to send.${raised}`,
      },
    ];
  },
};
