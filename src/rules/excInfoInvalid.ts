import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, isExcInfoSummary, raisedNote } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** An `exc_info` that is not a `sys.exc_info()` tuple of a real exception. */
export const excInfoInvalid: Rule = {
  id: 'exc-info-invalid',
  severity: 'error',
  title: 'exc_info is not sys.exc_info()',
  detects:
    'An `exc_info` argument that is not the `(type, value, traceback)` tuple of an exception being handled: an exception object, `True`, or `sys.exc_info()` called outside an `except` block, which gives `(None, None, None)`.',
  pepQuote:
    'The `exc_info` argument, if supplied, must be a Python `sys.exc_info()` tuple. This argument should be supplied by the application only if `start_response` is being called by an error handler.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Call `start_response(status, headers, sys.exc_info())` inside the `except` block that caught the error.',
  check: (trace) =>
    appEventsOf(trace, 'start_response')
      .filter((event) => event.excInfo !== null && !isExcInfoSummary(event.excInfo))
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `start_response() got exc_info=${event.excInfo ?? ''}, which is not the sys.exc_info() of an exception being handled.${raisedNote(event.error)}`,
      })),
};
