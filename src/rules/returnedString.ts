import { PEP_SECTIONS } from './pep.ts';
import { appReturn, withArticle } from './traceQueries.ts';
import type { Rule } from './types.ts';

const STRING_TYPES = ['str', 'bytes', 'bytearray'];

/** The app returned a str or bytes object instead of an iterable of bytestrings. */
export const returnedString: Rule = {
  id: 'returned-string',
  severity: 'error',
  title: 'Returned a string instead of a list',
  detects:
    'An app that returns the body itself — `return b"Hello"` or `return "Hello"` — instead of an iterable of bytestrings. Iterating bytes gives ints and iterating a str gives one-character strs, so the server fails (or, on lenient servers, sends one byte at a time).',
  pepQuote:
    'Regardless of how it is accomplished, the application object must always return an iterable yielding zero or more bytestrings.',
  pepUrl: PEP_SECTIONS.specificationDetails,
  hint: 'Return a list holding the body: `return [body]`.',
  check: (trace) => {
    const returned = appReturn(trace);
    if (!returned || !STRING_TYPES.includes(returned.resultType)) return [];
    const items = returned.resultType === 'str' ? 'one-character strs' : 'ints, one per byte';
    return [
      {
        seq: returned.seq,
        line: returned.line,
        message: `The app returned ${withArticle(returned.resultType)} object${returned.repr ? ` (${returned.repr})` : ''} as its response; iterating it yields ${items}, not bytestrings.`,
      },
    ];
  },
};
