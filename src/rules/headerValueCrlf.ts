import { PEP_SECTIONS } from './pep.ts';
import { appCommit, appEventsOf, headerArgs, pyRepr, serverAdded } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A CR or LF in a header value: response splitting, which wsgiref does not stop. */
export const headerValueCrlf: Rule = {
  id: 'header-value-crlf',
  severity: 'error',
  title: 'Line break in a header value (response splitting)',
  detects:
    'A header value containing CR or LF. wsgiref writes it to the wire as is, so the text after the line break becomes a header of its own (or the body): the classic response-splitting hole, e.g. a redirect to a user-supplied URL.',
  pepQuote:
    'Each `header_value` **must not** include *any* control characters, including carriage returns or linefeeds, either embedded or at the end.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Never copy request data into a header unchecked: reject or strip "\\r" and "\\n" (or percent-encode URLs).',
  check: (trace) => {
    // Names on the wire that neither the app's list nor the server put there were injected.
    const injected = (appCommit(trace)?.added ?? []).filter(
      (name) => !serverAdded(trace).includes(name.toLowerCase()),
    );
    return appEventsOf(trace, 'start_response').flatMap((event) => {
      return headerArgs(event)
        .filter(({ value }) => /[\r\n]/.test(value))
        .map(({ name, value }) => {
          const extra = injected.length
            ? ` The client received ${injected.join(', ')} as ${injected.length > 1 ? 'headers' : 'a header'} of ${injected.length > 1 ? 'their' : 'its'} own.`
            : '';
          return {
            seq: event.seq,
            line: event.line,
            message: `The value of the ${name} header, ${pyRepr(value)}, contains a line break: whoever controls it can add headers or a body to the response.${extra}`,
          };
        });
    });
  },
};
