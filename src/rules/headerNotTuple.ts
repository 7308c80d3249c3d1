import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, withArticle } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A header given as a 2-item list (or another pair type) instead of a tuple. */
export const headerNotTuple: Rule = {
  id: 'header-not-tuple',
  severity: 'warning',
  title: 'Header is not a tuple',
  detects:
    'A header item that is a pair but not a `tuple`, e.g. `["Content-Type", "text/plain"]`. wsgiref accepts it; wsgiref.validate and other servers do not.',
  pepQuote: 'The `response_headers` argument is a list of `(header_name, header_value)` tuples.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Write each header as a tuple: `("Content-Type", "text/plain")`.',
  check: (trace) =>
    appEventsOf(trace, 'start_response').flatMap((event) =>
      (event.headers ?? [])
        .filter((item) => item.name !== undefined && item.itemType !== 'tuple')
        .map((item) => ({
          seq: event.seq,
          line: event.line,
          message: `The header ${item.name ?? ''} is ${withArticle(item.itemType)}, not a tuple.`,
        })),
    ),
};
