import { PEP_SECTIONS } from './pep.ts';
import { isModelledServer, personalityName } from '../trace/personalityNames.ts';
import { appCommit, appReturn, eventsOf } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** A modelled server framed the body with chunked transfer coding (wsgiref closes instead). */
export const serverChunkedBody: Rule = {
  id: 'server-chunked-body',
  severity: 'info',
  title: 'Body sent chunked',
  detects:
    'Under gunicorn or waitress, an HTTP/1.1 response without a Content-Length went out with Transfer-Encoding: chunked, one chunk per write or yield — where wsgiref sends the bytes as they are and closes the connection to end the body.',
  pepQuote:
    'And, if the server and client both support HTTP/1.1 "chunked encoding", then the server **may** use chunked encoding to send a chunk for each `write()` call or bytestring yielded by the iterable, thus generating a Content-Length header for each chunk.',
  pepUrl: PEP_SECTIONS.contentLength,
  hint: 'Nothing to fix: set a Content-Length if the client must know the size before the body (a download bar), or to keep a one-chunk response unframed.',
  check: (trace) => {
    if (!isModelledServer(trace.settings?.personality)) return [];
    const commit = appCommit(trace);
    if (!commit) return [];
    const chunked = commit.headers.some(
      ([name, value]) =>
        name.toLowerCase() === 'transfer-encoding' && value.toLowerCase() === 'chunked',
    );
    if (!chunked || !commit.added.some((name) => name.toLowerCase() === 'transfer-encoding'))
      return [];
    const chunks = trace.response.segments.filter(
      (segment) => segment.part === 'body' && segment.end > segment.start,
    ).length;
    const returned = appReturn(trace);
    const oneItem = returned?.hasLen && returned.length === 1 && !eventsOf(trace, 'write').length;
    const server = personalityName(trace.settings);
    return [
      {
        seq: commit.seq,
        line: commit.line,
        message:
          `The app set no Content-Length, so ${server} sent the body chunked (${chunks} chunk${chunks === 1 ? '' : 's'} and the last, empty one); ` +
          (oneItem
            ? 'wsgiref would have counted the one item of the list and sent its Content-Length.'
            : 'wsgiref would send the bytes unframed and close the connection to end them.'),
      },
    ];
  },
};
