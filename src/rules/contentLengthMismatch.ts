import { PEP_SECTIONS } from './pep.ts';
import {
  acceptedStarts,
  appCommit,
  appEventsOf,
  eventsOf,
  headerArgs,
  plural,
  pyRepr,
  requestMethod,
  statusCode,
} from './traceQueries.ts';
import type { Rule, RuleHit } from './types.ts';

/** The app's Content-Length is not a number, or the body over- or under-runs it. */
export const contentLengthMismatch: Rule = {
  id: 'content-length-mismatch',
  severity: 'error',
  title: 'Content-Length does not match the body',
  detects:
    'A `Content-Length` set by the app that is not a number, or that the body over- or under-runs. wsgiref sends what it gets: with too many bytes the surplus reads as the start of the next response on a kept-alive connection; with too few the client waits for bytes that never come. (A HEAD or 304 response may announce a length without a body.)',
  pepQuote:
    'If the application supplies a `Content-Length` header, the server **should not** transmit more bytes to the client than the header allows, and **should** stop iterating over the response when enough data has been sent, or raise an error if the application tries to `write()` past that point.',
  pepUrl: PEP_SECTIONS.contentLength,
  hint: 'Compute Content-Length from the bytes you send — `str(len(body))` — or leave it out and let the server handle it.',
  check: (trace) => {
    const commit = appCommit(trace);
    if (!commit) return [];
    const start = acceptedStarts(trace)
      .filter((event) => event.seq < commit.seq)
      .at(-1);
    if (!start) return [];
    const lengths = headerArgs(start).filter(({ name }) => name.toLowerCase() === 'content-length');
    if (!lengths.length) return [];
    const at = { seq: start.seq, line: start.line };
    const values = [...new Set(lengths.map(({ value }) => value.trim()))];
    const [value] = values;
    if (values.length > 1 || value === undefined || !/^\d+$/.test(value)) {
      const shown = values.map(pyRepr).join(', ');
      return [{ ...at, message: `Content-Length ${shown} is not one whole number of bytes.` }];
    }
    const declared = Number(value);
    const sent = trace.response.bodySize;
    if (sent > declared) return [overrun(trace, declared, sent)];
    const code = statusCode(commit.status);
    const crashed = eventsOf(trace, 'exception').some((event) => event.seq > commit.seq);
    if (sent < declared && requestMethod(trace) !== 'HEAD' && code !== 304 && !crashed) {
      return [
        {
          ...at,
          message: `Content-Length says ${plural(declared, 'byte')} but the body has only ${sent}: the client waits for ${declared - sent} more that never come.`,
        },
      ];
    }
    return [];
  },
};

/** The finding for a body longer than its Content-Length, at the chunk that crossed it. */
function overrun(trace: Parameters<Rule['check']>[0], declared: number, sent: number): RuleHit {
  const chunks = [...appEventsOf(trace, 'yield'), ...appEventsOf(trace, 'write')]
    .filter((event) => event.type === 'bytes')
    .sort((a, b) => a.seq - b.seq);
  let total = 0;
  const crossing = chunks.find((event) => (total += event.size ?? 0) > declared);
  return {
    seq: crossing?.seq,
    line: crossing?.line,
    message: `Content-Length says ${plural(declared, 'byte')} but the body has ${sent}: wsgiref sends all of them, and a client reads the ${plural(sent - declared, 'extra byte')} as the start of the next response.`,
  };
}
