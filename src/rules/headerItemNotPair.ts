import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, raisedNote, withArticle } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** An item of the header list that is not a (name, value) pair at all. */
export const headerItemNotPair: Rule = {
  id: 'header-item-not-pair',
  severity: 'error',
  title: 'Header is not a (name, value) pair',
  detects:
    'An item of the header list that is not a two-item pair: a bare string like `"Content-Type: text/plain"`, a 3-tuple, `None`.',
  pepQuote: 'The `response_headers` argument is a list of `(header_name, header_value)` tuples.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Give each header as a two-item tuple: `("Content-Type", "text/plain")`, not `"Content-Type: text/plain"`.',
  check: (trace) =>
    appEventsOf(trace, 'start_response').flatMap((event) =>
      (event.headers ?? [])
        .filter((item) => item.name === undefined)
        .map((item) => ({
          seq: event.seq,
          line: event.line,
          message: `The header list holds ${item.repr ?? item.itemType} (${withArticle(item.itemType)}), not a (name, value) tuple.${raisedNote(event.error)}`,
        })),
    ),
};
