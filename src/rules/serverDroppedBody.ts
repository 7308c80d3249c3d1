import { PEP_SECTIONS } from './pep.ts';
import { isModelledServer, personalityName } from '../trace/personalityNames.ts';
import { eventsOf } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** Bytes of a write or yield that a modelled server did not send. */
export const serverDroppedBody: Rule = {
  id: 'server-dropped-body',
  severity: 'warning',
  title: 'Body bytes the server did not send',
  detects:
    'Under gunicorn or waitress, bytes of a write or yield that never reached the client: past the Content-Length the app announced (both cut there), or after a 1xx, 204 or 304 status (waitress ignores them). wsgiref sends them all.',
  pepQuote:
    'If the application supplies a Content-Length header, the server **should not** transmit more bytes to the client than the header allows, and **should** stop iterating over the response when enough data has been sent, or raise an error if the application tries to `write()` past that point.',
  pepUrl: PEP_SECTIONS.contentLength,
  hint: 'Make the Content-Length the size of the body (or leave it out), and send no body with 204 or 304.',
  check: (trace) => {
    if (!isModelledServer(trace.settings?.personality)) return [];
    const server = personalityName(trace.settings);
    return [...eventsOf(trace, 'write'), ...eventsOf(trace, 'yield')]
      .filter((event) => event.dropped)
      .sort((a, b) => a.seq - b.seq)
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message:
          event.droppedWhy === 'no-body-status'
            ? `${server} did not send the ${event.dropped} bytes of this ${event.kind}: the status allows no body.`
            : `${server} did not send ${event.dropped} of the ${event.size ?? event.dropped} bytes of this ${event.kind}: they go past the Content-Length.`,
      }));
  },
};
