import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, appReturn, withArticle } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** The iterable yielded a str (or int, bytearray, …) instead of bytes. */
export const yieldNotBytes: Rule = {
  id: 'yield-not-bytes',
  severity: 'error',
  title: 'Yielded something that is not bytes',
  detects:
    'A chunk of the response iterable that is not `bytes`: usually a `str` that was never encoded, or a `bytearray`/`memoryview`.',
  pepQuote:
    'For values referred to in this specification as "bytestrings" (i.e., values read from `wsgi.input`, passed to `write()` or yielded by the application), the value **must** be of type `bytes` under Python 3, and `str` in earlier versions of Python.',
  pepUrl: PEP_SECTIONS.unicodeIssues,
  hint: 'Encode text before yielding it: `yield text.encode("utf-8")`.',
  check: (trace) => {
    const returned = appReturn(trace);
    // Returning a str or bytes object is its own rule (returned-string).
    if (returned && ['str', 'bytes', 'bytearray'].includes(returned.resultType)) return [];
    const chunk = appEventsOf(trace, 'yield').find((event) => event.type !== 'bytes');
    if (!chunk) return [];
    return [
      {
        seq: chunk.seq,
        line: chunk.line,
        message: `Chunk #${chunk.index} is ${withArticle(chunk.type)}${chunk.repr ? ` (${chunk.repr})` : ''}, not bytes.`,
        ...(chunk.type === 'str' ? {} : { hint: 'Yield bytes: `bytes(chunk)`.' }),
      },
    ];
  },
};
