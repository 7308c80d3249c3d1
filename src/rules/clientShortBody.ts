import { PEP_SECTIONS } from './pep.ts';
import { eventsOf } from './traceQueries.ts';
import type { Rule } from './types.ts';
import type { Trace } from '../trace/schema.ts';

/** What the app did once its input ran short: read on, and how the run ended. */
function afterWords(trace: Trace, seq: number): string {
  const later = eventsOf(trace, 'input.read').filter((event) => event.seq > seq);
  const reads = later.length
    ? ` It read ${later.length} more time${later.length === 1 ? '' : 's'} and got the end of the stream.`
    : '';
  const status = trace.response.status;
  const ending =
    trace.outcome === 'complete' && status
      ? ` It answered ${status} all the same: check that it did not act on a partial body.`
      : ` The run ended with outcome ${trace.outcome}.`;
  return reads + ending;
}

/** The client sent less of the body than it announced: what the app made of the short input. */
export const clientShortBody: Rule = {
  id: 'client-short-body',
  severity: 'info',
  title: 'The client sent less than it announced',
  detects:
    'A client that announced a Content-Length and stopped sending before it (setting `shortBody`, CLI `--short-body`): `wsgi.input` ends early, and a `read(CONTENT_LENGTH)` returns fewer bytes than asked — a dropped upload, as a real server sees one. The finding says what the app did next.',
  pepQuote:
    "The server is not required to read past the client's specified `Content-Length`, and **should** simulate an end-of-file condition if the application attempts to read past that point.",
  pepUrl: PEP_SECTIONS.inputAndErrorStreams,
  hint: 'Check what `read()` returned against `CONTENT_LENGTH`; answer `400 Bad Request` rather than act on a partial body.',
  check: (trace) =>
    eventsOf(trace, 'input.read')
      .filter((event) => event.clientStopped !== undefined)
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `The client announced ${event.clientStopped?.announced} bytes and sent ${event.clientStopped?.sent}: wsgi.input.${event.method}() met the end of the stream at byte ${event.position}.${afterWords(trace, event.seq)}`,
      })),
};
