import { PEP_SECTIONS } from './pep.ts';
import { appCommit, appEventsOf, appReturn, headerValue, plural } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** The iterable's `__len__` said 1, so the server set Content-Length from the first chunk — wrongly. */
export const lenInaccurate: Rule = {
  id: 'len-inaccurate',
  severity: 'error',
  title: 'len() of the iterable is wrong',
  detects:
    'An iterable whose `__len__()` returns 1 while it yields more than one chunk. Trusting it, wsgiref computes Content-Length from the first chunk alone, and the rest of the body overruns it.',
  pepQuote:
    'That is, if the iterable returned by the application provides a working `__len__()` method, it **must** return an accurate result.',
  pepUrl: PEP_SECTIONS.specificationDetails,
  hint: 'Make `__len__()` return the number of chunks the iterable yields — or drop it.',
  check: (trace) => {
    const returned = appReturn(trace);
    const commit = appCommit(trace);
    if (!returned?.hasLen || !commit || appEventsOf(trace, 'write').length) return [];
    if (!commit.added.some((name) => name.toLowerCase() === 'content-length')) return [];
    const declared = Number(headerValue(commit.headers, 'content-length'));
    const sent = trace.response.bodySize;
    if (sent === declared) return [];
    const chunks = appEventsOf(trace, 'yield').length;
    return [
      {
        seq: returned.seq,
        line: returned.line,
        message: `len() of the returned ${returned.resultType} is 1, so wsgiref sent Content-Length: ${declared} (the size of the first chunk); the iterable went on to yield ${plural(sent, 'byte')} in ${plural(chunks, 'chunk')}.`,
      },
    ];
  },
};
