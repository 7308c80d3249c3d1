import { PEP_SECTIONS } from './pep.ts';
import { appEventsOf, environValue } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** The size a read asked for, or undefined for "the rest" (no argument, None or negative). */
function requested(arg: string | null): number | undefined {
  if (arg === null || !/^-?\d+$/.test(arg)) return undefined;
  const size = Number(arg);
  return size < 0 ? undefined : size;
}

/** `wsgi.input` read beyond CONTENT_LENGTH (absent counts as 0). `read()` without a size is fine. */
export const readPastContentLength: Rule = {
  id: 'read-past-content-length',
  severity: 'warning',
  title: 'Read past CONTENT_LENGTH',
  detects:
    'A `wsgi.input` read that asks for more bytes than `CONTENT_LENGTH` leaves (an absent CONTENT_LENGTH means no body), like `read(8192)` on a GET. Servers need not simulate end-of-file there, so such a read can block until the client gives up. `read()` with no argument is allowed: PEP 3333 asks servers to support it.',
  pepQuote:
    'The application **should not** attempt to read more data than is specified by the `CONTENT_LENGTH` variable.',
  pepUrl: PEP_SECTIONS.inputAndErrorStreams,
  hint: "Read exactly what was sent: `environ['wsgi.input'].read(int(environ.get('CONTENT_LENGTH') or 0))`.",
  check: (trace) => {
    const text = environValue(trace, 'CONTENT_LENGTH') ?? '';
    const length = /^\d+$/.test(text.trim()) ? Number(text) : 0;
    const hits = appEventsOf(trace, 'input.read').filter((event) => {
      const before = event.position - (event.size ?? 0);
      const size = event.method === 'read' ? requested(event.arg) : undefined;
      return event.position > length || (size !== undefined && size > 0 && before + size > length);
    });
    const first = hits[0];
    if (!first) return [];
    const before = first.position - (first.size ?? 0);
    const more =
      hits.length > 1 ? ` (and ${hits.length - 1} more read${hits.length > 2 ? 's' : ''})` : '';
    const declared = text ? `CONTENT_LENGTH is ${text}` : 'there is no CONTENT_LENGTH';
    return [
      {
        seq: first.seq,
        line: first.line,
        message: `wsgi.input.${first.method}(${first.arg ?? ''}) at position ${before} reads past the request body: ${declared}${more}.`,
      },
    ];
  },
};
