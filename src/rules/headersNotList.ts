import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, raisedNote } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** `response_headers` is a tuple, a dict, a generator… instead of a list. */
export const headersNotList: Rule = {
  id: 'headers-not-list',
  severity: 'error',
  title: 'Headers are not a list',
  detects:
    'A `response_headers` argument that is not exactly a `list`: a tuple, a dict, a `Headers` object or a generator.',
  pepQuote:
    'It must be a Python list; i.e. `type(response_headers) is ListType`, and the server **may** change its contents in any way it desires.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Pass a list of (name, value) tuples: `[("Content-Type", "text/plain")]`.',
  check: (trace) =>
    appEventsOf(trace, 'start_response')
      .filter((event) => event.headersType !== 'list')
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `start_response() got headers of type ${event.headersType}${event.headersRepr ? ` (${event.headersRepr})` : ''}; PEP 3333 requires a list.${raisedNote(event.error)}`,
        ...(event.headersType === 'dict'
          ? { hint: 'Turn the dict into a list of pairs: `list(headers.items())`.' }
          : {}),
      })),
};
