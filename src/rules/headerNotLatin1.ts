import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, headerArgs, pyRepr, findChar, isBeyondLatin1 } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A header name or value with a character beyond U+00FF, which cannot go on the wire. */
export const headerNotLatin1: Rule = {
  id: 'header-not-latin1',
  severity: 'error',
  title: 'Header is not latin-1',
  detects:
    'A header name or value with a character outside ISO-8859-1 (beyond U+00FF), such as `"✓"` or a non-ASCII file name. wsgiref accepts it in `start_response()` and fails only when it encodes the headers for the wire, after the app has returned.',
  pepQuote:
    'On Python platforms where the `str` or `StringType` type is in fact Unicode-based (e.g. Jython, IronPython, Python 3, etc.), all "strings" referred to in this specification must contain only code points representable in ISO-8859-1 encoding (`\\u0000` through `\\u00FF`, inclusive). It is a fatal error for an application to supply strings containing any other Unicode character or code point.',
  pepUrl: PEP_SECTIONS.unicodeIssues,
  hint: "Encode non-latin-1 text for headers: RFC 8187 (`filename*=UTF-8''…`) or percent-encoding.",
  check: (trace) =>
    appEventsOf(trace, 'start_response').flatMap((event) =>
      headerArgs(event)
        .filter(({ name, value }) => findChar(name + value, isBeyondLatin1))
        .map(({ name, value }) => {
          const where = findChar(name, isBeyondLatin1)
            ? `name ${pyRepr(name)}`
            : `${name} header's value ${pyRepr(value)}`;
          const char = findChar(name + value, isBeyondLatin1) ?? '';
          const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
          return {
            seq: event.seq,
            line: event.line,
            message: `The ${where} contains ${char} (${code}), which latin-1 cannot encode.`,
          };
        }),
    ),
};
