import { PEP_SECTIONS } from './pep.ts';
import { withArticle } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** Middleware dropped the iterable of the app it wraps without calling its `close()`. */
export const innerIterableNotClosed: Rule = {
  id: 'inner-iterable-not-closed',
  severity: 'error',
  title: 'Inner iterable never closed',
  detects:
    "A middleware that replaces or cuts short the iterable returned by the app it wraps without calling that iterable's `close()`: the inner app's cleanup (closing a file, a cursor, a connection) never runs. A middleware is the server of the app it wraps.",
  pepQuote:
    'If the iterable returned by the application has a `close()` method, the server or gateway **must** call that method upon completion of the current request, whether the request was completed normally, or terminated early due to an application error during iteration or an early disconnect of the browser.',
  pepUrl: PEP_SECTIONS.specificationDetails,
  hint: "Close what you drop: `if hasattr(result, 'close'): result.close()` — or return a wrapper whose close() calls it.",
  check: (trace) =>
    (trace.innerIterables ?? [])
      .filter((inner) => !inner.closed)
      .map((inner) => ({
        line: inner.line,
        message: `${inner.callable}() returned ${withArticle(inner.resultType)} with a close() method${inner.line !== undefined ? ` (called at line ${inner.line})` : ''}, and nothing called it before the request ended.`,
      })),
};
