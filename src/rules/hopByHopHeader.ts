import { PEP_SECTIONS } from './pep.ts';
import { APP_LAYER } from '../trace/schema.ts';
import { headerSource, laneWords } from './layerQueries.ts';
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
        .map(({ name, value }) => {
          // Behind middleware, the finding goes to the layer that added the header.
          const source = trace.layers ? headerSource(trace, event, name) : null;
          const who = source ? laneWords(trace, source.lane) : 'the app';
          const verb = source && source.lane !== APP_LAYER ? 'added' : 'set';
          const at = source?.event ?? event;
          return {
            seq: at.seq,
            line: at.line,
            message: `${who.charAt(0).toUpperCase()}${who.slice(1)} ${verb} the hop-by-hop header ${name}: ${value}.${raisedNote(event.error)}`,
          };
        }),
    ),
};
