import { PEP_SECTIONS } from './pep.ts';
import { appReturn, eventsOf } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** The app returned None (a forgotten `return`) or something else that cannot be iterated. */
export const returnedNotIterable: Rule = {
  id: 'returned-not-iterable',
  severity: 'error',
  title: 'Returned something that is not iterable',
  detects:
    'An app whose return value cannot be iterated: most often `None`, from a forgotten `return` after using `write()`, or a branch that falls off the end of the function.',
  pepQuote:
    'An application **must** return an iterable object, even if it uses `write()` to produce all or part of its response body.',
  pepUrl: PEP_SECTIONS.writeCallable,
  hint: 'Return an iterable on every path, if only an empty list: `return []`.',
  check: (trace) => {
    const returned = appReturn(trace);
    // The server's iter() of the very object returned (not an error inside its __iter__).
    const failed = eventsOf(trace, 'exception').find(
      (event) =>
        event.phase === 'iterate' &&
        returned !== undefined &&
        event.message === `'${returned.resultType}' object is not iterable`,
    );
    if (!returned || !failed) return [];
    return [
      {
        seq: returned.seq,
        line: returned.line,
        message: `The app returned ${returned.repr ?? `a ${returned.resultType}`}, which is not iterable: the server failed with ${failed.type}: ${failed.message}.`,
      },
    ];
  },
};
