import { PEP_SECTIONS } from './pep.ts';
import { appCommit, appEventsOf, isExcInfoSummary } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** `start_response(..., exc_info)` after the headers went out: too late to change the status. */
export const excInfoAfterHeadersSent: Rule = {
  id: 'exc-info-after-headers-sent',
  severity: 'warning',
  title: 'exc_info after the headers were sent',
  detects:
    'An error response started with `exc_info` after the headers were already on the wire. The status cannot change any more: `start_response()` re-raises the error, the server aborts, and the client gets a truncated response with the original status.',
  pepQuote:
    'However, if `exc_info` is provided, and the HTTP headers have already been sent, `start_response` **must** raise an error, and **should** re-raise using the `exc_info` tuple.',
  pepUrl: PEP_SECTIONS.startResponse,
  hint: 'Find errors before the first non-empty chunk (build or validate the body first); once headers are out, let the exception propagate.',
  check: (trace) => {
    const commit = appCommit(trace);
    return appEventsOf(trace, 'start_response')
      .filter(
        (event) => event.headersSent && event.excInfo !== null && isExcInfoSummary(event.excInfo),
      )
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `start_response(${JSON.stringify(event.status)}, …, exc_info) came after the headers were sent${commit ? ` (event #${commit.seq}, status ${commit.status})` : ''}: the client already has the old status, so start_response re-raised ${event.excInfo ?? ''}: the response can only be cut short.`,
      }));
  },
};
