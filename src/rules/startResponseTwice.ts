import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, raisedNote } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** `start_response` called again without `exc_info`. */
export const startResponseTwice: Rule = {
  id: 'start-response-twice',
  severity: 'error',
  title: 'start_response called twice',
  detects:
    'A second call of `start_response()` without `exc_info` — even when the first call raised. Typical in middleware that calls it for the inner app and again for itself, or in `try` blocks that retry it.',
  pepQuote:
    'More precisely, it is a fatal error to call `start_response` without the `exc_info` argument if `start_response` has already been called within the current invocation of the application. This includes the case where the first call to `start_response` raised an error.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Call start_response() once; to replace a response after an error, pass sys.exc_info() as the third argument.',
  check: (trace) => {
    const calls = appEventsOf(trace, 'start_response');
    const first = calls[0];
    if (!first) return [];
    return calls
      .slice(1)
      .filter((event) => event.excInfo === null)
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `start_response() was called again (status ${JSON.stringify(event.status)}) without exc_info; it was first called${first.line !== undefined ? ` at line ${first.line}` : ''} (event #${first.seq}).${raisedNote(event.error)}`,
      }));
  },
};
