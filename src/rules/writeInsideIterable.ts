import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, appReturn } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** `write()` called while the server iterates the returned iterable. */
export const writeInsideIterable: Rule = {
  id: 'write-inside-iterable',
  severity: 'error',
  title: 'write() from inside the iterable',
  detects:
    'A call of `write()` after the app returned, from inside its iterable — typically a generator app that calls `write()`. Middleware and servers that buffer the iterable then get the bytes out of order.',
  pepQuote:
    'Applications **must not** invoke `write()` from within their return iterable, and therefore any bytestrings yielded by the iterable are transmitted after all bytestrings passed to `write()` have been sent to the client.',
  pepUrl: PEP_SECTIONS.writeCallable,
  hint: 'Either write() everything before returning (and return []), or yield every chunk — not both from the iterable.',
  check: (trace) => {
    const returned = appReturn(trace);
    if (!returned) return [];
    return appEventsOf(trace, 'write')
      .filter((event) => event.seq > returned.seq)
      .slice(0, 1)
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `write() was called at event #${event.seq}, after the app returned ${returned.isGenerator ? 'its generator' : `its ${returned.resultType}`} (event #${returned.seq}): from inside the iterable.`,
      }));
  },
};
