import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, eventsOf } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** The app caught what `start_response(..., exc_info)` raised and carried on. */
export const excInfoErrorTrapped: Rule = {
  id: 'exc-info-error-trapped',
  severity: 'error',
  title: 'Error from start_response(exc_info) trapped',
  detects:
    'An app that catches the exception `start_response(..., exc_info)` raised (because the headers were already sent) and keeps producing output: the server cannot abort the broken response, and the client receives the old status with an error body glued on.',
  pepQuote:
    'The application **must not** trap any exceptions raised by `start_response`, if it called `start_response` with `exc_info`.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Do not wrap start_response(..., sys.exc_info()) in try/except; let its exception propagate to the server.',
  check: (trace) => {
    const exceptions = eventsOf(trace, 'exception');
    return appEventsOf(trace, 'start_response')
      .filter((event) => event.excInfo !== null && event.error !== undefined)
      .filter(
        (event) =>
          !exceptions.some(
            (ex) =>
              ex.seq > event.seq &&
              event.error === `${ex.type.split('.').pop() ?? ''}: ${ex.message}`,
          ),
      )
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `start_response() with exc_info raised ${event.error ?? ''}, but the app caught it and went on instead of letting it reach the server.`,
      }));
  },
};
