import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, raisedNote, withArticle } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** `write()` called with a str (or anything but bytes). */
export const writeNotBytes: Rule = {
  id: 'write-not-bytes',
  severity: 'error',
  title: 'write() of something that is not bytes',
  detects: 'A call of the `write()` callable with anything but `bytes`, usually a `str`.',
  pepQuote:
    'For values referred to in this specification as "bytestrings" (i.e., values read from `wsgi.input`, passed to `write()` or yielded by the application), the value **must** be of type `bytes` under Python 3, and `str` in earlier versions of Python.',
  pepUrl: PEP_SECTIONS.unicodeIssues,
  hint: 'Encode text before writing it: `write(text.encode("utf-8"))`.',
  check: (trace) =>
    appEventsOf(trace, 'write')
      .filter((event) => event.type !== 'bytes')
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `write() got ${withArticle(event.type)}${event.repr ? ` (${event.repr})` : ''}, not bytes.${raisedNote(event.error)}`,
      })),
};
