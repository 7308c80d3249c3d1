import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, headerArgs, pyRepr } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A `Status` header in the header list: the CGI way, which WSGI does not use. */
export const statusHeader: Rule = {
  id: 'status-header',
  severity: 'warning',
  title: 'Status given as a header',
  detects:
    'A header named `Status`. In WSGI the status travels in the `status` argument; a CGI gateway writes its own `Status:` line, so the client gets two, and an HTTP server sends a meaningless header.',
  pepQuote:
    'The `status` argument is an HTTP "status" string like `"200 OK"` or `"404 Not Found"`.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Drop the Status header and pass the status as the first argument of start_response().',
  check: (trace) =>
    appEventsOf(trace, 'start_response').flatMap((event) =>
      headerArgs(event)
        .filter(({ name }) => name.toLowerCase() === 'status')
        .map(({ value }) => ({
          seq: event.seq,
          line: event.line,
          message: `The headers include Status: ${value}, while the status argument is ${pyRepr(event.status)}.`,
        })),
    ),
};
