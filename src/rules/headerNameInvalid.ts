import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, headerArgs, pyRepr, findChar, isBeyondLatin1 } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** An HTTP field-name: a token (RFC 9110, section 5.1). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A header name that is not an HTTP token: empty, with a space, a colon or a line break. */
export const headerNameInvalid: Rule = {
  id: 'header-name-invalid',
  severity: 'error',
  title: 'Invalid header name',
  detects:
    'A header name that is not an HTTP field-name (a token): empty, or containing a space, a colon, a line break or other separators, e.g. `"Content-Type:"` or `"X Powered By"`.',
  pepQuote:
    'Each `header_name` must be a valid HTTP header field-name (as defined by RFC 2616, Section 4.2), without a trailing colon or other punctuation.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Use letters, digits and hyphens, without the colon: `("Content-Type", "text/html")`.',
  check: (trace) =>
    appEventsOf(trace, 'start_response').flatMap((event) =>
      headerArgs(event)
        .filter(({ name }) => !TOKEN.test(name) && !findChar(name, isBeyondLatin1))
        .map(({ name }) => ({
          seq: event.seq,
          line: event.line,
          message: `The header name ${pyRepr(name)} is not a valid HTTP field-name${name.endsWith(':') ? ' (the colon is added by the server)' : ''}.`,
        })),
    ),
};
