import { PEP_SECTIONS } from './pep.ts';
import { appCommit, appEventsOf, plural } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A non-empty chunk yielded before `start_response` was called. */
export const yieldBeforeStartResponse: Rule = {
  id: 'yield-before-start-response',
  severity: 'error',
  title: 'Body before start_response',
  detects:
    'A non-empty bytestring yielded by the iterable before `start_response()` was called (or when it is never called): the server has no status or headers to send before the body. Common in generators that yield first and decide the status later.',
  pepQuote:
    'the application **must** invoke the `start_response()` callable before the iterable yields its first body bytestring, so that the server can send the headers before any body content.',
  pepUrl: PEP_SECTIONS.specificationDetails,
  hint: 'Call start_response() before the first non-empty yield (in a generator, at its top).',
  check: (trace) => {
    const firstStart = appEventsOf(trace, 'start_response')[0];
    const early = appEventsOf(trace, 'yield').find(
      (event) => event.seq < (firstStart?.seq ?? Infinity) && (event.size ?? 0) > 0,
    );
    if (!early) return [];
    const later = firstStart
      ? ` start_response() came only later, at event #${firstStart.seq}.`
      : '';
    // gunicorn sends its head anyway: the status None, none of the app's headers.
    const commit = appCommit(trace);
    const sentAnyway =
      trace.settings?.personality === 'gunicorn' &&
      commit &&
      commit.seq < (firstStart?.seq ?? Infinity)
        ? ` gunicorn sent its head anyway, with the status ${commit.status} and none of the app's headers, and the bytes after it.`
        : '';
    return [
      {
        seq: early.seq,
        line: early.line,
        message: `The iterable yielded ${plural(early.size ?? 0, 'byte')} (chunk #${early.index}) before start_response() had been called: the server had no status line or headers to send first.${later}${sentAnyway}`,
      },
    ];
  },
};
