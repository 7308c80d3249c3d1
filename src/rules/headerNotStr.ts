import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, raisedNote, withArticle } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A header name or value that is not a str (an int Content-Length, bytes, None). */
export const headerNotStr: Rule = {
  id: 'header-not-str',
  severity: 'error',
  title: 'Header name or value is not a str',
  detects:
    'A header name or value that is not a native string: `("Content-Length", 42)`, `(b"X-Id", b"1")`, `("X-User", None)`.',
  pepQuote:
    'Again, all objects referred to in this specification as "strings" **must** be of type `str` or `StringType`, and **must not** be of type `unicode` or `UnicodeType`.',
  pepUrl: PEP_SECTIONS.unicodeIssues,
  hint: 'Convert header values to str: `("Content-Length", str(len(body)))`.',
  check: (trace) =>
    appEventsOf(trace, 'start_response').flatMap((event) =>
      (event.headers ?? []).flatMap((item) => {
        if (item.name === undefined) return [];
        const bad: string[] = [];
        if (item.nameType !== 'str')
          bad.push(`name ${item.name} is ${withArticle(item.nameType ?? '?')}`);
        if (item.valueType !== 'str') {
          bad.push(`value ${item.value ?? ''} is ${withArticle(item.valueType ?? '?')}`);
        }
        if (!bad.length) return [];
        const header = item.nameType === 'str' ? `${item.name} header` : 'header';
        return [
          {
            seq: event.seq,
            line: event.line,
            message: `The ${header}'s ${bad.join(' and ')}, not a str.${raisedNote(event.error)}`,
          },
        ];
      }),
    ),
};
