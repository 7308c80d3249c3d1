import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, headerArgs, pyRepr, findChar, isControl } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** Control characters other than CR and LF (those have their own rule). */
const isOtherControl = (code: number): boolean => isControl(code) && code !== 0x0d && code !== 0x0a;

/** A header value holding a control character such as NUL or TAB. */
export const headerValueControlChars: Rule = {
  id: 'header-value-control-chars',
  severity: 'error',
  title: 'Control character in a header value',
  detects:
    'A header value that contains a control character other than CR or LF: NUL, TAB, ESC, DEL…',
  pepQuote:
    'Each `header_value` **must not** include *any* control characters, including carriage returns or linefeeds, either embedded or at the end.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Strip or encode control characters before putting text in a header.',
  check: (trace) =>
    appEventsOf(trace, 'start_response').flatMap((event) =>
      headerArgs(event)
        .filter(({ value }) => findChar(value, isOtherControl))
        .map(({ name, value }) => {
          const char = findChar(value, isOtherControl) ?? '';
          const code = `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
          return {
            seq: event.seq,
            line: event.line,
            message: `The value of the ${name} header, ${pyRepr(value)}, contains the control character ${code}.`,
          };
        }),
    ),
};
