import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, headerArgs, raisedNote } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** The hop-by-hop headers of RFC 2616, section 13.5.1 (as `wsgiref.util.is_hop_by_hop`). */
export const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailers',
  'transfer-encoding',
  'upgrade',
];

/** A hop-by-hop header (Connection, Transfer-Encoding, …) set by the app. */
export const hopByHopHeader: Rule = {
  id: 'hop-by-hop-header',
  severity: 'error',
  title: 'Hop-by-hop header',
  detects:
    "A hop-by-hop header — Connection, Keep-Alive, Transfer-Encoding, TE, Trailers, Upgrade, Proxy-Authenticate, Proxy-Authorization — in the app's headers. Connection handling belongs to the server; wsgiref raises an AssertionError.",
  pepQuote:
    'WSGI applications **must not** generate any "hop-by-hop" headers, attempt to use HTTP features that would require them to generate such headers, or rely on the content of any incoming "hop-by-hop" headers in the `environ` dictionary.',
  pepUrl: PEP_SECTIONS.otherHttpFeatures,
  hint: 'Remove the header: the server decides about keep-alive and transfer encoding.',
  check: (trace) =>
    appEventsOf(trace, 'start_response').flatMap((event) =>
      headerArgs(event)
        .filter(({ name }) => HOP_BY_HOP.includes(name.toLowerCase()))
        .map(({ name, value }) => ({
          seq: event.seq,
          line: event.line,
          message: `The app set the hop-by-hop header ${name}: ${value}.${raisedNote(event.error)}`,
        })),
    ),
};
